import { describe, expect, it } from 'vitest';
import { customCriterion } from '../src/core/criteria.js';
import * as flow from '../src/core/flow.js';
import { inferAnswers } from '../src/core/inference.js';
import type { PlatformId } from '../src/core/platforms.js';
import { type PolicyOverrides, resolvePolicy, withWhatWasSaid } from '../src/core/policy.js';
import type { RoleId } from '../src/core/roles.js';

/** How the user described the inviter; each answers the professional question without asking. */
const RELATION = {
  patient: 'my patient Sam Lee',
  'former patient': 'Sam Lee is not my patient anymore',
  client: 'my client Sam Lee',
  student: 'my student Sam Lee',
  parent: "my student's mom Sam Lee",
} as const;
type Relation = keyof typeof RELATION;

/** [role, network, relation] → [outcome, deciding criterion]; 'ask' means the flow asks that criterion next. */
const MATRIX: [RoleId, PlatformId, Relation, string, string][] = [
  // The original policy: the dual relationship declines on Facebook and the rest; on LinkedIn, where it is asked
  // only when the words raise it, it defers until the user says what their work is.
  ['general', 'facebook', 'patient', 'decline', 'serves_professionally'],
  ['general', 'x', 'client', 'decline', 'serves_professionally'],
  ['general', 'linkedin', 'patient', 'defer', 'serves_professionally'],
  ['general', 'linkedin', 'former patient', 'ask', 'met_in_person_or_phone'],
  ['general', 'facebook', 'former patient', 'ask', 'would_invite_home'],
  // Clinicians: a current patient is declined everywhere, LinkedIn included; a former one is deferred.
  ['clinician', 'linkedin', 'patient', 'decline', 'serves_professionally'],
  ['clinician', 'facebook', 'patient', 'decline', 'serves_professionally'],
  ['clinician', 'instagram', 'patient', 'decline', 'serves_professionally'],
  ['clinician', 'github', 'patient', 'decline', 'serves_professionally'],
  ['clinician', 'linkedin', 'former patient', 'defer', 'serves_professionally'],
  ['clinician', 'facebook', 'former patient', 'defer', 'serves_professionally'],
  // Therapists: the same for a current and a former client.
  ['therapist', 'linkedin', 'client', 'decline', 'serves_professionally'],
  ['therapist', 'facebook', 'client', 'decline', 'serves_professionally'],
  ['therapist', 'x', 'client', 'decline', 'serves_professionally'],
  ['therapist', 'linkedin', 'former patient', 'defer', 'serves_professionally'],
  // Teachers: a current student is declined everywhere; a student's parent is asked about, then deferred.
  ['teacher', 'linkedin', 'student', 'decline', 'serves_professionally'],
  ['teacher', 'instagram', 'student', 'decline', 'serves_professionally'],
  ['teacher', 'facebook', 'parent', 'defer', 'parent_of_student'],
  ['general', 'facebook', 'parent', 'ask', 'would_invite_home'],
  // Client-facing: a client is welcome on LinkedIn (after one confirmation); Facebook keeps the home test.
  ['client-facing', 'linkedin', 'client', 'confirm', 'serves_professionally'],
  ['client-facing', 'facebook', 'client', 'ask', 'would_invite_home'],
  ['client-facing', 'x', 'client', 'decline', 'serves_professionally'],
];

const run = (role: RoleId, platform: PlatformId, relation: Relation, overrides: PolicyOverrides = {}) => {
  const inferred = inferAnswers([RELATION[relation]]);
  const lookup = (p: PlatformId) => withWhatWasSaid(resolvePolicy(p, { ...overrides, role }), inferred);
  const invitation = { platform, inviter: 'Sam Lee', context: {}, confidence: 1 };
  return flow.start(invitation, lookup, { inferred });
};

describe('the role matrix', () => {
  for (const [role, platform, relation, outcome, criterion] of MATRIX) {
    it(`${role} × ${platform} × ${relation} → ${outcome} (${criterion})`, () => {
      const { step, state } = run(role, platform, relation);
      if (outcome === 'ask') {
        expect(step).toMatchObject({ kind: 'question', question: { id: criterion } });
      } else if (outcome === 'confirm') {
        expect(step).toMatchObject({ kind: 'question', question: { id: flow.CONFIRM_QUESTION } });
        const yes = flow.answer(state, { questionId: 'confirm', choice: 'yes' }, (p) => resolvePolicy(p, { role }));
        if (!yes.ok) throw new Error(yes.message);
        expect(yes.step).toMatchObject({ kind: 'decision', decision: { outcome: 'accept', decidedBy: criterion } });
      } else {
        expect(step).toMatchObject({ kind: 'decision', decision: { outcome, decidedBy: criterion } });
      }
    });
  }
});

describe('explanations name their source, and the layers stack', () => {
  const explanation = (role: RoleId, platform: PlatformId, relation: Relation, overrides: PolicyOverrides = {}) => {
    const { step } = run(role, platform, relation, overrides);
    return step.kind === 'decision' ? step.decision.explanation : `asked ${step.question.id}`;
  };

  it('cites the guidance of each profession', () => {
    expect(explanation('clinician', 'linkedin', 'patient')).toMatch(
      /^For clinicians \(ACP\/FSMB 2013; AMA Opinion 2\.3\.2; CNO; NCSBN\): /,
    );
    expect(explanation('therapist', 'facebook', 'client')).toMatch(
      /^For therapists \(ACA Code of Ethics A\.5\.e; APA 3\.05; NASW 1\.06\(c\)\): /,
    );
    expect(explanation('teacher', 'x', 'student')).toMatch(/^For teachers \(district social-media guidance\): /);
    expect(explanation('general', 'facebook', 'patient')).toMatch(/^The original policy: /);
  });

  it("the user's own rules beat the team's, which beat the role's", () => {
    const mine = [customCriterion('Is this a real person?')];
    const team = [customCriterion('Is it work-related?')];
    expect(resolvePolicy('linkedin', { role: 'clinician', team, user: mine }).criteria[0]).toMatchObject({
      layer: 'user',
    });
    expect(resolvePolicy('linkedin', { role: 'clinician', team }).criteria[0]).toMatchObject({ layer: 'team' });
    const clinician = resolvePolicy('linkedin', { role: 'clinician' });
    expect(clinician.source).toBe('role');
    expect(clinician.criteria.map((c) => [c.id, c.layer])).toEqual([
      ['serves_professionally', 'role'],
      ['met_in_person_or_phone', 'built-in'],
    ]);
    expect(resolvePolicy('linkedin', {}).source).toBe('built-in');
    // A team's LinkedIn rule replaces the clinician's there, so a patient is asked the team's question.
    expect(explanation('clinician', 'linkedin', 'patient', { team })).toBe('asked custom_is_it_work_related');
  });

  it('names the layer of a rule that is not the role\'s: "Your LinkedIn rule", "Your team\'s rule"', () => {
    const mine = [customCriterion('Is this a real person?')];
    const lookup = (user?: typeof mine, team?: typeof mine) => (p: PlatformId) => resolvePolicy(p, { user, team });
    const invitation = { platform: 'linkedin' as const, inviter: 'Dana', context: {}, confidence: 1 };
    const own = flow.start(invitation, lookup(mine));
    const mineDone = flow.answer(own.state, { questionId: mine[0]?.id ?? '', choice: 'no' }, lookup(mine));
    if (!mineDone.ok || mineDone.step.kind !== 'decision') throw new Error('expected a decision');
    expect(mineDone.step.decision.explanation).toMatch(/^Your LinkedIn rule: /);
    const teams = flow.start(invitation, lookup(undefined, mine));
    const teamDone = flow.answer(teams.state, { questionId: mine[0]?.id ?? '', choice: 'no' }, lookup(undefined, mine));
    if (!teamDone.ok || teamDone.step.kind !== 'decision') throw new Error('expected a decision');
    expect(teamDone.step.decision.explanation).toMatch(/^Your team's rule: /);
  });
});
