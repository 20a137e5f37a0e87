import { beforeEach, describe, expect, it } from 'vitest';
import type { UserRef } from '../src/core/user.js';
import { toCsv } from '../src/service/export.js';
import type { Service } from '../src/service/index.js';
import type { Db } from '../src/store/db.js';
import { aService, aUser, codeOf, type FakeClock, rowCounts } from './helpers/builders.js';

let db: Db;
let service: Service;
let clock: FakeClock;
const me = aUser();

beforeEach(() => {
  ({ db, service, clock } = aService());
});

/** Starts a LinkedIn triage and answers it; returns the triage id. */
async function decided(user: UserRef, inviter: string, choice = 'yes'): Promise<number> {
  const v = await service.triage.startFromText(user, 'invite', { platform: 'linkedin', inviter });
  await service.triage.answer(user, v.id, { questionId: 'met_in_person_or_phone', choice });
  clock.advance(1000);
  return v.id;
}

/** A small RFC 4180 reader, to check that the CSV survives a round trip. */
function readCsv(body: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  const token = /"((?:[^"]|"")*)"|([^,\r\n"]*)/y;
  let i = 0;
  while (i < body.length) {
    token.lastIndex = i;
    const m = token.exec(body);
    if (!m) throw new Error(`bad CSV at ${i}`);
    row.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? ''));
    i = token.lastIndex;
    if (body.startsWith('\r\n', i)) {
      out.push(row);
      row = [];
      i += 2;
    } else if (body[i] === ',') i += 1;
    else if (i < body.length) throw new Error(`bad CSV at ${i}`);
  }
  return out;
}

describe('history', () => {
  it('pages newest first with a total, and clamps silly page sizes', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await decided(me, name);
    const first = await service.records.history(me, { limit: 2, offset: 0 });
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.inviter)).toEqual(['E', 'D']);
    expect((await service.records.history(me, { limit: 2, offset: 4 })).items.map((i) => i.inviter)).toEqual(['A']);
    expect((await service.records.history(me, { limit: 0 })).limit).toBe(1);
    expect((await service.records.history(me, { limit: 10_000 })).limit).toBe(50);
    expect(await service.records.history(me, { limit: Number.NaN, offset: -3 })).toMatchObject({ limit: 1, offset: 0 });
  });

  it('shows the platform name, outcome and explanation of each decision', async () => {
    await decided(me, 'Dana', 'no');
    expect((await service.records.history(me)).items[0]).toMatchObject({
      platform: 'linkedin',
      platformName: 'LinkedIn',
      inviter: 'Dana',
      outcome: 'decline',
      decidedBy: 'met_in_person_or_phone',
      explanation: expect.stringContaining('Dana'),
    });
  });
});

describe('pending', () => {
  it('lists deferred decisions, then triages still open', async () => {
    await decided(me, 'Accepted', 'yes');
    await decided(me, 'Later', 'planned');
    const open = await service.triage.startFromText(me, 'invite', { platform: 'facebook', inviter: 'Open' });
    expect(await service.records.pending(me)).toEqual([
      expect.objectContaining({ inviter: 'Later', outcome: 'defer' }),
      expect.objectContaining({ triageId: open.id, inviter: 'Open', outcome: null, platformName: 'Facebook' }),
    ]);
  });
});

describe('export', () => {
  it('CSV has a header and quotes commas, quotes and formulas safely', async () => {
    await decided(me, 'Smith, "Jo"');
    await decided(me, '=HYPERLINK("http://evil")');
    const file = await service.records.export(me, 'csv');
    expect(file).toMatchObject({ filename: 'invite-triage.csv', contentType: 'text/csv' });
    const table = readCsv(file.body);
    expect(table[0]).toEqual([
      'triage_id',
      'received_at',
      'platform',
      'inviter',
      'outcome',
      'decided_by',
      'explanation',
      'answers',
      'decided_at',
      'superseded_at',
    ]);
    expect(table[1]?.[3]).toBe('Smith, "Jo"');
    expect(table[1]?.[7]).toBe('met_in_person_or_phone=yes');
    expect(table[2]?.[3]).toBe(`'=HYPERLINK("http://evil")`);
    expect(table[2]?.[6]?.startsWith("'=")).toBe(true);
    expect(table.every((r) => r.length === 10)).toBe(true);
  });

  it('CSV keeps a newline inside a cell and defuses every formula lead character', async () => {
    const data = await service.stores.records.everything(
      await service.stores.users.ensure({ provider: 'console', workspace: 'local', externalId: 'x' }),
    );
    const inv = {
      id: 1,
      userId: 1,
      platform: 'linkedin',
      inviter: 'line1\nline2',
      context: '{}',
      text: '',
      source: 't',
      createdAt: 0,
    };
    const triage = {
      id: 7,
      userId: 1,
      invitationId: 1,
      status: 'decided',
      state: '{}',
      outcome: 'accept',
      version: 1,
      createdAt: 0,
      updatedAt: 0,
    };
    const decision = (explanation: string, id: number) => ({
      id,
      triageId: 7,
      userId: 1,
      platform: 'linkedin',
      outcome: 'accept',
      decidedBy: '+1',
      reasons: '[]',
      explanation,
      decidedAt: 0,
      supersededAt: null,
    });
    const body = toCsv({
      ...data,
      invitations: [inv],
      triages: [triage],
      decisions: [decision('@SUM(A1)', 1), decision('-2', 2)],
    });
    const table = readCsv(body);
    expect(table[1]?.[3]).toBe('line1\nline2');
    expect(table[1]?.[5]).toBe("'+1");
    expect(table[1]?.[6]).toBe("'@SUM(A1)");
    expect(table[2]?.[6]).toBe("'-2");
  });

  it('JSON parses and holds invitations, decisions with reasons, and answers', async () => {
    await decided(me, 'Dana');
    const file = await service.records.export(me, 'json');
    expect(file.contentType).toBe('application/json');
    const doc = JSON.parse(file.body);
    expect(doc.exportedFor).toEqual({ provider: 'console', workspace: 'local', user: 'u1' });
    expect(doc.invitations).toEqual([expect.objectContaining({ inviter: 'Dana', text: 'invite', context: {} })]);
    expect(doc.decisions[0].reasons[0]).toMatchObject({ criterion: 'met_in_person_or_phone', answer: 'yes' });
    expect(doc.answers).toEqual([expect.objectContaining({ questionId: 'met_in_person_or_phone', choice: 'yes' })]);
    expect(doc.triages[0]).not.toHaveProperty('state');
  });

  it('refuses an unknown format', async () => {
    expect(await codeOf(() => service.records.export(me, 'xlsx'))).toBe('bad_argument');
  });
});

describe('forget and privacy', () => {
  const slackT1 = aUser({ provider: 'slack', workspace: 'E1:T1', userId: 'U1' });
  // Another org: within one Enterprise Grid org the same user id is the same person.
  const slackT2 = aUser({ provider: 'slack', workspace: 'E2:T2', userId: 'U1' });
  const discord = aUser({ provider: 'discord', workspace: '', userId: 'U1' });

  it('forget deletes everything the user owns and nothing of anyone else', async () => {
    await decided(me, 'Mine');
    await service.triage.startFromText(me, 'open one', { platform: 'facebook', inviter: 'Also mine' });
    await service.policies.set(me, 'linkedin', ['knows_them']);
    await decided(slackT1, 'Theirs');
    await service.policies.set(slackT1, 'linkedin', ['knows_them']);
    const theirs = rowCounts(db);
    expect(await service.records.forget(me)).toEqual({ triages: 2 });
    expect(rowCounts(db)).toEqual({
      users: theirs.users - 1,
      invitations: 1,
      triages: 1,
      answers: 1,
      decisions: 1,
      policy_overrides: 1,
    });
    expect((await service.records.history(slackT1)).items.map((i) => i.inviter)).toEqual(['Theirs']);
    expect((await service.records.history(me)).total).toBe(0);
  });

  it('forgetting someone never seen writes nothing', async () => {
    const before = rowCounts(db);
    expect(await service.records.forget(aUser({ userId: 'ghost' }))).toEqual({ triages: 0 });
    expect(rowCounts(db)).toEqual(before);
  });

  it('users with the same id in other workspaces or providers never see each other’s data', async () => {
    const ids: number[] = [];
    for (const u of [slackT1, slackT2, discord]) ids.push(await decided(u, `${u.provider}:${u.workspace}`));
    for (const [i, u] of [slackT1, slackT2, discord].entries()) {
      expect((await service.records.history(u)).items.map((h) => h.inviter)).toEqual([`${u.provider}:${u.workspace}`]);
      expect(JSON.parse((await service.records.export(u, 'json')).body).invitations).toHaveLength(1);
      const other = ids[(i + 1) % 3] as number;
      expect(await codeOf(() => service.triage.get(u, other))).toBe('not_yours');
    }
  });
});
