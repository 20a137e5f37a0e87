import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { TriageError } from '../src/core/errors.js';
import type { Service } from '../src/service/index.js';
import type { StartOptions } from '../src/service/types.js';
import { type Db, openDatabase } from '../src/store/db.js';
import { aService, aUser, codeOf, rowCounts } from './helpers/builders.js';

let db: Db;
let service: Service;
let earlier: number;
const me = aUser();
const stranger = aUser({ userId: 'u2' });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every test starts with one decision on record, which no bad input may lose. */
beforeEach(async () => {
  ({ db, service } = aService());
  const v = await service.triage.startFromText(me, 'invite', { platform: 'linkedin', inviter: 'Kept' });
  await service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'yes' });
  earlier = v.id;
});

const earlierStillThere = async () =>
  expect((await service.records.history(me)).items).toEqual([
    expect.objectContaining({ triageId: earlier, outcome: 'accept' }),
  ]);

/** Asserts the call fails with the code, writes nothing, and leaves the earlier decision in place. */
async function refused(code: string, fn: () => unknown): Promise<void> {
  const before = rowCounts(db);
  expect(await codeOf(fn)).toBe(code);
  expect(rowCounts(db)).toEqual(before);
  await earlierStillThere();
}

/** Random bytes, read as latin1 the way a confused client might send them. */
function binary(length: number, seed: number): string {
  let x = seed;
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x & 0xff;
  }
  return bytes.toString('latin1');
}

describe('pasted text', () => {
  const start =
    (text: unknown, opts: StartOptions = {}) =>
    () =>
      service.triage.startFromText(me, text as string, opts);

  it.each([
    ['empty text', ''],
    ['whitespace only', ' \n\t  \r\n'],
    ['control characters only', '\u0000\u0001\u0007\u001b'],
    ['not a string', undefined],
  ])('%s is refused with empty_input', (_name, text) => refused('empty_input', start(text)));

  it('100 KB of text is refused with too_long, naming the limit', async () => {
    await refused('too_long', start('a'.repeat(100_000)));
    await expect(start('a'.repeat(100_000))()).rejects.toThrow(/20,000/);
  });

  it.each([1, 2, 3, 4, 5])(
    'random binary bytes (seed %i) get a clear error or a sane triage, never a crash',
    async (seed) => {
      const before = rowCounts(db);
      try {
        const v = await service.triage.startFromText(me, binary(2000, seed), { platform: 'linkedin', inviter: 'Bin' });
        expect(v.status).toBe('open');
        expect(rowCounts(db).triages).toBe(before.triages + 1);
      } catch (err) {
        expect(err).toBeInstanceOf(TriageError);
        expect((err as TriageError).message).toMatch(/binary/);
        expect(rowCounts(db)).toEqual(before);
      }
      await earlierStillThere();
    },
  );

  it('control characters inside text are stripped before storing', async () => {
    const v = await service.triage.startFromText(me, 'Dana\u0000 wants\u0007 to connect', { platform: 'linkedin' });
    const stored = db.$client.prepare('SELECT text FROM invitations WHERE id = ?').pluck().get(v.id);
    expect(stored).toBe('Dana  wants  to connect');
  });

  it('an unknown platform option is refused with unknown_platform', async () => {
    await refused('unknown_platform', start('invite', { platform: 'friendster' as never }));
  });
});

describe('names from anywhere', () => {
  it.each([
    ['emoji', 'Zoë 👩🏽‍💻 Nguyễn'],
    ['right-to-left', 'مريم الأحمد'],
    ['Hebrew with digits', 'דנה 2'],
    ['CJK', '김다나'],
  ])('%s names are stored and returned intact', async (_name, inviter) => {
    const v = await service.triage.startFromText(me, `${inviter} wants to connect`, { platform: 'facebook', inviter });
    expect(v.inviter).toBe(inviter);
    expect((await service.triage.get(me, v.id)).inviter).toBe(inviter);
    expect(db.$client.prepare('SELECT inviter FROM invitations WHERE id = ?').pluck().get(v.id)).toBe(inviter);
    if (v.step.kind === 'question') expect(v.step.question.text).toContain(inviter);
  });

  it('a long name is cut without splitting an emoji in half', async () => {
    const v = await service.triage.startFromText(me, 'invite', { platform: 'x', inviter: `${'a'.repeat(79)}😀 tail` });
    expect(v.inviter).not.toMatch(LONE_SURROGATE);
    expect(db.$client.prepare('SELECT inviter FROM invitations WHERE id = ?').pluck().get(v.id)).toBe(v.inviter);
  });
});

describe('answers that cannot apply', () => {
  it('an answer to a finished triage is refused with already_decided', async () => {
    await refused('already_decided', () =>
      service.triage.answer(me, earlier, { questionId: 'met_in_person_or_phone', choice: 'no' }),
    );
  });

  it('another user cannot answer, undo, revise, amend or read my triage', async () => {
    const open = await service.triage.startFromText(me, 'invite', { platform: 'facebook', inviter: 'Mine' });
    const answer = { questionId: 'serves_professionally', choice: 'yes' };
    await service.records.history(stranger); // the stranger is a known user, so only their attempt is under test
    await refused('not_yours', () => service.triage.answer(stranger, open.id, answer));
    await refused('not_yours', () => service.triage.undo(stranger, earlier));
    await refused('not_yours', () => service.triage.revise(stranger, earlier));
    await refused('not_yours', () => service.triage.amend(stranger, earlier, { platform: 'facebook' }));
    await refused('not_yours', () => service.triage.get(stranger, earlier));
    expect((await service.triage.get(me, open.id)).status).toBe('open');
  });

  it.each([
    ['does not exist', 9999],
    ['is NaN', Number.NaN],
    ['is negative', -1],
    ['is a fraction', 1.5],
    ['is Infinity', Number.POSITIVE_INFINITY],
  ])('a triage id that %s is refused with not_found', async (_name, id) => {
    await refused('not_found', () =>
      service.triage.answer(me, id, { questionId: 'met_in_person_or_phone', choice: 'yes' }),
    );
    await refused('not_found', () => service.triage.get(me, id));
    await refused('not_found', () => service.triage.undo(me, id));
  });

  it('a question id that was never asked is refused with stale_question', async () => {
    const open = await service.triage.startFromText(me, 'invite', { platform: 'linkedin', inviter: 'Q' });
    await refused('stale_question', () => service.triage.answer(me, open.id, { questionId: 'bogus', choice: 'yes' }));
  });
});

describe('a database that cannot be opened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triage-bad-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a path under a regular file gives database_unavailable naming the path', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const path = join(blocker, 'triage.db');
    expect(await codeOf(() => openDatabase(path))).toBe('database_unavailable');
    expect(() => openDatabase(path)).toThrow(path);
    expect(() => openDatabase(join(blocker, 'deeper', 'triage.db'))).toThrow(TriageError);
  });

  it('a file that is not a database gives database_unavailable naming the path', async () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'These are my notes, not a SQLite database. '.repeat(200));
    expect(await codeOf(() => openDatabase(path))).toBe('database_unavailable');
    expect(() => openDatabase(path)).toThrow(path);
  });
});
