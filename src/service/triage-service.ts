import { TriageError } from '../core/errors.js';
import type { AnswerInput, FlowState, PolicyLookup, Step } from '../core/flow.js';
import * as flow from '../core/flow.js';
import { cleanName } from '../core/invitation.js';
import { parseInvitation } from '../core/parser.js';
import { getPlatform, isPlatformId, type PlatformId } from '../core/platforms.js';
import type { Clock } from '../core/ports.js';
import { cleanInvitationText } from './input.js';
import { policyLookup, teamOfUser } from './policies.js';
import type { Stores, TriageRow } from './ports.js';
import type { StartOptions, TriageView, UserRef } from './types.js';
import { toKey } from './user-key.js';

/** Starting, answering, undoing and revising triages: each call is one transaction. */
export class TriageService {
  constructor(
    private readonly stores: Stores,
    private readonly clock: Clock,
  ) {}

  startFromText(user: UserRef, rawText: string, opts: StartOptions = {}): TriageView {
    const text = cleanInvitationText(rawText);
    if (opts.platform !== undefined && !isPlatformId(opts.platform)) {
      throw new TriageError('unknown_platform', `"${String(opts.platform).slice(0, 40)}" is not a platform I know.`);
    }
    const invitation = parseInvitation(text);
    if (opts.platform) invitation.platform = opts.platform;
    const inviter = opts.inviter === undefined ? null : cleanName(opts.inviter);
    if (inviter) invitation.inviter = inviter;
    if (opts.relation) invitation.context.relation = opts.relation.slice(0, 200);
    const { userId, policies } = this.member(user);
    const started = flow.start(invitation, policies);
    const now = this.clock.now();
    return this.stores.triages.tx(() => {
      const decision = started.step.kind === 'decision' ? started.step.decision : null;
      const state: FlowState = decision ? { ...started.state, decision } : started.state;
      const id = this.stores.triages.create(
        {
          userId,
          platform: invitation.platform,
          inviter: invitation.inviter,
          context: JSON.stringify(invitation.context),
          text,
          source: opts.source ?? 'text',
          createdAt: now,
        },
        JSON.stringify(state),
        decision ? 'decided' : 'open',
        decision?.outcome ?? null,
      );
      if (decision) this.recordDecision(id, userId, state, now);
      return view(id, state, started.step, false, now, now);
    });
  }

  answer(user: UserRef, triageId: number, input: AnswerInput): TriageView {
    const { userId, policies } = this.member(user);
    return this.stores.triages.tx(() => {
      const row = this.load(userId, triageId);
      const state = JSON.parse(row.state) as FlowState;
      const result = flow.answer(state, input, policies);
      if (!result.ok) {
        if (alreadyGiven(state, input))
          return view(row.id, state, flow.current(state), true, row.createdAt, row.updatedAt);
        throw new TriageError(result.code, result.message);
      }
      const now = this.clock.now();
      const choice = input.questionId === 'inviter' ? (result.state.invitation.inviter ?? '') : input.choice;
      this.stores.triages.recordAnswer(row.id, input.questionId, choice, now);
      if (input.questionId === 'platform' || input.questionId === 'inviter') {
        const { platform, inviter } = result.state.invitation;
        this.stores.triages.updateInvitation(row.invitationId, { platform, inviter });
      }
      this.persist(row, result.state, result.step, now);
      return view(row.id, result.state, result.step, false, row.createdAt, now);
    });
  }

  /** Takes back the last answer; a decided triage reopens at that question. */
  undo(user: UserRef, triageId: number): TriageView {
    const userId = this.stores.users.ensure(toKey(user));
    return this.stores.triages.tx(() => {
      const row = this.load(userId, triageId);
      const state = JSON.parse(row.state) as FlowState;
      const result = flow.back(state);
      if (!result.ok) throw new TriageError(result.code, result.message);
      const now = this.clock.now();
      const last = state.answers.at(-1);
      if (last) this.stores.triages.forgetAnswer(row.id, last.questionId);
      this.persist(row, result.state, result.step, now);
      return view(row.id, result.state, result.step, false, row.createdAt, now);
    });
  }

  /** Asks the questions again under the current policy; the old decision stays in the record as superseded. */
  revise(user: UserRef, triageId: number): TriageView {
    return this.restartWith(user, triageId, (state, policies) => flow.restart(state, policies));
  }

  /** Corrects the platform or inviter the parser found, and asks that platform's questions afresh. */
  amend(user: UserRef, triageId: number, patch: { platform?: string; inviter?: string }): TriageView {
    if (patch.platform !== undefined && !isPlatformId(patch.platform)) {
      throw new TriageError('unknown_platform', `"${patch.platform.slice(0, 40)}" is not a platform I know.`);
    }
    const platform = patch.platform as PlatformId | undefined;
    return this.restartWith(user, triageId, (state, policies) =>
      flow.amend(state, { platform, inviter: patch.inviter }, policies),
    );
  }

  /** Runs `work` (calls on this service) in a transaction that is then rolled back, so nothing is recorded. */
  dryRun<T>(work: () => T): T {
    const done: { value?: T } = {};
    try {
      this.stores.triages.tx(() => {
        done.value = work();
        throw ROLL_BACK;
      });
    } catch (err) {
      if (err !== ROLL_BACK) throw err;
    }
    return done.value as T;
  }

  get(user: UserRef, triageId: number): TriageView {
    const userId = this.stores.users.ensure(toKey(user));
    const row = this.load(userId, triageId);
    const state = JSON.parse(row.state) as FlowState;
    return view(row.id, state, flow.current(state), false, row.createdAt, row.updatedAt);
  }

  /** The triage the user left unfinished most recently, so a restart resumes it. */
  openTriage(user: UserRef): TriageView | null {
    const userId = this.stores.users.ensure(toKey(user));
    const row = this.stores.triages.latestOpen(userId);
    if (!row) return null;
    const state = JSON.parse(row.state) as FlowState;
    return view(row.id, state, flow.current(state), false, row.createdAt, row.updatedAt);
  }

  private restartWith(
    user: UserRef,
    triageId: number,
    change: (state: FlowState, policies: PolicyLookup) => { state: FlowState; step: Step },
  ): TriageView {
    const { userId, policies } = this.member(user);
    return this.stores.triages.tx(() => {
      const row = this.load(userId, triageId);
      const next = change(JSON.parse(row.state) as FlowState, policies);
      const now = this.clock.now();
      this.stores.triages.forgetCriteriaAnswers(row.id);
      const { platform, inviter } = next.state.invitation;
      this.stores.triages.updateInvitation(row.invitationId, { platform, inviter });
      this.persist(row, next.state, next.step, now);
      return view(row.id, next.state, next.step, false, row.createdAt, now);
    });
  }

  /** The user's id, created on first sight, and the policies that apply to them. */
  private member(user: UserRef): { userId: number; policies: PolicyLookup } {
    const { id, prefs } = this.stores.users.ensureWithPrefs(toKey(user));
    return { userId: id, policies: policyLookup(this.stores.policies, teamOfUser(user, prefs), id) };
  }

  private load(userId: number, triageId: number): TriageRow {
    const row = Number.isSafeInteger(triageId) ? this.stores.triages.get(triageId) : undefined;
    if (!row)
      throw new TriageError('not_found', 'That triage no longer exists. Start a new one by pasting the invitation.');
    if (row.userId !== userId) throw new TriageError('not_yours', 'That triage belongs to someone else.');
    return row;
  }

  /** Saves the new state; a decision replaces any earlier one, which stays on record as superseded. */
  private persist(row: TriageRow, state: FlowState, step: Step, now: number): void {
    const decided = step.kind === 'decision';
    const saved: FlowState = decided ? { ...state, decision: step.decision } : { ...state, decision: null };
    if (row.status === 'decided') this.stores.triages.supersedeDecision(row.id, now);
    if (decided) this.recordDecision(row.id, row.userId, saved, now);
    const outcome = decided ? step.decision.outcome : null;
    this.stores.triages.save(row.id, JSON.stringify(saved), decided ? 'decided' : 'open', outcome, now);
  }

  private recordDecision(triageId: number, userId: number, state: FlowState, now: number): void {
    const decision = state.decision;
    if (!decision) return;
    this.stores.triages.recordDecision({
      triageId,
      userId,
      platform: state.invitation.platform ?? 'other',
      outcome: decision.outcome,
      decidedBy: decision.decidedBy,
      reasons: JSON.stringify(decision.reasons),
      explanation: decision.explanation,
      decidedAt: now,
    });
  }
}

/** Thrown to end a dry run's transaction, so it rolls back. */
const ROLL_BACK = Symbol('roll back');

/** A repeated click or retried request: the same answer to a question already answered. */
function alreadyGiven(state: FlowState, input: AnswerInput): boolean {
  if (input.questionId === 'platform') return state.invitation.platform === input.choice;
  if (input.questionId === 'inviter') return state.invitation.inviter !== null;
  return state.answers.some((a) => a.questionId === input.questionId && a.choice === input.choice);
}

function view(id: number, state: FlowState, step: Step, duplicate: boolean, createdAt: number, updatedAt: number) {
  const platform = state.invitation.platform;
  return {
    id,
    status: step.kind === 'decision' ? 'decided' : 'open',
    platform,
    platformName: platform ? getPlatform(platform).name : null,
    inviter: state.invitation.inviter,
    context: state.invitation.context,
    step,
    duplicate,
    createdAt,
    updatedAt,
  } satisfies TriageView;
}
