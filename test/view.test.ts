import { describe, expect, it } from 'vitest';
import { answer, type FlowState, type Step, start } from '../src/core/flow.js';
import type { Invitation } from '../src/core/invitation.js';
import { OUTCOME_LABEL, outcomeLabel, triageView } from '../src/core/view.js';
import { builtIns } from './helpers/builders.js';

const SAM: Invitation = {
  platform: 'facebook',
  inviter: 'Sam Lee',
  context: { headline: 'Teacher at Lincoln High', company: 'Lincoln High', mutuals: 3, relation: "kid's coach" },
  confidence: 1,
};

/** Starts a triage and gives the answers in order, as a user would. */
function after(invitation: Invitation, ...choices: string[]): { state: FlowState; step: Step } {
  let { state, step } = start(invitation, builtIns);
  for (const choice of choices) {
    if (step.kind !== 'question') throw new Error('already decided');
    const r = answer(state, { questionId: step.question.id, choice, text: choice }, builtIns);
    if (!r.ok) throw new Error(r.message);
    ({ state, step } = r);
  }
  return { state, step };
}

const screenOf = (invitation: Invitation, ...choices: string[]) => {
  const { step } = after(invitation, ...choices);
  return triageView({
    id: 7,
    platformName: invitation.platform ? 'Facebook' : null,
    inviter: invitation.inviter,
    context: invitation.context,
    step,
  });
};

describe('the triage view model', () => {
  it('GIVEN a first question THEN it shows the title, every context line, the progress and no Back', () => {
    const s = screenOf(SAM);
    expect(s.title).toBe('Facebook invitation from Sam Lee');
    expect(s.contextLines).toEqual([
      'Teacher at Lincoln High',
      'Lincoln High',
      '3 mutual connections',
      "You know them as: kid's coach",
    ]);
    expect(s.progress).toBe('Question 1 of up to 2');
    expect(s.question?.choices.map((c) => c.label)).toEqual(['Yes', 'No']);
    expect(s.decision).toBeNull();
    expect(s.actions).toEqual([]);
  });

  it('GIVEN a criterion answered THEN the next question offers Back', () => {
    const s = screenOf(SAM, 'no');
    expect(s.progress).toBe('Question 2 of up to 2');
    expect(s.actions).toEqual([{ id: 'back', label: 'Back' }]);
  });

  it('GIVEN only the network asked so far THEN there is no answer to take back, so no Back', () => {
    const s = screenOf({ ...SAM, platform: null }, 'facebook');
    expect(s.progress).toBe('Question 2 of up to 3');
    expect(s.actions).toEqual([]);
  });

  it('GIVEN a redirect THEN the decision has the shared label, its target, the reasons, Revise and Undo', () => {
    const s = screenOf(SAM, 'no', 'work');
    expect(s.progress).toBeNull();
    expect(s.question).toBeNull();
    expect(s.decision).toMatchObject({ outcome: 'redirect', label: 'Redirect', heading: 'Redirect to LinkedIn' });
    expect(s.decision?.reasons.map((r) => [r.answerLabel, r.passed])).toEqual([
      ['No', true],
      ['Only know them through work', false],
    ]);
    expect(s.actions.map((a) => a.label)).toEqual(['Revise', 'Undo']);
  });

  it('GIVEN a nameless sender and no context THEN the title says someone and there are no context lines', () => {
    const s = triageView({
      id: 1,
      platformName: null,
      inviter: null,
      context: {},
      step: start({ ...SAM, platform: null, inviter: null, context: {} }, builtIns).step,
    });
    expect(s.title).toBe('Invitation from someone');
    expect(s.contextLines).toEqual([]);
  });

  it('GIVEN the service offers no discard THEN Discard is not listed; GIVEN it does THEN it is', () => {
    const { step } = after(SAM);
    const input = { id: 1, platformName: 'Facebook', inviter: 'Sam Lee', context: {}, step };
    expect(triageView(input).actions.map((a) => a.id)).not.toContain('discard');
    expect(triageView(input, { discard: true }).actions.map((a) => a.label)).toEqual(['Discard']);
  });

  it('has one label per outcome', () => {
    expect(OUTCOME_LABEL).toEqual({ accept: 'Accept', decline: 'Decline', defer: 'Defer', redirect: 'Redirect' });
    expect(outcomeLabel('defer')).toBe('Defer');
    expect(outcomeLabel(null)).toBe('Open');
  });
});
