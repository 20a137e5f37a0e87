import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console/index.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import { systemClock } from '../../src/core/ports.js';
import { openDatabase } from '../../src/store/db.js';
import { tempDir } from '../helpers/run-process.js';

/** The terminal bot as `npm start` runs it, fed a script on a pipe, over a real SQLite file. */
async function runTerminal(dbPath: string, stdin: string, errors: string[]): Promise<string> {
  const db = openDatabase(dbPath);
  const log = createLogger('error', (line) => errors.push(line));
  let stdout = '';
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      stdout += chunk.toString();
      done();
    },
  });
  const user = { provider: 'console' as const, workspace: 'local', userId: 'me' };
  const terminal = createConsoleAdapter(
    { input: Readable.from([stdin]), output, user },
    { service: serviceOver(db, systemClock), log },
  );
  try {
    await terminal.start();
    await terminal.done;
  } finally {
    db.$client.close();
  }
  return stdout;
}

describe('the terminal reads other languages and quick descriptions, and refuses what is not an invitation', () => {
  let db: string;
  let cleanup: () => void;
  let errors: string[];
  beforeEach(() => {
    const t = tempDir();
    db = join(t.dir, 'bot.db');
    cleanup = t.cleanup;
    errors = [];
  });
  afterEach(() => {
    cleanup();
    expect(errors).toEqual([]);
  });

  it('GIVEN a not-invitation, a lower-case description and a German notification THEN one line, then two triages', async () => {
    const script = [
      'Julia Fischer accepted your invitation to connect on LinkedIn.',
      'my dentist added me on fb lol. greta lindholm',
      'drop 1',
      'Jens Albrecht möchte sich mit Ihnen vernetzen',
    ].join('\n');
    const out = await runTerminal(db, script, errors);
    expect(out).toContain('That looks like an accepted invitation, not an invitation to triage; nothing was started.');
    expect(out).toContain('[#1] Facebook invitation from Greta Lindholm');
    expect(out).toContain('You know them as: my dentist');
    expect(out).toContain('[#2] LinkedIn invitation from Jens Albrecht');
    const triages = new Database(db, { readonly: true }).prepare('select count(*) as n from triages').get();
    expect(triages).toEqual({ n: 1 });
  });
});
