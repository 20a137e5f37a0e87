import { beforeEach, describe, expect, it } from 'vitest';
import { CLAIM_STALE_MS } from '../../src/core/digest/claims.js';
import type { NewInvitation, RecordsRequest, Stores, TxStores, UserKey } from '../../src/service/ports.js';
import { PENDING_LISTED } from '../../src/store/digest.js';

/** A clock the cases move by hand; the stores date new users with it. */
export interface TestClock {
  t: number;
  now(): number;
}

/** How a database under test is reached: `fresh` gives stores over an empty database. */
export interface ContractTarget {
  clock: TestClock;
  fresh(): Promise<Stores>;
}

const T0 = Date.parse('2025-03-10T09:00:00Z');
const HOUR = 3_600_000;
const alice: UserKey = { provider: 'slack', workspace: 'E1:T1', externalId: 'U1' };
const bob: UserKey = { provider: 'slack', workspace: 'E1:T1', externalId: 'U2' };

const invitation = (userId: number, at: number, over: Partial<NewInvitation> = {}): NewInvitation => ({
  userId,
  platform: 'linkedin',
  inviter: 'Dana Kim',
  context: '{}',
  text: 'Dana Kim wants to connect',
  source: 'test',
  createdAt: at,
  ...over,
});

const decision = (triageId: number, userId: number, outcome: string, at: number, platform = 'linkedin') => ({
  triageId,
  userId,
  platform,
  outcome,
  decidedBy: null,
  reasons: '[]',
  explanation: `${outcome} it`,
  decidedAt: at,
});

/** A decided triage: the invitation, its triage and its current decision. */
async function decided(s: TxStores, userId: number, outcome: string, at: number, platform = 'linkedin') {
  const id = await s.triages.create(invitation(userId, at, { platform }), '{}', 'decided', outcome);
  await s.triages.recordDecision(decision(id, userId, outcome, at, platform));
  return id;
}

/** The store contract: what every implementation of the ports must do, as a user of the bot would notice. */
export function storeContract(name: string, target: ContractTarget): void {
  describe(`the stores on ${name}`, () => {
    let s: Stores;
    const clock = target.clock;

    beforeEach(async () => {
      clock.t = T0;
      s = await target.fresh();
    });

    describe('users', () => {
      it('creates a user on first sight only, dated by the clock, and tells identities apart', async () => {
        const id = await s.users.ensure(alice);
        clock.t += HOUR;
        expect(await s.users.ensure(alice)).toBe(id);
        expect(await s.users.ensureWithPrefs(alice)).toEqual({ id, prefs: '{}', timezone: null });
        const other = await s.users.ensure({ ...alice, workspace: 'E1:T2' });
        expect(other).not.toBe(id);
        expect(await s.users.find(alice)).toEqual({
          id,
          ...alice,
          timezone: null,
          prefs: '{}',
          createdAt: T0,
        });
        expect(await s.users.find(bob)).toBeUndefined();
      });

      it('keeps a timezone and preferences, and forgets a user with everything they own', async () => {
        const id = await s.users.ensure(alice);
        const keep = await s.users.ensure(bob);
        await s.users.update(id, { timezone: 'Europe/Berlin' });
        await s.users.update(id, { prefs: '{"digestDay":1}' });
        expect(await s.users.get(id)).toMatchObject({ timezone: 'Europe/Berlin', prefs: '{"digestDay":1}' });
        expect((await s.users.ensureWithPrefs(alice)).prefs).toBe('{"digestDay":1}');
        await decided(s, id, 'accept', T0);
        await decided(s, keep, 'accept', T0);
        await s.time.log({ userId: id, platform: 'linkedin', minutes: 5, place: null, loggedAt: T0 });
        await s.users.delete(id);
        expect(await s.users.get(id)).toBeUndefined();
        expect(await s.records.triageCount(id)).toBe(0);
        expect(await s.time.totals(id, 0, T0 + HOUR)).toEqual([]);
        expect(await s.records.triageCount(keep)).toBe(1);
      });
    });

    describe('triages', () => {
      it('creates a triage over its invitation and saves its state, counting versions', async () => {
        const uid = await s.users.ensure(alice);
        const id = await s.triages.create(invitation(uid, T0), '{"step":0}', 'open', null);
        expect(await s.triages.get(id)).toEqual({
          id,
          userId: uid,
          invitationId: expect.any(Number),
          status: 'open',
          state: '{"step":0}',
          outcome: null,
          version: 0,
          createdAt: T0,
          updatedAt: T0,
        });
        await s.triages.save(id, '{"step":1}', 'decided', 'accept', T0 + 5);
        expect(await s.triages.get(id)).toMatchObject({
          state: '{"step":1}',
          status: 'decided',
          outcome: 'accept',
          version: 1,
          updatedAt: T0 + 5,
        });
        expect(await s.triages.get(id + 1000)).toBeUndefined();
      });

      it('records an answer once; a repeat says so; a forgotten answer can be given again', async () => {
        const uid = await s.users.ensure(alice);
        const id = await s.triages.create(invitation(uid, T0), '{}', 'open', null);
        expect(await s.triages.recordAnswer(id, 'met', 'yes', T0)).toBe(true);
        expect(await s.triages.recordAnswer(id, 'met', 'no', T0 + 1)).toBe(false);
        expect(await s.triages.recordAnswer(id, 'platform', 'linkedin', T0)).toBe(true);
        expect(await s.triages.recordAnswer(id, 'inviter', 'Dana', T0)).toBe(true);
        expect(await s.triages.recordAnswer(id, 'mutuals', 'yes', T0)).toBe(true);
        await s.triages.forgetAnswer(id, 'met');
        expect(await s.triages.recordAnswer(id, 'met', 'no', T0 + 2)).toBe(true);
        await s.triages.forgetCriteriaAnswers(id);
        const left = (await s.records.everything(uid)).answers.map((a) => [a.questionId, a.choice]);
        expect(left).toEqual([
          ['platform', 'linkedin'],
          ['inviter', 'Dana'],
        ]);
      });

      it('finds the latest decided triage of a person on a network, by handle or normalized name', async () => {
        const id = await s.users.ensure(alice);
        const other = await s.users.ensure(bob);
        const keys = { nameKey: 'dana kim', handleKey: null };
        const first = await s.triages.create(invitation(id, T0, keys), '{}', 'decided', 'decline');
        clock.t += HOUR;
        const second = await s.triages.create(invitation(id, T0 + HOUR, keys), '{}', 'decided', 'accept');
        await s.triages.save(second, '{}', 'decided', 'accept', T0 + HOUR);
        // Still open, another network, another user: none of them is the earlier decision.
        await s.triages.create(invitation(id, T0 + 2 * HOUR, keys), '{}', 'open', null);
        await s.triages.create(invitation(id, T0, { ...keys, platform: 'facebook' }), '{}', 'decided', 'accept');
        await s.triages.create(invitation(other, T0, keys), '{}', 'decided', 'accept');
        const handled = invitation(id, T0, { nameKey: 'pat', handleKey: 'pat_m', platform: 'x' });
        const byHandle = await s.triages.create(handled, '{}', 'decided', 'defer');
        expect(await s.triages.earlier(id, 'linkedin', { name: 'dana kim', handle: null })).toEqual({
          triageId: second,
          outcome: 'accept',
          decidedAt: T0 + HOUR,
        });
        expect(first).toBeLessThan(second);
        expect(await s.triages.earlier(id, 'x', { name: 'someone else', handle: 'pat_m' })).toMatchObject({
          triageId: byHandle,
        });
        // A later decision found by the name wins over an older one found by the handle, and the other way round.
        const byName = await s.triages.create(
          invitation(id, T0, { nameKey: 'pat', handleKey: null, platform: 'x' }),
          '{}',
          'decided',
          'decline',
        );
        await s.triages.save(byName, '{}', 'decided', 'decline', T0 + 3 * HOUR);
        expect(await s.triages.earlier(id, 'x', { name: 'pat', handle: 'pat_m' })).toMatchObject({ triageId: byName });
        await s.triages.save(byHandle, '{}', 'decided', 'defer', T0 + 4 * HOUR);
        expect(await s.triages.earlier(id, 'x', { name: 'pat', handle: 'pat_m' })).toMatchObject({
          triageId: byHandle,
        });
        expect(await s.triages.earlier(id, 'linkedin', { name: 'ana silva', handle: null })).toBeUndefined();
        expect(await s.triages.earlier(id, 'linkedin', { name: null, handle: null })).toBeUndefined();
        expect(await s.triages.invitationText(second)).toBe('Dana Kim wants to connect');
        await s.triages.updateInvitation((await s.triages.get(first))?.invitationId ?? 0, { nameKey: 'dana k' });
        expect(await s.triages.earlier(id, 'linkedin', { name: 'dana k', handle: null })).toMatchObject({
          triageId: first,
        });
      });

      it('discards one triage with its invitation, answers and decision, and nothing of the others', async () => {
        const uid = await s.users.ensure(alice);
        const gone = await decided(s, uid, 'decline', T0);
        await s.triages.recordAnswer(gone, 'met', 'no', T0);
        const kept = await decided(s, uid, 'accept', T0 + 1);
        const row = await s.triages.get(gone);
        await s.triages.discard(row?.invitationId ?? -1);
        expect(await s.triages.get(gone)).toBeUndefined();
        const all = await s.records.everything(uid);
        expect(all.invitations).toHaveLength(1);
        expect(all.answers).toEqual([]);
        expect(all.decisions.map((d) => d.triageId)).toEqual([kept]);
      });

      it('shows the current decision in history and hides it once superseded', async () => {
        const uid = await s.users.ensure(alice);
        const id = await decided(s, uid, 'accept', T0);
        expect((await s.records.history(uid, 10, 0)).rows).toEqual([
          {
            triageId: id,
            platform: 'linkedin',
            inviter: 'Dana Kim',
            outcome: 'accept',
            decidedBy: null,
            explanation: 'accept it',
            decidedAt: T0,
          },
        ]);
        await s.triages.supersedeDecision(id, T0 + 10);
        await s.triages.recordDecision(decision(id, uid, 'decline', T0 + 10));
        const { rows, total } = await s.records.history(uid, 10, 0);
        expect(rows.map((r) => r.outcome)).toEqual(['decline']);
        expect(total).toBe(1);
        const all = (await s.records.everything(uid)).decisions;
        expect(all.map((d) => [d.outcome, d.supersededAt])).toEqual([
          ['accept', T0 + 10],
          ['decline', null],
        ]);
      });

      it('corrects the invitation and finds the latest open triage', async () => {
        const uid = await s.users.ensure(alice);
        expect(await s.triages.latestOpen(uid)).toBeUndefined();
        const first = await s.triages.create(invitation(uid, T0), '{}', 'open', null);
        const second = await s.triages.create(invitation(uid, T0 + 1), '{}', 'open', null);
        await decided(s, uid, 'accept', T0 + 5);
        expect((await s.triages.latestOpen(uid))?.id).toBe(second);
        await s.triages.save(first, '{}', 'open', null, T0 + 9);
        expect((await s.triages.latestOpen(uid))?.id).toBe(first);
        const row = await s.triages.get(first);
        await s.triages.updateInvitation(row!.invitationId, { platform: 'github', inviter: 'Lee' });
        expect(await s.records.open(uid)).toEqual([
          { triageId: first, platform: 'github', inviter: 'Lee', updatedAt: T0 + 9 },
          { triageId: second, platform: 'linkedin', inviter: 'Dana Kim', updatedAt: T0 + 1 },
        ]);
        expect(await s.triages.latestOpen(await s.users.ensure(bob))).toBeUndefined();
      });
    });

    describe('records', () => {
      it('pages history newest first with the total, lists deferred oldest first, and counts triages', async () => {
        const uid = await s.users.ensure(alice);
        const other = await s.users.ensure(bob);
        for (let i = 0; i < 5; i++) await decided(s, uid, i % 2 ? 'defer' : 'decline', T0 + i);
        await decided(s, other, 'defer', T0);
        const page = await s.records.history(uid, 2, 1);
        expect(page.total).toBe(5);
        expect(typeof page.total).toBe('number');
        expect(page.rows.map((r) => r.decidedAt)).toEqual([T0 + 3, T0 + 2]);
        expect((await s.records.deferred(uid)).map((r) => r.decidedAt)).toEqual([T0 + 1, T0 + 3]);
        expect(await s.records.triageCount(uid)).toBe(5);
        expect(await s.records.triageCount(other)).toBe(1);
      });

      it('exports everything the user owns and nothing of anyone else', async () => {
        const uid = await s.users.ensure(alice);
        const other = await s.users.ensure(bob);
        const id = await decided(s, uid, 'accept', T0);
        await s.triages.recordAnswer(id, 'met', 'yes', T0);
        await decided(s, other, 'decline', T0);
        await s.policies.set('user', String(uid), 'linkedin', '["met"]', T0);
        await s.policies.set('user', String(other), 'linkedin', '["x"]', T0);
        await s.time.log({ userId: uid, platform: 'linkedin', minutes: 15, place: 'work', loggedAt: T0 });
        await s.time.setBudget(uid, 'linkedin', 60, 'leads', T0);
        const all = await s.records.everything(uid);
        expect(all.invitations).toHaveLength(1);
        expect(all.invitations[0]).toMatchObject({ userId: uid, platform: 'linkedin', createdAt: T0 });
        expect(all.triages.map((t) => t.id)).toEqual([id]);
        expect(all.answers).toEqual([{ triageId: id, questionId: 'met', choice: 'yes', createdAt: T0 }]);
        expect(all.decisions).toHaveLength(1);
        expect(all.policies).toEqual([
          { scope: 'user', owner: String(uid), platform: 'linkedin', criteria: '["met"]', updatedAt: T0 },
        ]);
        expect(all.timeLogs).toEqual([
          { id: expect.any(Number), userId: uid, platform: 'linkedin', minutes: 15, place: 'work', loggedAt: T0 },
        ]);
        expect(all.budgets).toEqual([
          { userId: uid, platform: 'linkedin', weeklyMinutes: 60, expectation: 'leads', updatedAt: T0 },
        ]);
        expect(await s.claims.claim(uid, '2025-03-03', 'p1', T0, 5)).toBe(1);
        await s.claims.markSent(uid, '2025-03-03', 'p1', T0 + 1);
        await s.claims.claim(other, '2025-03-03', 'p1', T0, 5);
        expect((await s.records.everything(uid)).digestClaims).toEqual([
          {
            week: '2025-03-03',
            status: 'sent',
            attempts: 1,
            claimedAt: T0,
            nextAttemptAt: null,
            sentAt: T0 + 1,
            error: null,
          },
        ]);
      });
    });

    describe('policies', () => {
      it('sets, replaces and clears an override, and loads all of a user and team in one call', async () => {
        await s.policies.set('user', '7', 'linkedin', '["a"]', T0);
        await s.policies.set('user', '7', 'linkedin', '["b"]', T0 + 1);
        await s.policies.set('user', '7', 'github', '["c"]', T0);
        await s.policies.set('team', 'slack:E1:T1', 'linkedin', '["t"]', T0);
        await s.policies.set('user', '8', 'linkedin', '["other user"]', T0);
        await s.policies.set('team', '7', 'linkedin', '["a team named like the user"]', T0);
        expect(await s.policies.get('user', '7', 'linkedin')).toBe('["b"]');
        const loaded = await s.policies.forOwners([
          { scope: 'user', owner: '7' },
          { scope: 'team', owner: 'slack:E1:T1' },
        ]);
        const sorted = loaded.map((r) => `${r.scope} ${r.owner} ${r.platform} ${r.criteria}`).sort();
        expect(sorted).toEqual(['team slack:E1:T1 linkedin ["t"]', 'user 7 github ["c"]', 'user 7 linkedin ["b"]']);
        expect(await s.policies.forOwners([])).toEqual([]);
        await s.policies.clear('user', '7', 'linkedin');
        expect(await s.policies.get('user', '7', 'linkedin')).toBeUndefined();
        expect(await s.policies.get('user', '7', 'github')).toBe('["c"]');
        await s.policies.clearOwner('user', '7');
        expect(await s.policies.forOwners([{ scope: 'user', owner: '7' }])).toEqual([]);
        expect(await s.policies.get('user', '8', 'linkedin')).toBe('["other user"]');
        expect(await s.policies.get('team', '7', 'linkedin')).toBe('["a team named like the user"]');
      });
    });

    describe('time', () => {
      it('sums minutes per platform in a window, as numbers', async () => {
        const uid = await s.users.ensure(alice);
        const log = (platform: string, minutes: number, at: number) =>
          s.time.log({ userId: uid, platform, minutes, place: null, loggedAt: at });
        const first = await log('linkedin', 10, T0);
        expect(typeof first).toBe('number');
        expect(await log('linkedin', 20, T0 + 1)).toBeGreaterThan(first);
        await log('github', 5, T0 + 2);
        await log('linkedin', 100, T0 + HOUR);
        await log('linkedin', 1000, T0 - 1);
        const totals = await s.time.totals(uid, T0, T0 + HOUR);
        expect(totals.sort((a, b) => a.platform.localeCompare(b.platform))).toEqual([
          { platform: 'github', minutes: 5 },
          { platform: 'linkedin', minutes: 30 },
        ]);
      });

      it('removes the latest time log of one user only, and says when there is none', async () => {
        const uid = await s.users.ensure(alice);
        const other = await s.users.ensure(bob);
        await s.time.log({ userId: uid, platform: 'linkedin', minutes: 10, place: null, loggedAt: T0 });
        await s.time.log({ userId: uid, platform: 'github', minutes: 25, place: 'home', loggedAt: T0 + 1 });
        await s.time.log({ userId: other, platform: 'x', minutes: 5, place: null, loggedAt: T0 + 2 });
        expect(await s.time.removeLast(uid)).toEqual({
          platform: 'github',
          minutes: 25,
          place: 'home',
          loggedAt: T0 + 1,
        });
        expect(await s.time.totals(uid, T0, T0 + HOUR)).toEqual([{ platform: 'linkedin', minutes: 10 }]);
        expect(await s.time.removeLast(uid)).toMatchObject({ platform: 'linkedin' });
        expect(await s.time.removeLast(uid)).toBeUndefined();
        expect(await s.time.totals(other, T0, T0 + HOUR)).toEqual([{ platform: 'x', minutes: 5 }]);
      });

      it('keeps budgets, keeping the expectation when only the amount changes, and team guidance', async () => {
        const uid = await s.users.ensure(alice);
        await s.time.setBudget(uid, 'linkedin', 60, 'leads', T0);
        await s.time.setBudget(uid, 'linkedin', 90, null, T0 + 1);
        await s.time.setBudget(uid, 'github', 30, null, T0);
        const budgets = await s.time.budgets(uid);
        expect(budgets.sort((a, b) => a.platform.localeCompare(b.platform))).toEqual([
          { platform: 'github', weeklyMinutes: 30, expectation: null },
          { platform: 'linkedin', weeklyMinutes: 90, expectation: 'leads' },
        ]);
        expect(await s.time.clearBudget(uid, 'github')).toBe(true);
        expect(await s.time.clearBudget(uid, 'github')).toBe(false);
        expect(await s.time.guidance('slack:E1:T1')).toBeUndefined();
        await s.time.setGuidance('slack:E1:T1', false, 'No networking at work.', T0);
        expect(await s.time.guidance('slack:E1:T1')).toEqual({
          workHoursOk: false,
          note: 'No networking at work.',
          updatedAt: T0,
        });
        await s.time.setGuidance('slack:E1:T1', true, '', T0 + 1);
        expect(await s.time.guidance('slack:E1:T1')).toEqual({ workHoursOk: true, note: '', updatedAt: T0 + 1 });
      });
    });

    describe('digest', () => {
      it('pages through users in id order', async () => {
        const ids: number[] = [];
        for (let i = 0; i < 5; i++) ids.push(await s.users.ensure({ ...alice, externalId: `U${i}` }));
        await s.users.update(ids[1]!, { timezone: 'Asia/Kolkata' });
        const first = await s.digest.schedulePage(0, 2);
        expect(first.map((u) => u.id)).toEqual(ids.slice(0, 2));
        expect(first[1]).toEqual({
          id: ids[1],
          provider: 'slack',
          workspace: 'E1:T1',
          externalId: 'U1',
          timezone: 'Asia/Kolkata',
          prefs: '{}',
          createdAt: T0,
        });
        expect((await s.digest.schedulePage(ids[1]!, 10)).map((u) => u.id)).toEqual(ids.slice(2));
        expect(await s.digest.schedulePage(ids[4]!, 10)).toEqual([]);
      });

      it("loads each user's two weeks, pending list, budgets and team guidance in one call", async () => {
        const start = T0;
        const lastStart = start - 7 * 24 * HOUR;
        const end = start + 7 * 24 * HOUR;
        const a = await s.users.ensure(alice);
        const b = await s.users.ensure(bob);
        const idle = await s.users.ensure({ ...alice, externalId: 'U3' });
        await decided(s, a, 'accept', start + 1);
        await decided(s, a, 'accept', start + 2);
        await decided(s, a, 'decline', lastStart + 1);
        await decided(s, a, 'accept', lastStart - 1);
        await decided(s, a, 'accept', end);
        const replaced = await decided(s, a, 'accept', start + 3);
        await s.triages.supersedeDecision(replaced, start + 4);
        for (let i = 0; i < PENDING_LISTED + 2; i++) await decided(s, b, 'defer', start - 100 + i, 'github');
        await s.time.log({ userId: a, platform: 'linkedin', minutes: 10, place: 'work', loggedAt: start });
        await s.time.log({ userId: a, platform: 'linkedin', minutes: 15, place: 'work', loggedAt: start + 5 });
        await s.time.log({ userId: a, platform: 'linkedin', minutes: 7, place: null, loggedAt: lastStart });
        await s.time.setBudget(b, 'github', 45, 'contacts', T0);
        await s.time.setGuidance('slack:E1:T1', false, 'Company news only.', T0);
        const requests: RecordsRequest[] = [a, b, idle].map((userId) => ({
          userId,
          team: userId === idle ? 'slack:E9:T9' : 'slack:E1:T1',
          lastStart,
          start,
          end,
        }));
        const got = await s.digest.load(requests);
        expect([...got.keys()].sort()).toEqual([a, b, idle].sort());
        const ra = got.get(a)!;
        expect(ra.thisWeek.decisions).toEqual([{ platform: 'linkedin', outcome: 'accept', count: 2 }]);
        expect(ra.lastWeek.decisions).toEqual([{ platform: 'linkedin', outcome: 'decline', count: 1 }]);
        expect(ra.thisWeek.time).toEqual([{ platform: 'linkedin', place: 'work', minutes: 25 }]);
        expect(ra.lastWeek.time).toEqual([{ platform: 'linkedin', place: null, minutes: 7 }]);
        expect(ra.pending).toEqual([]);
        expect(ra.guidance).toEqual({ workHoursOk: false, note: 'Company news only.' });
        const rb = got.get(b)!;
        expect(rb.pendingTotal).toBe(PENDING_LISTED + 2);
        expect(rb.pending).toHaveLength(PENDING_LISTED);
        expect(rb.pending[0]).toEqual({
          triageId: expect.any(Number),
          platform: 'github',
          inviter: 'Dana Kim',
          deferredAt: start - 100,
        });
        expect(rb.pending.map((p) => p.deferredAt)).toEqual(
          Array.from({ length: PENDING_LISTED }, (_, i) => start - 100 + i),
        );
        expect(rb.budgets).toEqual([{ platform: 'github', weeklyMinutes: 45, expectation: 'contacts' }]);
        expect(got.get(idle)).toEqual({
          thisWeek: { decisions: [], time: [] },
          lastWeek: { decisions: [], time: [] },
          pending: [],
          pendingTotal: 0,
          budgets: [],
          guidance: null,
        });
        expect((await s.digest.load([])).size).toBe(0);
      });
    });

    describe('digest claims', () => {
      const WEEK = '2025-03-10';

      it('lets one sender claim a week, and nobody once it is sent or skipped', async () => {
        const uid = await s.users.ensure(alice);
        const other = await s.users.ensure(bob);
        expect(await s.claims.claim(uid, WEEK, 'a', T0, 3)).toBe(1);
        expect(await s.claims.claim(uid, WEEK, 'b', T0 + 1, 3)).toBeNull();
        expect(await s.claims.markSent(uid, WEEK, 'b', T0 + 2)).toBe(false);
        expect(await s.claims.markSent(uid, WEEK, 'a', T0 + 2)).toBe(true);
        expect(await s.claims.claim(uid, WEEK, 'b', T0 + CLAIM_STALE_MS * 2, 3)).toBeNull();
        expect(await s.claims.get(uid, WEEK)).toEqual({
          userId: uid,
          week: WEEK,
          status: 'sent',
          attempts: 1,
          nextAttemptAt: null,
          claimedAt: T0,
        });
        expect(await s.claims.claim(other, WEEK, 'a', T0, 3)).toBe(1);
        expect(await s.claims.markSkipped(other, WEEK, 'a', T0)).toBe(true);
        expect(await s.claims.claim(other, WEEK, 'a', T0 + 1, 3)).toBeNull();
        expect((await s.claims.get(other, WEEK))?.status).toBe('skipped');
        expect(await s.claims.get(other, '2025-03-17')).toBeUndefined();
      });

      it('retries a failed claim only after its backoff, never after giving up, and up to maxAttempts', async () => {
        const uid = await s.users.ensure(alice);
        expect(await s.claims.claim(uid, WEEK, 'a', T0, 3)).toBe(1);
        expect(await s.claims.markFailed(uid, WEEK, 'b', 'not mine', T0 + 100)).toBe(false);
        expect(await s.claims.markFailed(uid, WEEK, 'a', 'rate limited', T0 + 100)).toBe(true);
        expect(await s.claims.get(uid, WEEK)).toMatchObject({ status: 'failed', nextAttemptAt: T0 + 100 });
        expect(await s.claims.claim(uid, WEEK, 'b', T0 + 99, 3)).toBeNull();
        expect(await s.claims.claim(uid, WEEK, 'b', T0 + 100, 3)).toBe(2);
        expect(await s.claims.get(uid, WEEK)).toMatchObject({ status: 'claimed', nextAttemptAt: null });
        await s.claims.markFailed(uid, WEEK, 'b', 'again', T0 + 200);
        expect(await s.claims.claim(uid, WEEK, 'c', T0 + 200, 2)).toBeNull();
        expect(await s.claims.claim(uid, WEEK, 'c', T0 + 200, 3)).toBe(3);
        await s.claims.markFailed(uid, WEEK, 'c', 'x'.repeat(2000), null);
        expect(await s.claims.claim(uid, WEEK, 'd', T0 + CLAIM_STALE_MS * 10, 9)).toBeNull();
      });

      it('gives no claim for a user forgotten since the run read them, and the next user is claimed', async () => {
        const gone = await s.users.ensure(alice);
        const next = await s.users.ensure(bob);
        await s.users.delete(gone);
        expect(await s.claims.claim(gone, WEEK, 'a', T0, 3)).toBeNull();
        expect(await s.claims.claim(next, WEEK, 'a', T0, 3)).toBe(1);
        expect(await s.claims.existing([{ userId: gone, week: WEEK }])).toEqual(new Map());
      });

      it('takes over a claim left by a dead sender only once it is stale, and lists existing claims', async () => {
        const uid = await s.users.ensure(alice);
        const other = await s.users.ensure(bob);
        await s.claims.claim(uid, WEEK, 'dead', T0, 3);
        expect(await s.claims.claim(uid, WEEK, 'b', T0 + CLAIM_STALE_MS - 1, 3)).toBeNull();
        expect(await s.claims.claim(uid, WEEK, 'b', T0 + CLAIM_STALE_MS, 3)).toBe(2);
        expect(await s.claims.markSent(uid, WEEK, 'dead', T0 + CLAIM_STALE_MS)).toBe(false);
        expect(await s.claims.markSent(uid, WEEK, 'b', T0 + CLAIM_STALE_MS)).toBe(true);
        await s.claims.claim(other, '2025-03-03', 'a', T0, 3);
        const found = await s.claims.existing([
          { userId: uid, week: WEEK },
          { userId: other, week: WEEK },
          { userId: other, week: '2025-03-03' },
        ]);
        expect([...found.keys()].sort()).toEqual([`${other}:2025-03-03`, `${uid}:${WEEK}`].sort());
        expect(found.get(`${uid}:${WEEK}`)).toEqual({
          userId: uid,
          week: WEEK,
          status: 'sent',
          attempts: 2,
          nextAttemptAt: null,
          claimedAt: T0 + CLAIM_STALE_MS,
        });
        expect((await s.claims.existing([])).size).toBe(0);
      });
    });

    describe('seen events and installations', () => {
      it('sees an event key once, and prunes old keys', async () => {
        expect(await s.seenEvents.firstTime('slack:Ev1', T0)).toBe(true);
        expect(await s.seenEvents.firstTime('slack:Ev1', T0 + 1)).toBe(false);
        expect(await s.seenEvents.firstTime('slack:Ev2', T0 + 10)).toBe(true);
        expect(await s.seenEvents.prune(T0 + 5)).toBe(1);
        expect(await s.seenEvents.firstTime('slack:Ev1', T0 + 20)).toBe(true);
        expect(await s.seenEvents.firstTime('slack:Ev2', T0 + 20)).toBe(false);
      });

      it('stores, replaces and deletes an installation', async () => {
        expect(await s.installations.get('T1')).toBeUndefined();
        await s.installations.put('T1', '{"v":1}', T0);
        await s.installations.put('T1', '{"v":2}', T0 + 1);
        await s.installations.put('T2', '{"v":9}', T0);
        expect(await s.installations.get('T1')).toBe('{"v":2}');
        await s.installations.delete('T1');
        expect(await s.installations.get('T1')).toBeUndefined();
        expect(await s.installations.get('T2')).toBe('{"v":9}');
      });
    });

    describe('workspace purge (uninstall)', () => {
      /** A user of `workspace` with a decision, an answer, time, a budget, a claim and a policy of their own. */
      async function busyUser(workspace: string, externalId: string) {
        const id = await s.users.ensure({ provider: 'slack', workspace, externalId });
        const triage = await decided(s, id, 'accept', T0);
        await s.triages.recordAnswer(triage, 'met', 'yes', T0);
        await s.time.log({ userId: id, platform: 'linkedin', minutes: 5, place: null, loggedAt: T0 });
        await s.time.setBudget(id, 'linkedin', 60, null, T0);
        await s.claims.claim(id, '2025-03-03', 'me', T0, 5);
        await s.policies.set('user', String(id), 'linkedin', '[]', T0);
        return id;
      }
      async function teamRows(workspace: string) {
        await s.policies.set('team', `slack:${workspace}`, 'linkedin', '[]', T0);
        await s.time.setGuidance(`slack:${workspace}`, true, 'fine', T0);
        await s.pacing.reserve(`slack:${workspace}`, 1000, T0);
        await s.seenEvents.firstTime(`slack:event:${workspace}:Ev1`, T0);
        await s.installations.put(workspace, '{}', T0);
      }

      it('removes one workspace: its users with all they own, and its team rows, and nothing of another', async () => {
        const gone = await busyUser(':T1', 'U1');
        const kept = await busyUser(':T12', 'U1');
        await teamRows(':T1');
        await teamRows(':T12');
        expect(await s.workspaces.purge({ provider: 'slack', workspace: ':T1' })).toEqual({ users: 1 });
        expect(await s.users.get(gone)).toBeUndefined();
        expect(await s.records.triageCount(gone)).toBe(0);
        expect(await s.time.budgets(gone)).toEqual([]);
        expect(await s.claims.get(gone, '2025-03-03')).toBeUndefined();
        expect(await s.policies.get('user', String(gone), 'linkedin')).toBeUndefined();
        expect(await s.policies.get('team', 'slack::T1', 'linkedin')).toBeUndefined();
        expect(await s.time.guidance('slack::T1')).toBeUndefined();
        expect(await s.installations.get(':T1')).toBeUndefined();
        // The key was forgotten, so the event counts as new; the pacing row is gone, so the slot is now.
        expect(await s.seenEvents.firstTime('slack:event::T1:Ev1', T0)).toBe(true);
        expect(await s.pacing.reserve('slack::T1', 1000, T0)).toBe(T0);
        // ':T12' begins like ':T1' but is another workspace.
        expect(await s.records.triageCount(kept)).toBe(1);
        expect(await s.policies.get('user', String(kept), 'linkedin')).toBe('[]');
        expect(await s.policies.get('team', 'slack::T12', 'linkedin')).toBe('[]');
        expect(await s.time.guidance('slack::T12')).toMatchObject({ note: 'fine' });
        expect(await s.installations.get(':T12')).toBe('{}');
        expect(await s.seenEvents.firstTime('slack:event::T12:Ev1', T0)).toBe(false);
      });

      it("removes a whole enterprise ('E1:') and every workspace in it, and finds an installation by prefix", async () => {
        await teamRows('E1:T1');
        await teamRows('E1:T2');
        await teamRows('E2:T1');
        const org = await busyUser('E1:', 'U1');
        const other = await busyUser('E2:', 'U1');
        expect(await s.installations.firstWithPrefix('E1:')).toBe('{}');
        expect(await s.workspaces.purge({ provider: 'slack', workspace: 'E1:' })).toEqual({ users: 1 });
        expect(await s.users.get(org)).toBeUndefined();
        expect(await s.installations.firstWithPrefix('E1:')).toBeUndefined();
        expect(await s.time.guidance('slack:E1:T2')).toBeUndefined();
        expect(await s.policies.get('team', 'slack:E1:T1', 'linkedin')).toBeUndefined();
        expect(await s.users.get(other)).toBeDefined();
        expect(await s.installations.firstWithPrefix('E2:')).toBe('{}');
        expect(await s.time.guidance('slack:E2:T1')).toMatchObject({ note: 'fine' });
      });
    });

    describe('send pacing', () => {
      it('hands out one slot per gap to every caller, and none in the past', async () => {
        const gap = 1000;
        const slots = await Promise.all([
          s.pacing.reserve('slack:E1:T1', gap, T0),
          s.pacing.reserve('slack:E1:T1', gap, T0),
          s.pacing.reserve('slack:E1:T1', gap, T0),
        ]);
        expect(slots.sort((a, b) => a - b)).toEqual([T0, T0 + gap, T0 + 2 * gap]);
        // Another workspace keeps its own pace.
        expect(await s.pacing.reserve('slack:E1:T2', gap, T0)).toBe(T0);
        // Long after the last slot, the next one is now, not in the past.
        expect(await s.pacing.reserve('slack:E1:T1', gap, T0 + 60_000)).toBe(T0 + 60_000);
      });
    });

    describe('transactions', () => {
      it('leave nothing behind when fn throws after writing through several stores', async () => {
        const boom = new Error('disk full');
        await expect(
          s.tx(async (t) => {
            const uid = await t.users.ensure(alice);
            const id = await t.triages.create(invitation(uid, T0), '{}', 'open', null);
            await t.triages.recordAnswer(id, 'met', 'yes', T0);
            await t.policies.set('team', 'slack:E1:T1', 'linkedin', '["t"]', T0);
            await t.time.log({ userId: uid, platform: 'linkedin', minutes: 5, place: null, loggedAt: T0 });
            await t.claims.claim(uid, '2025-03-10', 'a', T0, 3);
            await t.seenEvents.firstTime('slack:Ev1', T0);
            await t.installations.put('T1', '{}', T0);
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await s.users.find(alice)).toBeUndefined();
        expect(await s.digest.schedulePage(0, 10)).toEqual([]);
        expect(await s.policies.get('team', 'slack:E1:T1', 'linkedin')).toBeUndefined();
        expect(await s.seenEvents.firstTime('slack:Ev1', T0)).toBe(true);
        expect(await s.installations.get('T1')).toBeUndefined();
        // The identity is free again, and no orphan triage, time log or claim counts against a new user.
        const uid = await s.users.ensure(alice);
        expect(await s.records.triageCount(uid)).toBe(0);
        expect(await s.records.open(uid)).toEqual([]);
        expect(await s.time.totals(uid, 0, T0 + HOUR)).toEqual([]);
        expect(await s.claims.get(uid, '2025-03-10')).toBeUndefined();
      });

      it('commit what fn wrote when it resolves, and let fn read its own writes', async () => {
        const result = await s.tx(async (t) => {
          const uid = await t.users.ensure(alice);
          const id = await t.triages.create(invitation(uid, T0), '{}', 'open', null);
          expect((await t.triages.latestOpen(uid))?.id).toBe(id);
          expect(await t.records.open(uid)).toHaveLength(1);
          expect(await t.triages.recordAnswer(id, 'met', 'yes', T0)).toBe(true);
          expect(await t.triages.recordAnswer(id, 'met', 'yes', T0)).toBe(false);
          expect(await t.claims.claim(uid, '2025-03-10', 'a', T0, 3)).toBe(1);
          expect(await t.claims.claim(uid, '2025-03-10', 'b', T0, 3)).toBeNull();
          return { uid, id };
        });
        expect(await s.users.ensure(alice)).toBe(result.uid);
        expect((await s.triages.get(result.id))?.status).toBe('open');
        expect((await s.claims.get(result.uid, '2025-03-10'))?.status).toBe('claimed');
      });

      it('hand out stores that refuse to run once the transaction has ended', async () => {
        let kept: TxStores | undefined;
        await s.tx(async (t) => {
          kept = t;
          await t.users.ensure(alice);
        });
        await expect(kept!.users.ensure(bob)).rejects.toThrow();
        await expect(kept!.seenEvents.firstTime('late', T0)).rejects.toThrow();
        let failed: TxStores | undefined;
        await expect(
          s.tx(async (t) => {
            failed = t;
            throw new Error('stop');
          }),
        ).rejects.toThrow('stop');
        await expect(failed!.installations.put('T1', '{}', T0)).rejects.toThrow();
        expect(await s.users.find(bob)).toBeUndefined();
        expect(await s.seenEvents.firstTime('late', T0)).toBe(true);
        expect(await s.installations.get('T1')).toBeUndefined();
      });
    });
  });
}
