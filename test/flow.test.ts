import { describe, expect, it } from 'vitest';
import { customCriterion, type FailOutcome } from '../src/core/criteria.js';
import {
  amend,
  answer,
  back,
  current,
  type Decision,
  type FlowState,
  type PolicyLookup,
  type Question,
  restart,
  type Step,
  start,
} from '../src/core/flow.js';
import type { Invitation } from '../src/core/invitation.js';
import { builtInPolicy } from '../src/core/policy.js';
import { anInvitation, builtIns } from './helpers/builders.js';

/** A conversation: start, then answer whatever is asked, one reply at a time. */
function conversation(invitation: Invitation, policies: PolicyLookup = builtIns) {
  let { state, step } = start(invitation, policies);
  return {
    get state(): FlowState {
      return state;
    },
    asks(): Question {
      if (step.kind !== 'question') throw new Error(`expected a question, got ${step.decision.outcome}`);
      return step.question;
    },
    reply(choice: string, text?: string): Step {
      const q = this.asks();
      const r = answer(state, { questionId: q.id, choice, text }, policies);
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      state = r.state;
      step = r.step;
      return step;
    },
    decision(): Decision {
      if (step.kind !== 'decision') throw new Error(`still asking ${step.question.id}`);
      return step.decision;
    },
  };
}

describe('Facebook, by default', () => {
  const fb = () => conversation(anInvitation({ platform: 'facebook', inviter: 'Ana Silva' }));

  it('first asks whether you serve the inviter professionally, naming them', () => {
    const q = fb().asks();
    expect(q.id).toBe('serves_professionally');
    expect(q.text).toContain('Ana Silva');
    expect(q.choices.map((c) => c.id)).toEqual(['yes', 'no']);
    expect([q.index, q.total]).toEqual([1, 2]);
  });

  it('declines someone you serve professionally, and suggests a professional network', () => {
    const c = fb();
    c.reply('yes');
    const d = c.decision();
    expect(d.outcome).toBe('decline');
    expect(d.decidedBy).toBe('serves_professionally');
    expect(d.explanation).toContain('Ana Silva');
    expect(d.explanation).toMatch(/professional network/);
    expect(d.explanation).toContain('LinkedIn');
  });

  it('accepts someone you would invite home', () => {
    const c = fb();
    c.reply('no');
    expect(c.asks().id).toBe('would_invite_home');
    expect(c.asks().index).toBe(2);
    c.reply('yes');
    const d = c.decision();
    expect(d.outcome).toBe('accept');
    expect(d.decidedBy).toBeNull();
    expect(d.explanation).toBe('Ana Silva meets every one of your Facebook criteria.');
  });

  it('declines someone you would not invite home', () => {
    const c = fb();
    c.reply('no');
    c.reply('no');
    expect(c.decision()).toMatchObject({ outcome: 'decline', decidedBy: 'would_invite_home' });
    expect(c.decision().explanation).toContain('Ana Silva');
  });

  it('redirects a work-only contact to LinkedIn', () => {
    const c = fb();
    c.reply('no');
    c.reply('work');
    const d = c.decision();
    expect(d).toMatchObject({ outcome: 'redirect', redirectTo: 'linkedin', decidedBy: 'would_invite_home' });
    expect(d.explanation).toBe(
      'The original policy: You know Ana Silva through work only: keep the connection on LinkedIn.',
    );
  });

  it('lists every answer in the reasons, marking which passed', () => {
    const c = fb();
    c.reply('no');
    c.reply('no');
    expect(c.decision().reasons).toEqual([
      expect.objectContaining({ criterion: 'serves_professionally', answer: 'no', answerLabel: 'No', passed: true }),
      expect.objectContaining({ criterion: 'would_invite_home', answer: 'no', answerLabel: 'No', passed: false }),
    ]);
    expect(c.decision().reasons[1]?.question).toContain('Ana Silva');
  });
});

describe('LinkedIn, by default', () => {
  const li = () => conversation(anInvitation({ platform: 'linkedin', inviter: 'Dana Kim' }));

  it('asks only whether you have met in person or on the phone', () => {
    const q = li().asks();
    expect(q.id).toBe('met_in_person_or_phone');
    expect(q.choices.map((c) => c.id)).toEqual(['yes', 'no', 'planned']);
    expect(q.total).toBe(1);
  });

  it.each([
    ['yes', 'accept', null],
    ['no', 'decline', 'met_in_person_or_phone'],
    ['planned', 'defer', 'met_in_person_or_phone'],
  ])('answering %s gives %s', (choice, outcome, decidedBy) => {
    const c = li();
    c.reply(choice);
    const d = c.decision();
    expect(d).toMatchObject({ outcome, decidedBy });
    expect(d.reasons).toHaveLength(1);
    expect(d.explanation).toContain('Dana Kim');
    // one readable sentence: a capital letter at the start, one full stop at the end
    expect(d.explanation).toMatch(/^[A-Z][^\n]*\.$/);
  });
});

describe('a generic platform such as Instagram', () => {
  it('asks serves_professionally, then knows_them', () => {
    const c = conversation(anInvitation({ platform: 'instagram', inviter: 'Lee' }));
    expect(c.asks().id).toBe('serves_professionally');
    c.reply('no');
    expect(c.asks().id).toBe('knows_them');
    c.reply('unsure');
    expect(c.decision()).toMatchObject({ outcome: 'defer', decidedBy: 'knows_them' });
  });
});

describe('when the parser could not tell', () => {
  it('asks for the platform first, then that platform’s criteria', () => {
    const c = conversation(anInvitation({ platform: null, inviter: 'Sam' }));
    const q = c.asks();
    expect(q.id).toBe('platform');
    expect(q.choices.map((ch) => ch.id)).toContain('linkedin');
    expect(q.choices.map((ch) => ch.id)).toContain('facebook');
    c.reply('linkedin');
    expect(c.asks().id).toBe('met_in_person_or_phone');
    expect(c.state.invitation.platform).toBe('linkedin');
    c.reply('yes');
    expect(c.decision().outcome).toBe('accept');
  });

  it('asks who sent it as free text, and takes the typed name', () => {
    const c = conversation(anInvitation({ platform: 'linkedin', inviter: null }));
    const q = c.asks();
    expect(q).toMatchObject({ id: 'inviter', freeText: true });
    c.reply('text', '  Jo   Park ');
    expect(c.state.invitation.inviter).toBe('Jo Park');
    expect(c.asks().text).toContain('Jo Park');
  });

  it('stores no name for a skipped inviter, calls them "the inviter", and does not ask again', () => {
    const c = conversation(anInvitation({ platform: 'linkedin', inviter: null }));
    c.reply('skip');
    expect(c.asks().text).toBe('Have you connected with the inviter in person or on the phone at least once?');
    expect(c.state.invitation.inviter).toBeNull();
    c.reply('yes');
    expect(c.decision().explanation).toBe('The inviter meets every one of your LinkedIn criteria.');
    expect(JSON.stringify(c.state)).not.toContain('this person');
  });

  it('asks platform, then inviter, then criteria when both are missing', () => {
    const c = conversation(anInvitation({ platform: null, inviter: null }));
    expect(c.asks().id).toBe('platform');
    c.reply('facebook');
    expect(c.asks().id).toBe('inviter');
    c.reply('text', 'Kai');
    expect(c.asks().id).toBe('serves_professionally');
  });
});

describe('answers that do not fit', () => {
  const li = () => start(anInvitation(), builtIns);

  it('refuses an answer to a question that is not the current one', () => {
    const r = answer(li().state, { questionId: 'would_invite_home', choice: 'yes' }, builtIns);
    expect(r).toMatchObject({ ok: false, code: 'stale_question' });
  });

  it('refuses a choice the question does not offer, listing the allowed ones', () => {
    const r = answer(li().state, { questionId: 'met_in_person_or_phone', choice: 'maybe' }, builtIns);
    expect(r).toMatchObject({ ok: false, code: 'unknown_choice' });
    if (!r.ok) expect(r.message).toContain('yes, no, planned');
  });

  it('refuses a platform it does not know', () => {
    const { state } = start(anInvitation({ platform: null }), builtIns);
    expect(answer(state, { questionId: 'platform', choice: 'friendster' }, builtIns)).toMatchObject({
      ok: false,
      code: 'unknown_choice',
    });
  });

  it('refuses any answer once decided', () => {
    const done = answer(li().state, { questionId: 'met_in_person_or_phone', choice: 'yes' }, builtIns);
    if (!done.ok) throw new Error(done.code);
    const again = answer(done.state, { questionId: 'met_in_person_or_phone', choice: 'no' }, builtIns);
    expect(again).toMatchObject({ ok: false, code: 'already_decided' });
  });
});

describe('changing one’s mind', () => {
  it('back() takes back the last answer and reopens a decided triage at that question', () => {
    const c = conversation(anInvitation({ platform: 'facebook', inviter: 'Ana' }));
    c.reply('no');
    c.reply('no');
    const r = back(c.state);
    if (!r.ok) throw new Error(r.code);
    expect(r.state.decision).toBeNull();
    expect(r.step).toMatchObject({ kind: 'question', question: { id: 'would_invite_home' } });
    expect(r.state.answers).toEqual([{ questionId: 'serves_professionally', choice: 'no' }]);
  });

  it('back() with nothing answered says there is nothing to undo', () => {
    expect(back(start(anInvitation(), builtIns).state)).toMatchObject({ ok: false, code: 'nothing_to_undo' });
  });

  it('restart() asks again under the policy as it is now', () => {
    const c = conversation(anInvitation({ platform: 'linkedin' }));
    c.reply('yes');
    const stricter: PolicyLookup = (p) => ({ platform: p, source: 'user', criteria: [customCriterion('Same city?')] });
    const r = restart(c.state, stricter);
    expect(r.state.answers).toEqual([]);
    expect(r.step).toMatchObject({ kind: 'question', question: { id: 'custom_same_city', text: 'Same city?' } });
  });

  it('amend() changes the platform and asks the new platform’s questions', () => {
    const c = conversation(anInvitation({ platform: 'linkedin', inviter: 'Dana' }));
    c.reply('yes');
    const r = amend(c.state, { platform: 'facebook', inviter: ' Dana  Kim ' }, builtIns);
    expect(r.state.invitation).toMatchObject({ platform: 'facebook', inviter: 'Dana Kim' });
    expect(r.step).toMatchObject({ kind: 'question', question: { id: 'serves_professionally' } });
    expect(current(r.state)).toEqual(r.step);
  });
});

describe('custom criteria', () => {
  it.each(['decline', 'defer', 'redirect'] as FailOutcome[])('a "no" gives %s, quoting the rule', (onFail) => {
    const criterion = customCriterion('Do we share a hobby?', onFail);
    expect(criterion.id).toBe('custom_do_we_share_a_hobby');
    const policies: PolicyLookup = (p) => ({ platform: p, source: 'user', criteria: [criterion] });
    const c = conversation(anInvitation({ platform: 'instagram', inviter: 'Mo' }), policies);
    expect(c.asks().text).toBe('Do we share a hobby?');
    c.reply('no');
    const d = c.decision();
    expect(d.outcome).toBe(onFail);
    expect(d.decidedBy).toBe('custom_do_we_share_a_hobby');
    expect(d.explanation).toContain('Do we share a hobby?');
  });

  it('a "yes" to every custom rule accepts', () => {
    const policies: PolicyLookup = (p) => ({
      platform: p,
      source: 'user',
      criteria: [customCriterion('A?'), customCriterion('B?')],
    });
    const c = conversation(anInvitation({ platform: 'github', inviter: 'Mo' }), policies);
    c.reply('yes');
    c.reply('yes');
    expect(c.decision()).toMatchObject({ outcome: 'accept', decidedBy: null });
    expect(c.decision().explanation).toBe('Mo meets every one of your GitHub criteria.');
  });
});

describe('built-in policies', () => {
  it('MySpace follows Facebook, Plaxo follows LinkedIn', () => {
    expect(builtInPolicy('myspace').criteria.map((c) => c.id)).toEqual(['serves_professionally', 'would_invite_home']);
    expect(builtInPolicy('plaxo').criteria.map((c) => c.id)).toEqual(['met_in_person_or_phone']);
  });
});

describe('numbering the questions', () => {
  it('GIVEN neither network nor name was found THEN the questions count 1, 2, 3 of 3 through to the criteria', () => {
    const c = conversation(anInvitation({ platform: null, inviter: null }));
    expect([c.asks().id, c.asks().index, c.asks().total]).toEqual(['platform', 1, 3]);
    c.reply('linkedin');
    expect([c.asks().id, c.asks().index, c.asks().total]).toEqual(['inviter', 2, 3]);
    c.reply('name', 'Kim Park');
    expect([c.asks().id, c.asks().index, c.asks().total]).toEqual(['met_in_person_or_phone', 3, 3]);
    expect(c.asks().text).toContain('Kim Park');
  });
});
