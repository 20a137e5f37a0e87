import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTree, reachOf, sourceFiles } from './helpers/import-guard.js';

const ROOT = join(import.meta.dirname, '..');

describe('the layering of the real tree', () => {
  it('checks every file under src/ and adapters/', () => {
    const files = sourceFiles(ROOT);
    expect(files).toEqual(
      expect.arrayContaining([
        'src/core/flow.ts',
        'src/service/index.ts',
        'src/store/index.ts',
        'src/scheduler/tick.ts',
        'adapters/slack/index.ts',
        'adapters/discord/index.ts',
      ]),
    );
    expect(files.length).toBeGreaterThan(100);
  });

  it('breaks no rule', () => {
    expect(checkTree(ROOT)).toEqual([]);
  });
});

describe('the guard on a copy of the tree with violations planted', () => {
  const copy = mkdtempSync(join(tmpdir(), 'arch-guard-'));
  cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
  cpSync(join(ROOT, 'adapters'), join(copy, 'adapters'), { recursive: true });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  const plant = (file: string, code: string) => appendFileSync(join(copy, file), `\n${code}\n`);
  plant('src/core/flow.ts', "import '../store/db.js';");
  plant('src/core/flow.ts', "export type { SlackAdapter } from '../../adapters/slack/index.js';");
  plant('src/core/flow.ts', "export const later = () => import('../scheduler/digest-scheduler.js');");
  plant('src/core/policy.ts', "import type { Database } from 'better-sqlite3';");
  plant('src/core/policy.ts', "import { readFileSync as read } from 'fs';");
  plant('src/core/criteria.ts', 'export const token = () => process.env.SLACK_BOT_TOKEN;');
  plant('src/core/week.ts', 'export const { env: environment } = process;');
  plant('adapters/slack/notifier.ts', "import type { Db } from '../../src/store/db.js';");
  plant('adapters/slack/reply.ts', "import { Client } from 'discord.js';");
  plant('adapters/discord/render.ts', "export { slackNotifier } from '../slack/notifier.js';");
  plant('adapters/console/render.ts', "import { eq } from 'drizzle-orm';");
  plant('src/scheduler/tick.ts', "import { DigestClaimStore } from '../store/digest-claims.js';");
  plant('src/service/records-service.ts', "import type { RecordStore } from '../store/records.js';");
  plant('src/service/triage-service.ts', "import type { App } from '@slack/bolt';");
  plant('src/store/users.ts', "import type { Service } from '../service/index.js';");
  plant('src/service/input-service.ts', "import { createFileReaders } from '../input/index.js';");
  plant('src/input/mail.ts', "import type { Db } from '../store/db.js';");
  plant('adapters/console/files.ts', "import { createWorker } from 'tesseract.js';");
  plant('src/input/ocr.ts', "import type { TriageService } from '../service/triage-service.js';");
  const found = checkTree(copy);

  it.each([
    ['src/core/flow.ts', 'src/store/db.ts', 'the core imports nothing outside src/core'],
    ['src/core/flow.ts', 'adapters/slack/index.ts', 'the core imports nothing outside src/core'],
    ['src/core/flow.ts', 'src/scheduler/digest-scheduler.ts', 'the core imports nothing outside src/core'],
    ['src/core/policy.ts', 'better-sqlite3', 'the core imports no package'],
    ['src/core/policy.ts', 'the built-in fs', 'the core imports no Node built-in'],
    ['src/core/criteria.ts', 'process.env', 'the core never reads process.env'],
    ['src/core/week.ts', 'process.env', 'the core never reads process.env'],
    ['adapters/slack/notifier.ts', 'src/store/db.ts', 'adapters import no store module'],
    ['adapters/slack/reply.ts', 'discord.js', 'Slack never imports Discord'],
    ['adapters/discord/render.ts', 'adapters/slack/notifier.ts', 'Discord never imports Slack'],
    ['adapters/console/render.ts', 'drizzle-orm', 'adapters import no database driver'],
    ['src/scheduler/tick.ts', 'src/store/digest-claims.ts', 'the scheduler reaches data only through the service'],
    ['src/service/records-service.ts', 'src/store/records.ts', 'the service imports no adapter, SDK, store'],
    ['src/service/triage-service.ts', '@slack/bolt', 'the service imports no adapter, SDK, store'],
    ['src/store/users.ts', 'src/service/index.ts', 'the store imports only the core and the ports'],
    ['src/service/input-service.ts', 'src/input/index.ts', 'the service never imports the file readers'],
    ['src/input/mail.ts', 'src/store/db.ts', 'the file readers import only packages'],
    ['adapters/console/files.ts', 'tesseract.js', 'adapters read files only through the service'],
    ['src/input/ocr.ts', 'src/service/triage-service.ts', 'the file readers import only packages'],
  ])('reports %s reaching %s', (file, what, rule) => {
    const lines = found.filter((l) => l.startsWith(`${file}:`) && l.includes(what) && l.includes(rule));
    expect(lines, found.join('\n')).toHaveLength(1);
  });

  it('reports nothing but what was planted', () => {
    expect(found).toHaveLength(19);
  });
});

describe('reading imports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arch-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);

  it('resolves .js to .ts, folders to index.ts, and sees every kind of import', () => {
    write('a.ts', '');
    write('index.ts', '');
    write(
      'b.ts',
      [
        "import type { A } from './a.js';",
        "export * from './a.js';",
        "import x = require('node:path');",
        "type T = import('zod').ZodType;",
        "const m = await import('./');",
        'const n = await import(name);',
        "const e = process['env'];",
        '// process.env in a comment is prose',
        "const s = 'process.env in a string too';",
      ].join('\n'),
    );
    const targets = reachOf(dir, 'b.ts').map((r) => r.target);
    expect(targets).toEqual([
      { kind: 'file', path: 'a.ts' },
      { kind: 'file', path: 'a.ts' },
      { kind: 'builtin', name: 'path' },
      { kind: 'package', name: 'zod' },
      { kind: 'file', path: 'index.ts' },
      { kind: 'computed' },
      { kind: 'env' },
    ]);
  });
});
