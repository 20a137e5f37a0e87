import { describe, expect, it } from 'vitest';
import { runBudgetCommand, runDigestPreview, runTimeCommand } from '../../src/service/time-cli.js';
import { aService, aUser, codeOf } from '../helpers/builders.js';

const count = (db: ReturnType<typeof aService>['db'], table: string) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('logging time', () => {
  it('records the time and says where the week stands against the budget', async () => {
    const { service } = aService();
    const me = aUser();
    await service.time.budget(me, 'linkedin 2h leads');
    await service.time.log(me, 'linkedin 25m at work');
    const r = await service.time.log(me, 'linkedin 35m at home');
    expect(r).toMatchObject({ platform: 'linkedin', minutes: 35, place: 'home', weekMinutes: 60, budget: 120 });
    expect(r.message).toBe('Logged 35m on LinkedIn at home. LinkedIn ▇▇▇▇░░░░ 1h of 2h this week.');
  });

  it('GIVEN nonsense THEN a clear coded error and nothing stored', async () => {
    const { service, db } = aService();
    expect(await codeOf(() => service.time.log(aUser(), 'linkedin forever'))).toBe('bad_argument');
    expect(await codeOf(() => service.time.log(aUser(), 'myface 25m'))).toBe('unknown_platform');
    expect(await codeOf(() => service.time.log(aUser(), 'linkedin 0m'))).toBe('bad_argument');
    expect(await codeOf(() => service.time.log(aUser(), '\u0000\u0001\u0002'))).toBe('unknown_platform');
    expect(count(db, 'time_logs')).toBe(0);
  });
});

describe('budgets', () => {
  it('sets, changes (keeping the expectation) and removes a weekly budget', async () => {
    const { service, db } = aService();
    const me = aUser();
    expect((await service.time.budget(me, 'linkedin 2h leads')).message).toBe('LinkedIn: 2h a week, expecting leads.');
    expect(await service.time.budget(me, 'linkedin 3h')).toMatchObject({ minutes: 180, expectation: 'leads' });
    expect((await service.time.budget(me, 'facebook 30m')).message).toContain('Add what you expect from it');
    expect((await service.time.budget(me, 'linkedin off')).message).toBe('Removed your LinkedIn budget.');
    expect(count(db, 'budgets')).toBe(1);
  });

  it('refuses a budget over a week', async () => {
    const { service } = aService();
    expect(await codeOf(() => service.time.budget(aUser(), 'linkedin 200h'))).toBe('bad_argument');
  });
});

describe('team guidance', () => {
  const team = { provider: 'slack' as const, workspace: 'E1:T1' };

  it('GIVEN none set THEN says so; once set THEN shows the stance and the note', async () => {
    const { service } = aService();
    expect(await service.time.guidelines(team)).toMatchObject({ set: false });
    await service.time.setGuidelines(team, { workHoursOk: false, note: '  Company news only;\nno client names. ' });
    expect(await service.time.guidelines(team)).toEqual({
      set: true,
      workHoursOk: false,
      note: 'Company news only; no client names.',
      lines: ['Keep social networking out of work hours.', 'What you may say: Company news only; no client names.'],
    });
    expect(await service.time.guidelines({ provider: 'discord', workspace: '' })).toMatchObject({ set: false });
  });

  it('refuses a note that is too long or a stance that is not yes/no', async () => {
    const { service } = aService();
    expect(await codeOf(() => service.time.setGuidelines(team, { workHoursOk: true, note: 'x'.repeat(501) }))).toBe(
      'too_long',
    );
    expect(await codeOf(() => service.time.setGuidelines(team, { workHoursOk: 'yes' as never }))).toBe('bad_argument');
    expect((await service.time.guidelines(team)).set).toBe(false);
  });

  it('appears in the digest preview', async () => {
    const { service, clock } = aService();
    const me = aUser({ provider: 'slack', workspace: 'E1:T1' });
    await service.time.setGuidelines(team, { workHoursOk: true, note: 'Be kind.' });
    await service.time.log(me, 'linkedin 10m');
    clock.advance(7 * 86_400_000);
    const lines = (await service.digest.preview(me, { week: 'last' })).sections.flatMap((s) => s.lines);
    expect(lines).toContain('What you may say: Be kind.');
  });
});

describe('the command-line forms', () => {
  it('logs with --at, sets a budget, and previews the digest without sending it', async () => {
    const { service, db } = aService();
    const me = aUser();
    expect(await runBudgetCommand(service, me, ['linkedin', '2h', 'contacts'])).toBe(
      'LinkedIn: 2h a week, expecting contacts.',
    );
    expect(await runTimeCommand(service, me, ['linkedin', '1h30m', '--at', 'work'])).toContain(
      'Logged 1h30m on LinkedIn at work.',
    );
    expect(await runTimeCommand(service, me, ['linkedin', '30m', '--at=home'])).toContain('LinkedIn ▇▇▇▇▇▇▇▇ 2h of 2h');
    expect(await codeOf(() => runTimeCommand(service, me, ['linkedin', '30m', '--at', 'pub']))).toBe('bad_argument');
    expect(await codeOf(() => runTimeCommand(service, me, ['linkedin', '-5m']))).toBe('bad_argument');
    const lines = (await runDigestPreview(service, me, { current: true })).sections.flatMap((s) => s.lines);
    expect(lines).toContain('LinkedIn ▇▇▇▇▇▇▇▇ 2h of 2h · for contacts · work 1h30m, home 30m');
    expect(count(db, 'digest_claims')).toBe(0);
  });
});
