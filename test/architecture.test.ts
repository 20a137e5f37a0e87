import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '..', 'src', 'core');

const FORBIDDEN: { what: string; test: (spec: string) => boolean }[] = [
  { what: 'a Slack SDK', test: (s) => s.startsWith('@slack/') },
  { what: 'discord.js', test: (s) => s === 'discord.js' || s.startsWith('discord.js/') || s.startsWith('@discordjs/') },
  { what: 'a database driver', test: (s) => /^(better-sqlite3|drizzle-orm)(\/|$)/.test(s) },
  { what: 'cron', test: (s) => /^node-cron(\/|$)/.test(s) },
  { what: 'a Node built-in', test: (s) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0] ?? s) },
];

/** Every module specifier a file imports, re-exports, dynamically imports or requires. */
function importsOf(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1] as string));
}

/** What is wrong with one core file, as readable lines; empty when it is clean. */
function violations(file: string, source: string): string[] {
  const found = importsOf(source).flatMap((spec) =>
    FORBIDDEN.filter((f) => f.test(spec)).map((f) => `${file} imports ${f.what}: "${spec}"`),
  );
  if (/\bprocess\s*\.\s*env\b|\bprocess\s*\[\s*['"]env['"]\s*\]/.test(source)) found.push(`${file} reads process.env`);
  return found;
}

function coreFiles(dir = CORE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? coreFiles(join(dir, e.name)) : /\.[cm]?[jt]s$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the pure core', () => {
  it('has files to check', () => {
    expect(coreFiles().map((f) => f.slice(CORE.length + 1))).toEqual(
      expect.arrayContaining(['flow.ts', 'policy.ts', 'criteria.ts', 'platforms.ts']),
    );
  });

  it('imports no SDK, database driver, cron or Node built-in, and never reads process.env', () => {
    const problems = coreFiles().flatMap((f) => violations(f.slice(CORE.length + 1), readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('imports only relative modules (the core stands alone)', () => {
    const external = coreFiles().flatMap((f) => importsOf(readFileSync(f, 'utf8')).filter((s) => !s.startsWith('.')));
    expect(external).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('catches every kind of forbidden import and process.env', () => {
    const bad = [
      "import { App } from '@slack/bolt';",
      "import type { Client } from 'discord.js';",
      "export { REST } from '@discordjs/rest';",
      "import Database from 'better-sqlite3';",
      "import { eq } from 'drizzle-orm/sql';",
      "import cron from 'node-cron';",
      "import 'node:fs';",
      "const path = await import('path');",
      "const os = require('os');",
      'const token = process.env.SLACK_BOT_TOKEN;',
    ].join('\n');
    const found = violations('bad.ts', bad);
    expect(found).toHaveLength(10);
    expect(found).toContain('bad.ts imports a Slack SDK: "@slack/bolt"');
    expect(found).toContain('bad.ts reads process.env');
  });

  it('lets relative imports and the word "env" in prose through', () => {
    const ok =
      "import { start } from './flow.js';\nimport type { X } from '../core/x.js';\n// the environment is read elsewhere";
    expect(violations('ok.ts', ok)).toEqual([]);
    expect(importsOf(ok)).toEqual(['./flow.js', '../core/x.js']);
  });
});
