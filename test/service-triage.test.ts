import { beforeEach, describe, expect, it } from 'vitest';
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

const startLinkedIn = (inviter = 'Dana Kim') =>
  service.triage.startFromText(me, 'Dana wants to connect', { platform: 'linkedin', inviter, source: 'console' });
const startFacebook = () =>
  service.triage.startFromText(me, 'friend request', { platform: 'facebook', inviter: 'Ana Silva' });
const row = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;
const rows = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as T[];

describe('starting and answering a triage', () => {
  it('GIVEN a LinkedIn invitation THEN it is stored open and asks the first question', async () => {
    const v = await startLinkedIn();
    expect(v).toMatchObject({ status: 'open', platform: 'linkedin', platformName: 'LinkedIn', inviter: 'Dana Kim' });
    expect(v.step).toMatchObject({ kind: 'question', question: { id: 'met_in_person_or_phone' } });
    expect(row('SELECT text, source, platform, inviter FROM invitations')).toEqual({
      text: 'Dana wants to connect',
      source: 'console',
      platform: 'linkedin',
      inviter: 'Dana Kim',
    });
    expect(row('SELECT status, outcome FROM triages WHERE id = ?', v.id)).toEqual({ status: 'open', outcome: null });
  });

  it('GIVEN an answer that decides THEN a decision row holds the outcome and its reasons', async () => {
    const v = await startLinkedIn();
    clock.advance(1000);
    const done = await service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'yes' });
    expect(done.status).toBe('decided');
    if (done.step.kind !== 'decision') throw new Error('expected a decision');
    const d = row<Record<string, unknown>>('SELECT * FROM decisions WHERE triage_id = ?', v.id);
    expect(d).toMatchObject({ outcome: 'accept', platform: 'linkedin', decided_by: null, superseded_at: null });
    expect(d.decided_at).toBe(clock.now());
    expect(JSON.parse(String(d.reasons))).toEqual(done.step.decision.reasons);
    expect(d.explanation).toBe(done.step.decision.explanation);
    expect(row('SELECT status, outcome FROM triages')).toEqual({ status: 'decided', outcome: 'accept' });
    expect(rows('SELECT question_id, choice FROM answers')).toEqual([
      { question_id: 'met_in_person_or_phone', choice: 'yes' },
    ]);
  });

  it('GIVEN a double click on the deciding answer THEN it is recorded once and reported as a duplicate', async () => {
    const v = await startLinkedIn();
    await service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'no' });
    const again = await service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'no' });
    expect(again.duplicate).toBe(true);
    expect(again.step).toMatchObject({ kind: 'decision', decision: { outcome: 'decline' } });
    expect(rowCounts(db)).toMatchObject({ answers: 1, decisions: 1 });
  });

  it('GIVEN a double click mid-way THEN the next question is shown again and nothing is added', async () => {
    const v = await startFacebook();
    await service.triage.answer(me, v.id, { questionId: 'serves_professionally', choice: 'no' });
    const again = await service.triage.answer(me, v.id, { questionId: 'serves_professionally', choice: 'no' });
    expect(again.duplicate).toBe(true);
    expect(again.step).toMatchObject({ kind: 'question', question: { id: 'would_invite_home' } });
    expect(rowCounts(db).answers).toBe(1);
  });

  it('GIVEN a different answer to a question already answered THEN stale_question and nothing changes', async () => {
    const v = await startFacebook();
    await service.triage.answer(me, v.id, { questionId: 'serves_professionally', choice: 'no' });
    const before = { counts: rowCounts(db), triage: row('SELECT * FROM triages') };
    expect(
      await codeOf(() => service.triage.answer(me, v.id, { questionId: 'serves_professionally', choice: 'yes' })),
    ).toBe('stale_question');
    expect({ counts: rowCounts(db), triage: row('SELECT * FROM triages') }).toEqual(before);
  });

  it('GIVEN a decided triage THEN a different answer is refused with already_decided', async () => {
    const v = await startLinkedIn();
    await service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'yes' });
    expect(
      await codeOf(() => service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'no' })),
    ).toBe('already_decided');
    expect(rows('SELECT outcome FROM decisions')).toEqual([{ outcome: 'accept' }]);
  });

  it('GIVEN an unknown choice THEN unknown_choice and nothing is stored', async () => {
    const v = await startLinkedIn();
    const before = rowCounts(db);
    expect(
      await codeOf(() => service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'x' })),
    ).toBe('unknown_choice');
    expect(rowCounts(db)).toEqual(before);
  });
});

describe('undo, revise and amend', () => {
  const decide = async (choice: string) => {
    const v = await startLinkedIn();
    await service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice });
    return v.id;
  };

  it('undo reopens a decided triage and takes its decision out of history', async () => {
    const id = await decide('no');
    clock.advance(60_000);
    const v = await service.triage.undo(me, id);
    expect(v.status).toBe('open');
    expect(v.step).toMatchObject({ kind: 'question', question: { id: 'met_in_person_or_phone' } });
    expect((await service.records.history(me)).total).toBe(0);
    expect(row('SELECT superseded_at FROM decisions')).toEqual({ superseded_at: clock.now() });
    expect(rowCounts(db).answers).toBe(0);
    const redo = await service.triage.answer(me, id, { questionId: 'met_in_person_or_phone', choice: 'yes' });
    expect(redo.duplicate).toBe(false);
    expect((await service.records.history(me)).items.map((i) => i.outcome)).toEqual(['accept']);
  });

  it('undo with nothing answered says nothing_to_undo', async () => {
    expect(await codeOf(async () => service.triage.undo(me, (await startLinkedIn()).id))).toBe('nothing_to_undo');
  });

  it('revise supersedes the old decision: history shows the new one, export keeps both', async () => {
    const id = await decide('no');
    clock.advance(60_000);
    const reopened = await service.triage.revise(me, id);
    expect(reopened.status).toBe('open');
    await service.triage.answer(me, id, { questionId: 'met_in_person_or_phone', choice: 'planned' });
    const history = await service.records.history(me);
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({ triageId: id, outcome: 'defer' });
    const exported = JSON.parse((await service.records.export(me, 'json')).body);
    expect(exported.decisions.map((d: { outcome: string; supersededAt: string | null }) => d)).toEqual([
      expect.objectContaining({ outcome: 'decline', supersededAt: new Date(clock.now()).toISOString() }),
      expect.objectContaining({ outcome: 'defer', supersededAt: null }),
    ]);
  });

  it('amend changes the platform, stores it, and asks the new platform’s questions', async () => {
    const id = await decide('yes');
    const v = await service.triage.amend(me, id, { platform: 'facebook', inviter: 'Dana K.' });
    expect(v).toMatchObject({ status: 'open', platform: 'facebook', inviter: 'Dana K.' });
    expect(v.step).toMatchObject({ kind: 'question', question: { id: 'serves_professionally' } });
    expect(row('SELECT platform, inviter FROM invitations')).toEqual({ platform: 'facebook', inviter: 'Dana K.' });
    expect((await service.records.history(me)).total).toBe(0);
  });

  it('amend to a platform it does not know is refused and changes nothing', async () => {
    const id = await decide('yes');
    const before = row('SELECT * FROM triages');
    expect(await codeOf(() => service.triage.amend(me, id, { platform: 'friendster' }))).toBe('unknown_platform');
    expect(row('SELECT * FROM triages')).toEqual(before);
  });
});

describe('get and openTriage', () => {
  it('get shows the triage as it stands; openTriage finds the latest unfinished one', async () => {
    const first = await startLinkedIn('First');
    clock.advance(1000);
    const second = await startFacebook();
    expect(await service.triage.get(me, first.id)).toMatchObject({ id: first.id, inviter: 'First', status: 'open' });
    expect((await service.triage.openTriage(me))?.id).toBe(second.id);
    await service.triage.answer(me, second.id, { questionId: 'serves_professionally', choice: 'yes' });
    expect((await service.triage.openTriage(me))?.id).toBe(first.id);
    await service.triage.answer(me, first.id, { questionId: 'met_in_person_or_phone', choice: 'yes' });
    expect(await service.triage.openTriage(me)).toBeNull();
  });

  it('an unknown platform is asked for, and the answer is stored on the invitation', async () => {
    const v = await service.triage.startFromText(me, 'hello', { inviter: 'Kai' });
    expect(v.step).toMatchObject({ kind: 'question', question: { id: 'platform' } });
    const next = await service.triage.answer(me, v.id, { questionId: 'platform', choice: 'instagram' });
    expect(next.step).toMatchObject({ kind: 'question', question: { id: 'serves_professionally' } });
    expect(row('SELECT platform FROM invitations')).toEqual({ platform: 'instagram' });
    expect(rows('SELECT question_id, choice FROM answers')).toEqual([{ question_id: 'platform', choice: 'instagram' }]);
  });
});

describe('discarding a triage', () => {
  it('GIVEN a decided triage WHEN its owner discards it THEN nothing of it is left and others stay', async () => {
    const gone = await startLinkedIn();
    await service.triage.answer(me, gone.id, { questionId: 'met_in_person_or_phone', choice: 'no' });
    const kept = await startFacebook();
    expect(await service.triage.discard(me, gone.id)).toEqual({ id: gone.id, inviter: 'Dana Kim' });
    expect(rows('SELECT id FROM triages')).toEqual([{ id: kept.id }]);
    expect(row('SELECT COUNT(*) AS n FROM decisions')).toEqual({ n: 0 });
    expect(row('SELECT COUNT(*) AS n FROM invitations')).toEqual({ n: 1 });
    expect(await codeOf(() => service.triage.discard(me, gone.id))).toBe('not_found');
  });

  it('GIVEN someone else WHEN they discard my triage THEN it is refused and kept', async () => {
    const mine = await startLinkedIn();
    expect(await codeOf(() => service.triage.discard(aUser({ userId: 'u2' }), mine.id))).toBe('not_yours');
    expect(rows('SELECT id FROM triages')).toEqual([{ id: mine.id }]);
  });
});

describe('texts the parser is unsure of or that are not invitations', () => {
  it('GIVEN an accepted-invitation notice THEN startFromText refuses with not_an_invitation and creates nothing', async () => {
    const text = 'Julia Fischer accepted your invitation to connect on LinkedIn. Send her a message!';
    expect(await codeOf(() => service.triage.startFromText(me, text))).toBe('not_an_invitation');
    await expect(service.triage.startFromText(me, text)).rejects.toThrow(
      'That looks like an accepted invitation, not an invitation to triage; nothing was started.',
    );
    expect(rowCounts(db)).toMatchObject({ invitations: 0, triages: 0 });
  });

  it('GIVEN invite wording with no network THEN the triage asks which network rather than guessing', async () => {
    const v = await service.triage.startFromText(me, 'got a request from victor lund, no idea which app');
    expect(v).toMatchObject({ platform: null, inviter: 'Victor Lund' });
    expect(v.step).toMatchObject({ kind: 'question', question: { id: 'platform' } });
  });

  it('GIVEN a bare name THEN a triage still starts and asks the network', async () => {
    const v = await service.triage.startFromText(me, 'Priya Raman');
    expect(v.step).toMatchObject({ kind: 'question', question: { id: 'platform' } });
  });
});
