import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import type { Service } from '../../src/service/index.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { fakeClock } from '../helpers/builders.js';
import { tempDir } from '../helpers/run-process.js';
import { runCli } from './cli-harness.js';
import { ME, session } from './terminal-harness.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const WEEK = 7 * 86_400_000;

/** Every value under a key ending in "At", anywhere in the document. */
function times(value: unknown, key = ''): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => times(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => times(v, k));
  return key.endsWith('At') && value !== null ? [value] : [];
}

describe('export from the terminal', () => {
  let dir: string;
  let cleanup: () => void;
  let db: Db;
  let service: Service;
  const clock = fakeClock(Date.parse('2025-01-01T10:00:00Z'));
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    db = openDatabase(join(dir, 'bot.db'));
    service = serviceOver(db, clock);
  });
  afterEach(() => {
    db.$client.close();
    cleanup();
  });

  it('GIVEN settings, time, a decision and a sent digest THEN the JSON export holds the user row, the digest claims and everything else, every time in ISO 8601', async () => {
    await service.settings.update(ME, { timezone: 'Europe/Berlin', digest: { day: 3, hour: 7 } });
    await session(service, ['LinkedIn request from Dana Kim', '2', 'time linkedin 25m at work', 'budget linkedin 2h']);
    clock.advance(WEEK);
    const [due] = await service.digest.due(clock.now());
    if (!due) throw new Error('the digest should be due');
    await service.digest.claim(due, 'test', clock.now(), 5);
    await service.digest.markSent(due, 'test', clock.now());

    const file = join(dir, 'me.json');
    expect(await session(service, [`export json ${file}`])).toContain(`Wrote ${file}.`);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.user).toEqual({
      timezone: 'Europe/Berlin',
      settings: { digest: { day: 3, hour: 7, off: false, quietWeeks: false } },
      createdAt: '2025-01-01T10:00:00.000Z',
    });
    expect(doc.digestClaims).toEqual([
      expect.objectContaining({ week: '2024-12-30', status: 'sent', sentAt: new Date(clock.now()).toISOString() }),
    ]);
    expect(doc.decisions).toEqual([
      expect.objectContaining({ outcome: 'decline', decidedAt: expect.stringMatching(ISO) }),
    ]);
    expect(doc.timeLogs).toEqual([expect.objectContaining({ minutes: 25, place: 'work' })]);
    expect(doc.budgets).toEqual([expect.objectContaining({ platform: 'linkedin', weeklyMinutes: 120 })]);
    expect(doc.invitations[0].text).toBe('LinkedIn request from Dana Kim');
    const all = times(doc);
    expect(all.length).toBeGreaterThan(8);
    for (const t of all) expect(t).toMatch(ISO);
  });

  it('GIVEN a folder that does not exist THEN the export names the path and writes nothing', async () => {
    const missing = join(dir, 'no-such-folder', 'me.csv');
    const screen = await session(service, ['LinkedIn request from Dana Kim', '2', `export csv ${missing}`]);
    expect(screen).toContain(`Cannot write ${missing}: no such folder. Nothing was written.`);
    expect(screen).not.toContain('Something went wrong');
  });

  it('the help says CSV is the decisions table and JSON everything, in the terminal and the CLI', async () => {
    expect(await session(service, ['help'])).toContain('export csv|json [file]  csv: your decisions; json: everything');
    const help = await runCli(['export', '--help'], { env: { DATABASE_PATH: join(dir, 'cli.db') }, cwd: dir });
    expect(help.stdout).toContain('CSV (the default) is your decisions table');
    expect(help.stdout).toContain('JSON is everything held about you');
  });
});
