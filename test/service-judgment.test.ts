import { beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../src/service/index.js';
import type { Db } from '../src/store/db.js';
import { aService, aUser, codeOf, type FakeClock, rowCounts } from './helpers/builders.js';

let db: Db;
let service: Service;
let clock: FakeClock;
const me = aUser();
const DAY = 86_400_000;

beforeEach(() => {
  ({ db, service, clock } = aService());
});

const decideDana = async () => {
  const v = await service.triage.startFromText(me, 'LinkedIn request from Dana Kim, recruiter at Acme');
  return service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'no' });
};

describe('repeats', () => {
  it('GIVEN a person triaged on LinkedIn THEN their next invitation there shows that decision and records nothing', async () => {
    const first = await decideDana();
    clock.advance(3 * DAY);
    const again = await service.triage.startFromText(me, 'Dana  KIM wants to connect on LinkedIn');
    expect(again.id).toBe(first.id);
    expect(again.repeat).toEqual({ outcome: 'decline', decidedAt: first.updatedAt });
    expect(rowCounts(db)).toMatchObject({ invitations: 1, triages: 1, decisions: 1 });
  });

  it('GIVEN the same name on another network, or another person THEN it is a new triage', async () => {
    await decideDana();
    const facebook = await service.triage.startFromText(me, 'Facebook friend request from Dana Kim');
    expect(facebook.repeat).toBeUndefined();
    const other = await service.triage.startFromText(me, 'LinkedIn request from Ana Silva');
    expect(other.repeat).toBeUndefined();
    const someoneElse = await service.triage.startFromText(aUser({ userId: 'U2' }), 'LinkedIn request from Dana Kim');
    expect(someoneElse.repeat).toBeUndefined();
    expect(rowCounts(db)).toMatchObject({ triages: 4 });
  });

  it('GIVEN "triage again" THEN a new triage asks the questions afresh and the earlier one stays', async () => {
    const first = await decideDana();
    const fresh = await service.triage.again(me, first.id);
    expect(fresh.id).not.toBe(first.id);
    expect(fresh.repeat).toBeUndefined();
    expect(fresh.step).toMatchObject({ kind: 'question', question: { id: 'met_in_person_or_phone' } });
    expect(rowCounts(db)).toMatchObject({ triages: 2, decisions: 1 });
    expect((await service.triage.again(me, first.id)).id).toBe(fresh.id);
    expect(rowCounts(db)).toMatchObject({ triages: 2 });
    expect((await service.triage.get(me, first.id)).status).toBe('decided');
    expect(await codeOf(() => service.triage.again(aUser({ userId: 'U2' }), first.id))).toBe('not_yours');
  });

  it('GIVEN a name the user corrected THEN the repeat is found under the corrected name', async () => {
    const v = await service.triage.startFromText(me, 'LinkedIn request from Dana Kym');
    await service.triage.amend(me, v.id, { inviter: 'Dana Kim' });
    await service.triage.answer(me, v.id, { questionId: 'met_in_person_or_phone', choice: 'yes' });
    const next = await service.triage.startFromText(me, 'LinkedIn request from Dana Kim');
    expect(next.repeat?.outcome).toBe('accept');
  });
});

describe('inference through the service', () => {
  it('GIVEN "my patient" on Facebook THEN the decline is decided without the question, the words kept', async () => {
    await service.settings.update(me, { role: 'general' });
    const v = await service.triage.startFromText(me, 'facebook friend request from my patient Sam Lee');
    expect(v.step).toMatchObject({ kind: 'decision', decision: { outcome: 'decline' } });
    if (v.step.kind !== 'decision') throw new Error('expected a decision');
    expect(v.step.decision.reasons[0]?.inferred).toBe('my patient');
  });

  it('GIVEN "Not what I meant" THEN the inferred question is asked and the triage reopens', async () => {
    await service.settings.update(me, { role: 'general' });
    const v = await service.triage.startFromText(me, 'facebook friend request from my patient Sam Lee');
    const corrected = await service.triage.correct(me, v.id);
    expect(corrected.status).toBe('open');
    expect(corrected.step).toMatchObject({ kind: 'question', question: { id: 'serves_professionally' } });
    expect(rowCounts(db)).toMatchObject({ decisions: 1 });
    expect(await codeOf(() => service.triage.correct(me, v.id))).toBe('nothing_to_undo');
  });
});

describe('the role', () => {
  it('GIVEN a new user whose text names a patient THEN the role is asked once, kept, and applied', async () => {
    const v = await service.triage.startFromText(me, 'My patient Pat Moore wants to connect on LinkedIn');
    expect(v.step).toMatchObject({ kind: 'question', question: { id: 'role' } });
    const done = await service.triage.answer(me, v.id, { questionId: 'role', choice: 'clinician' });
    expect(done.step).toMatchObject({
      kind: 'decision',
      decision: { outcome: 'decline', decidedBy: 'serves_professionally' },
    });
    expect((await service.settings.get(me)).role).toBe('clinician');
    const twice = await service.triage.answer(me, v.id, { questionId: 'role', choice: 'clinician' });
    expect(twice.duplicate).toBe(true);
    const next = await service.triage.startFromText(me, 'Facebook friend request from my patient Lu Chen');
    expect(next.step).toMatchObject({ kind: 'decision', decision: { outcome: 'decline' } });
  });

  it('GIVEN the role question skipped THEN the original policy applies and it is not asked again', async () => {
    const v = await service.triage.startFromText(me, 'My patient Pat Moore wants to connect on LinkedIn');
    const skipped = await service.triage.answer(me, v.id, { questionId: 'role', choice: 'skip' });
    // The original policy puts the dual relationship above LinkedIn too: without a role, it waits for one.
    expect(skipped.step).toMatchObject({
      kind: 'decision',
      decision: { outcome: 'defer', decidedBy: 'serves_professionally' },
    });
    if (skipped.step.kind !== 'decision') throw new Error('expected a decision');
    expect(skipped.step.decision.explanation).toMatch(/^The original policy: .*set your role/);
    const next = await service.triage.startFromText(me, 'Facebook friend request from my client Bo Li');
    expect(next.step).toMatchObject({ kind: 'decision' });
    expect((await service.settings.get(me)).role).toBe('general');
  });

  it('GIVEN an unknown role THEN it says which exist and changes nothing', async () => {
    await service.settings.update(me, { role: 'teacher' });
    expect(await codeOf(() => service.settings.update(me, { role: 'nurse' }))).toBe('bad_argument');
    expect((await service.settings.get(me)).role).toBe('teacher');
  });

  it('GIVEN a clinician THEN policy shows which layer each LinkedIn question comes from', async () => {
    await service.settings.update(me, { role: 'clinician' });
    const view = await service.policies.show(me, 'linkedin');
    expect(view.source).toBe('role');
    expect(view.criteria.map((c) => c.layer)).toEqual(['role', 'built-in']);
    const own = await service.policies.set(me, 'linkedin', ['met_in_person_or_phone']);
    expect(own.criteria.map((c) => c.layer)).toEqual(['user']);
  });
});
