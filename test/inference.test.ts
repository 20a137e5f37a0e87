import { describe, expect, it } from 'vitest';
import * as flow from '../src/core/flow.js';
import { inferAnswers, looksLikeSpam } from '../src/core/inference.js';
import type { Invitation } from '../src/core/invitation.js';
import type { PlatformId } from '../src/core/platforms.js';
import { resolvePolicy } from '../src/core/policy.js';
import type { RoleId } from '../src/core/roles.js';
import { triageView } from '../src/core/view.js';

/** What each sentence answers, criterion id → choice id; absent criteria are asked. */
const TRANSCRIPTS: [string, Record<string, string>][] = [
  ['facebook friend request from my patient Sam Lee', { serves_professionally: 'yes' }],
  ['Rae wants to connect, a client of mine', { serves_professionally: 'yes' }],
  ['my student Ola follows me now', { serves_professionally: 'yes' }],
  ['Pat Moore is not my patient anymore', { serves_professionally: 'former' }],
  ['my former client Bo Li sent a request', { serves_professionally: 'former' }],
  ['he used to be my student', { serves_professionally: 'former' }],
  ['Jo is not my client', { serves_professionally: 'no' }],
  ["my student's mom Jane Roe", { parent_of_student: 'yes', serves_professionally: 'no' }],
  ['li request from some recruiter, never talked to him', { met_in_person_or_phone: 'no', knows_them: 'no' }],
  ['met at a conference in May', { met_in_person_or_phone: 'yes' }],
  ['we had coffee last week', { met_in_person_or_phone: 'yes' }],
  ['spoke on the phone with her in March', { met_in_person_or_phone: 'yes' }],
  ['a call is planned for Friday', { met_in_person_or_phone: 'planned' }],
  ['no idea who this is', { met_in_person_or_phone: 'no', knows_them: 'no' }],
  ['random guy from Ohio', { met_in_person_or_phone: 'no', knows_them: 'no' }],
  ['my sister Ann', { knows_them: 'yes', met_in_person_or_phone: 'yes' }],
  ['my old roommate Tim', { knows_them: 'yes', met_in_person_or_phone: 'yes' }],
  ['our neighbour Kay', { knows_them: 'yes', met_in_person_or_phone: 'yes' }],
  // Hedges answer nothing: the question is asked.
  ['I think we met once', {}],
  ['maybe my patient, not sure', {}],
  ['we might have had coffee', {}],
  // Words that only look like the patterns.
  ['I am a patient person', {}],
  ['LinkedIn request from Dana Kim, recruiter at Acme', {}],
];

describe('inference transcripts', () => {
  for (const [text, expected] of TRANSCRIPTS) {
    it(`"${text}"`, () => {
      const found = inferAnswers([text]);
      expect(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.answer]))).toEqual(expected);
    });
  }

  it('keeps the words that support each answer, with the negation that turned it', () => {
    expect(inferAnswers(['friend request from my patient Sam Lee']).serves_professionally?.because).toBe('my patient');
    expect(inferAnswers(['Pat is not my patient anymore']).serves_professionally?.because).toBe(
      'Pat is not my patient anymore',
    );
    expect(inferAnswers(['Dana, met at a conference']).met_in_person_or_phone?.because).toBe('met at a conference');
  });

  it('reads the description as well as the invitation; the invitation comes first', () => {
    const found = inferAnswers(['Dana Kim wants to connect', 'we had coffee']);
    expect(found.met_in_person_or_phone).toEqual({ answer: 'yes', because: 'had coffee' });
  });

  it('tells spam from an ordinary invitation', () => {
    expect(looksLikeSpam('Hi dear, I can show you guaranteed returns with crypto, whatsapp me')).toBe(true);
    expect(looksLikeSpam('Dana Kim, recruiter at Acme, wants to connect')).toBe(false);
  });

  it('gives up on huge or binary text without throwing', () => {
    expect(inferAnswers(['\u0000\u0001'.repeat(50_000)])).toEqual({});
    expect(inferAnswers([null, undefined, ''])).toEqual({});
  });
});

const invitation = (platform: PlatformId, inviter = 'Sam Lee'): Invitation => ({
  platform,
  inviter,
  context: {},
  confidence: 1,
});
const lookup = (role: RoleId | null) => (p: PlatformId) => resolvePolicy(p, { role });
const begin = (platform: PlatformId, text: string, role: RoleId | null = null) =>
  flow.start(invitation(platform), lookup(role), { inferred: inferAnswers([text]) });

describe('the flow uses what the user said', () => {
  it('declines a patient on Facebook without asking, showing the words it used', () => {
    const { step } = begin('facebook', 'facebook friend request from my patient Sam Lee');
    expect(step).toMatchObject({
      kind: 'decision',
      decision: { outcome: 'decline', decidedBy: 'serves_professionally' },
    });
    const screen = triageView({ id: 1, platformName: 'Facebook', inviter: 'Sam Lee', context: {}, step });
    expect(screen.notes[0]).toMatch(/^You said: my patient/);
    expect(screen.actions.map((a) => a.id)).toContain('correct');
  });

  it('asks one question fewer on LinkedIn when the text says they never spoke', () => {
    const { step } = begin('linkedin', 'li request from some recruiter, never talked to him');
    expect(step).toMatchObject({
      kind: 'decision',
      decision: { outcome: 'decline', decidedBy: 'met_in_person_or_phone' },
    });
  });

  it('asks an inferred accept once before it is final, and asks the questions when the user says no', () => {
    const started = begin('linkedin', 'we had coffee at the meetup');
    expect(started.step).toMatchObject({ kind: 'question', question: { id: flow.CONFIRM_QUESTION } });
    const yes = flow.answer(started.state, { questionId: 'confirm', choice: 'yes' }, lookup(null));
    if (!yes.ok) throw new Error(yes.message);
    expect(yes.step).toMatchObject({ kind: 'decision', decision: { outcome: 'accept' } });
    const no = flow.answer(started.state, { questionId: 'confirm', choice: 'no' }, lookup(null));
    if (!no.ok) throw new Error(no.message);
    expect(no.step).toMatchObject({ kind: 'question', question: { id: 'met_in_person_or_phone' } });
  });

  it('corrects an inferred decline in one action: the question is asked, and the words no longer answer it', () => {
    const { state } = begin('facebook', 'my patient Sam Lee');
    const corrected = flow.correct(state);
    if (!corrected.ok) throw new Error(corrected.message);
    expect(corrected.step).toMatchObject({ kind: 'question', question: { id: 'serves_professionally' } });
    const answered = flow.answer(corrected.state, { questionId: 'serves_professionally', choice: 'no' }, lookup(null));
    if (!answered.ok) throw new Error(answered.message);
    expect(answered.step).toMatchObject({ kind: 'question', question: { id: 'would_invite_home' } });
  });

  it('Back on an inferred answer asks that question instead of inferring it again', () => {
    const { state } = begin('facebook', 'my patient Sam Lee');
    const back = flow.back(state);
    if (!back.ok) throw new Error(back.message);
    expect(back.step).toMatchObject({ kind: 'question', question: { id: 'serves_professionally' } });
  });

  it('a hedge is asked, not assumed', () => {
    const { step } = begin('linkedin', 'I think we met once');
    expect(step).toMatchObject({ kind: 'question', question: { id: 'met_in_person_or_phone', index: 1 } });
  });

  it('"not my patient anymore" is a former patient: a clinician defers, the original policy moves on', () => {
    const text = 'Pat is not my patient anymore';
    expect(begin('linkedin', text, 'clinician').step).toMatchObject({
      kind: 'decision',
      decision: { outcome: 'defer', decidedBy: 'serves_professionally' },
    });
    expect(begin('facebook', text).step).toMatchObject({ kind: 'question', question: { id: 'would_invite_home' } });
  });
});

describe("what to click, in each network's words", () => {
  const decide = (platform: PlatformId, text: string, answers: Record<string, string>) => {
    let { state, step } = flow.start(invitation(platform), lookup(null), {
      inferred: inferAnswers([text]),
      spam: looksLikeSpam(text),
    });
    while (step.kind === 'question') {
      const choice = answers[step.question.id];
      if (!choice) throw new Error(`no answer for ${step.question.id}`);
      const r = flow.answer(state, { questionId: step.question.id, choice }, lookup(null));
      if (!r.ok) throw new Error(r.message);
      ({ state, step } = r);
    }
    return triageView({ id: 1, platformName: null, inviter: 'Sam Lee', context: {}, step, platform }).decision?.click;
  };

  it('names the buttons of LinkedIn, Facebook, Instagram and the follow networks', () => {
    expect(decide('linkedin', '', { met_in_person_or_phone: 'yes' })).toBe('What to click on LinkedIn: Accept.');
    expect(decide('facebook', '', { serves_professionally: 'no', would_invite_home: 'no' })).toBe(
      'What to click on Facebook: Delete (the sender is not told).',
    );
    expect(decide('facebook', '', { serves_professionally: 'no', would_invite_home: 'work' })).toBe(
      'What to click on Facebook: Delete, then connect on LinkedIn.',
    );
    expect(decide('instagram', '', { serves_professionally: 'no', knows_them: 'yes' })).toBe(
      'What to click on Instagram: Approve.',
    );
    expect(decide('x', '', { serves_professionally: 'no', knows_them: 'yes' })).toBe(
      'What to click on X (Twitter): Follow back.',
    );
    expect(decide('github', '', { serves_professionally: 'no', knows_them: 'unsure' })).toBe(
      'What to click on GitHub: nothing yet, leave it.',
    );
  });

  it("offers to report spam, in the network's words", () => {
    const click = decide('linkedin', 'Earn $5000 a week with crypto, whatsapp me', { met_in_person_or_phone: 'no' });
    expect(click).toBe(
      "What to click on LinkedIn: Ignore (the sender is not told). It looks like spam: Ignore, then report as spam / I don't know this person.",
    );
  });
});
