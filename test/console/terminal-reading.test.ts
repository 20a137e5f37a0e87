import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-process.js';
import { runTerminal } from './terminal-harness.js';

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
    const out = (await runTerminal(db, script, errors)).stdout;
    expect(out).toContain('That looks like an accepted invitation, not an invitation to triage; nothing was started.');
    expect(out).toContain('[#1] Facebook invitation from Greta Lindholm');
    expect(out).toContain('You know them as: my dentist');
    expect(out).toContain('[#2] LinkedIn invitation from Jens Albrecht');
    const triages = new Database(db, { readonly: true }).prepare('select count(*) as n from triages').get();
    expect(triages).toEqual({ n: 1 });
  });
});
