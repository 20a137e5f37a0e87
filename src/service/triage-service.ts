import { TriageError } from '../core/errors.js';
import type { AnswerInput, FlowState, PolicyLookup, Step } from '../core/flow.js';
import * as flow from '../core/flow.js';
import { inferAnswers, looksLikeSpam } from '../core/inference.js';
import { cleanName } from '../core/invitation.js';
import { analyseInvitation } from '../core/parser-analysis.js';
import { getPlatform, isPlatformId, resolvePlatform } from '../core/platforms.js';
import { withWhatWasSaid } from '../core/policy.js';
import type { Clock } from '../core/ports.js';
import { nameKey, personKeys } from '../core/repeat.js';
import { isRoleId, type RoleId } from '../core/roles.js';
import type { Service } from './index.js';
import { cleanInvitationText } from './input.js';
import type { InputService } from './input-service.js';
import { loadPolicies, roleOf, teamOfUser } from './policies.js';
import type { Stores, TriageRow, TxStores } from './ports.js';
import { type PlannedReminder, type RhythmUser, syncReminder } from './reminder-service.js';
import { machineTimeZone } from './time-service.js';
import type { RepeatInfo, StartOptions, TriageView, UserRef } from './types.js';
import { toKey } from './user-key.js';

/** Runs work with a service whose every call joins one transaction (see Service.atomic). */
export type Atomic = <T>(work: (service: Service) => Promise<T>) => Promise<T>;

/** Starting, answering, undoing and revising triages: each call is one transaction. */
export class TriageService {
  constructor(
    private readonly stores: Stores,
    private readonly clock: Clock,
    private readonly atomic: Atomic,
    private readonly input?: Pick<InputService, 'readPasted'>,
  ) {}

  async startFromText(user: UserRef, rawText: string, opts: StartOptions = {}): Promise<TriageView> {
    // A raw email pasted as message text (headers, quoted-printable body) is decoded, whichever chat it came from.
    const pasted = typeof rawText === 'string' && this.input ? (await this.input.readPasted(rawText)).text : rawText;
    const text = cleanInvitationText(pasted);
    if (opts.platform !== undefined && !isPlatformId(opts.platform)) {
      throw new TriageError('unknown_platform', `"${String(opts.platform).slice(0, 40)}" is not a platform I know.`);
    }
    const analysis = analyseInvitation(text);
    // A re-triage, or a user who names the inviter, has already said it is an invitation.
    if (analysis.kind === 'not_an_invitation' && !opts.again && opts.inviter === undefined) {
      throw new TriageError(
        'not_an_invitation',
        `That looks like ${analysis.notice ?? 'something else'}, not an invitation to triage; nothing was started.`,
      );
    }
    // When the platform is only a guess the flow asks which network (analysis leaves it null).
    const invitation = analysis.invitation;
    if (opts.platform) invitation.platform = opts.platform;
    const inviter = opts.inviter === undefined ? null : cleanName(opts.inviter);
    if (inviter) invitation.inviter = inviter;
    if (opts.relation) invitation.context.relation = opts.relation.slice(0, 200);
    // Infer from the words themselves (the text and the user's own description), not from what the parser kept.
    const inferred = inferAnswers([text, opts.relation]);
    for (const id of opts.notInferred ?? []) delete inferred[id];
    const keys = personKeys(invitation);
    return this.stores.tx(async (s) => {
      const { userId, policies, role, brief } = await member(s, user);
      if (invitation.platform && !opts.again) {
        const earlier = await s.triages.earlier(userId, invitation.platform, keys);
        if (earlier) {
          const repeat = { outcome: earlier.outcome as RepeatInfo['outcome'], decidedAt: earlier.decidedAt };
          return repeatView(s, earlier.triageId, repeat);
        }
      }
      const professional = Boolean(inferred.serves_professionally ?? inferred.parent_of_student);
      const askRole = role === null && opts.askRole !== false && professional;
      const lookup = heeding(policies, inferred);
      const started = flow.start(invitation, lookup, { inferred, spam: looksLikeSpam(text), askRole });
      const now = this.clock.now();
      const decision = started.step.kind === 'decision' ? started.step.decision : null;
      const state: FlowState = decision ? { ...started.state, decision } : started.state;
      const id = await s.triages.create(
        {
          userId,
          platform: invitation.platform,
          inviter: invitation.inviter,
          context: JSON.stringify(invitation.context),
          text,
          source: opts.source ?? 'text',
          createdAt: now,
          nameKey: keys.name,
          handleKey: keys.handle,
        },
        JSON.stringify(state),
        decision ? 'decided' : 'open',
        decision?.outcome ?? null,
      );
      if (decision) await recordDecision(s, id, userId, state, now);
      const known = { user: brief, created: true };
      const reminder = await syncReminder(s, id, userId, started.step, now, machineTimeZone(), known);
      return view(id, state, started.step, false, now, now, reminder);
    });
  }

  async answer(user: UserRef, triageId: number, input: AnswerInput): Promise<TriageView> {
    return this.stores.tx(async (s) => {
      // Most answers take no criteria afresh, and answering is every click: their policies are not read.
      let { userId, policies, brief } = await member(s, user, flow.answerUsesPolicies(input));
      const row = await load(s, userId, triageId);
      const state = JSON.parse(row.state) as FlowState;
      if (input.questionId === flow.ROLE_QUESTION && state.askRole && flow.current(state).kind === 'question') {
        // The role is the user's setting, not this triage's: kept, then the criteria are taken under it.
        policies = await chooseRole(s, user, userId, input.choice);
        brief = undefined;
      }
      const result = flow.answer(state, input, heeding(policies, state.inferred));
      if (!result.ok) {
        if (alreadyGiven(state, input))
          return view(row.id, state, flow.current(state), true, row.createdAt, row.updatedAt);
        throw new TriageError(result.code, result.message);
      }
      const now = this.clock.now();
      const choice = input.questionId === 'inviter' ? (result.state.invitation.inviter ?? '') : input.choice;
      await s.triages.recordAnswer(row.id, input.questionId, choice, now);
      if (input.questionId === 'platform' || input.questionId === 'inviter') {
        const { platform, inviter } = result.state.invitation;
        await s.triages.updateInvitation(row.invitationId, { platform, inviter, nameKey: nameKey(inviter) });
      }
      const reminder = await persist(s, row, result.state, result.step, now, brief);
      return view(row.id, result.state, result.step, false, row.createdAt, now, reminder);
    });
  }

  /** Takes back the last answer; a decided triage reopens at that question. */
  async undo(user: UserRef, triageId: number): Promise<TriageView> {
    return this.stores.tx(async (s) => {
      const userId = await s.users.ensure(toKey(user));
      const row = await load(s, userId, triageId);
      const state = JSON.parse(row.state) as FlowState;
      const result = flow.back(state);
      if (!result.ok) throw new TriageError(result.code, result.message);
      const now = this.clock.now();
      const last = state.answers.at(-1);
      if (last) await s.triages.forgetAnswer(row.id, last.questionId);
      const reminder = await persist(s, row, result.state, result.step, now);
      return view(row.id, result.state, result.step, false, row.createdAt, now, reminder);
    });
  }

  /** Drops the answers taken from the user's words and asks those questions: one action on every surface. */
  async correct(user: UserRef, triageId: number): Promise<TriageView> {
    return this.stores.tx(async (s) => {
      const userId = await s.users.ensure(toKey(user));
      const row = await load(s, userId, triageId);
      const result = flow.correct(JSON.parse(row.state) as FlowState);
      if (!result.ok) throw new TriageError(result.code, result.message);
      const now = this.clock.now();
      await persist(s, row, result.state, result.step, now);
      return view(row.id, result.state, result.step, false, row.createdAt, now);
    });
  }

  /**
   * Triages a person again who was triaged before on that network (the user chose "triage again" on a repeat):
   * a new triage from the earlier invitation's text, network and name; the earlier one stays as it was.
   */
  async again(user: UserRef, triageId: number): Promise<TriageView> {
    const earlier = await this.get(user, triageId);
    // A second click on Triage again finds the triage the first one started, rather than starting another.
    const open = await this.openTriage(user);
    const same = (v: TriageView) => [v.platform, nameKey(v.inviter)].join('\u0000');
    if (open && open.id > earlier.id && same(open) === same(earlier)) return open;
    const text = await this.stores.triages.invitationText(earlier.id);
    if (text === undefined) return this.get(user, triageId);
    return this.startFromText(user, text, {
      source: 'again',
      again: true,
      platform: earlier.platform ?? undefined,
      inviter: earlier.inviter ?? undefined,
      relation: earlier.context.relation,
      askRole: false,
    });
  }

  /** Asks the questions again under the current policy; the old decision stays in the record as superseded. */
  async revise(user: UserRef, triageId: number): Promise<TriageView> {
    return this.restartWith(user, triageId, (state, policies) => flow.restart(state, policies));
  }

  /** Corrects the platform or inviter the parser found, and asks that platform's questions afresh. */
  async amend(user: UserRef, triageId: number, patch: { platform?: string; inviter?: string }): Promise<TriageView> {
    // Any name or alias the parser knows ("twitter", "fb"), as everywhere else a network is named.
    const platform = patch.platform === undefined ? undefined : (resolvePlatform(patch.platform) ?? undefined);
    if (patch.platform !== undefined && !platform) {
      throw new TriageError('unknown_platform', `"${patch.platform.slice(0, 40)}" is not a platform I know.`);
    }
    return this.restartWith(user, triageId, (state, policies) =>
      flow.amend(state, { platform, inviter: patch.inviter }, policies),
    );
  }

  /**
   * Runs `work` (calls on the service it is handed) in one transaction that is then rolled back, so nothing is
   * recorded. The calls must go through that service: the outer one would wait for this transaction to end.
   */
  async dryRun<T>(work: (service: Service) => Promise<T>): Promise<T> {
    const done: { value?: T } = {};
    try {
      await this.atomic(async (service) => {
        done.value = await work(service);
        throw ROLL_BACK;
      });
    } catch (err) {
      if (err !== ROLL_BACK) throw err;
    }
    return done.value as T;
  }

  /** Deletes a triage the user does not want kept (not an invitation, a mistake), decision and all. */
  async discard(user: UserRef, triageId: number): Promise<{ id: number; inviter: string | null }> {
    return this.stores.tx(async (s) => {
      const userId = await s.users.ensure(toKey(user));
      const row = await load(s, userId, triageId);
      const state = JSON.parse(row.state) as FlowState;
      await s.triages.discard(row.invitationId);
      return { id: row.id, inviter: state.invitation.inviter };
    });
  }

  async get(user: UserRef, triageId: number): Promise<TriageView> {
    const userId = await this.stores.users.ensure(toKey(user));
    const row = await load(this.stores, userId, triageId);
    const state = JSON.parse(row.state) as FlowState;
    return view(row.id, state, flow.current(state), false, row.createdAt, row.updatedAt);
  }

  /** The triage the user left unfinished most recently, so a restart resumes it. */
  async openTriage(user: UserRef): Promise<TriageView | null> {
    const userId = await this.stores.users.ensure(toKey(user));
    const row = await this.stores.triages.latestOpen(userId);
    if (!row) return null;
    const state = JSON.parse(row.state) as FlowState;
    return view(row.id, state, flow.current(state), false, row.createdAt, row.updatedAt);
  }

  private restartWith(
    user: UserRef,
    triageId: number,
    change: (state: FlowState, policies: PolicyLookup) => { state: FlowState; step: Step },
  ): Promise<TriageView> {
    return this.stores.tx(async (s) => {
      const { userId, policies } = await member(s, user);
      const row = await load(s, userId, triageId);
      const state = JSON.parse(row.state) as FlowState;
      const next = change(state, heeding(policies, state.inferred));
      const now = this.clock.now();
      await s.triages.forgetCriteriaAnswers(row.id);
      const { platform, inviter } = next.state.invitation;
      await s.triages.updateInvitation(row.invitationId, { platform, inviter, nameKey: nameKey(inviter) });
      const reminder = await persist(s, row, next.state, next.step, now);
      return view(row.id, next.state, next.step, false, row.createdAt, now, reminder);
    });
  }
}

/** The policies, with the questions the user's words raise where a policy lacks them (see withWhatWasSaid). */
function heeding(policies: PolicyLookup, said: FlowState['inferred']): PolicyLookup {
  return (platform) => withWhatWasSaid(policies(platform), said);
}

/** The user's id, created on first sight, their role, and the policies that apply to them, loaded for the flow. */
async function member(
  s: TxStores,
  user: UserRef,
  withPolicies = true,
): Promise<{ userId: number; policies: PolicyLookup; role: RoleId | null; brief: RhythmUser | undefined }> {
  const key = toKey(user);
  const { id, prefs, timezone } = await s.users.ensureWithPrefs(key);
  const role = roleOf(prefs);
  const policies = withPolicies ? await loadPolicies(s.policies, teamOfUser(user, prefs), id, role) : unread;
  return { userId: id, role, policies, brief: { provider: key.provider, workspace: key.workspace, prefs, timezone } };
}

/** Stands in for policies not read because the flow was not going to look them up (see answerUsesPolicies). */
const unread: PolicyLookup = () => {
  throw new Error('policies were not read for this step');
};

/** Keeps the role the user picked ('skip' keeps the original policy, and the question is not asked again). */
async function chooseRole(s: TxStores, user: UserRef, userId: number, choice: string): Promise<PolicyLookup> {
  const stored = (await s.users.get(userId))?.prefs ?? '{}';
  const role = choice === 'skip' ? 'general' : choice;
  // An unknown choice changes nothing: the flow refuses it with the choices it has.
  if (!isRoleId(role)) return loadPolicies(s.policies, teamOfUser(user, stored), userId, roleOf(stored));
  let prefs: Record<string, unknown> = {};
  try {
    prefs = JSON.parse(stored) as Record<string, unknown>;
  } catch {
    // Unreadable preferences are replaced.
  }
  await s.users.update(userId, { prefs: JSON.stringify({ ...prefs, role }) });
  return loadPolicies(s.policies, teamOfUser(user, stored), userId, role);
}

/** The earlier triage of the same person, with when and how it was decided: shown instead of a new one. */
async function repeatView(s: TxStores, triageId: number, repeat: RepeatInfo): Promise<TriageView> {
  const row = (await s.triages.get(triageId)) as TriageRow;
  const state = JSON.parse(row.state) as FlowState;
  return { ...view(row.id, state, flow.current(state), false, row.createdAt, row.updatedAt), repeat };
}

async function load(s: TxStores, userId: number, triageId: number): Promise<TriageRow> {
  const row = Number.isSafeInteger(triageId) ? await s.triages.get(triageId) : undefined;
  if (!row)
    throw new TriageError('not_found', 'That triage no longer exists. Start a new one by pasting the invitation.');
  if (row.userId !== userId) throw new TriageError('not_yours', 'That triage belongs to someone else.');
  return row;
}

/** Saves the new state; a decision replaces any earlier one, which stays on record as superseded. */
async function persist(s: TxStores, row: TriageRow, state: FlowState, step: Step, now: number, user?: RhythmUser) {
  const decided = step.kind === 'decision';
  const saved: FlowState = decided ? { ...state, decision: step.decision } : { ...state, decision: null };
  if (row.status === 'decided') await s.triages.supersedeDecision(row.id, now);
  if (decided) await recordDecision(s, row.id, row.userId, saved, now);
  const outcome = decided ? step.decision.outcome : null;
  await s.triages.save(row.id, JSON.stringify(saved), decided ? 'decided' : 'open', outcome, now);
  return syncReminder(s, row.id, row.userId, step, now, machineTimeZone(), { user });
}

async function recordDecision(s: TxStores, triageId: number, userId: number, state: FlowState, now: number) {
  const decision = state.decision;
  if (!decision) return;
  await s.triages.recordDecision({
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

/** Thrown to end a dry run's transaction, so it rolls back. */
const ROLL_BACK = Symbol('roll back');

/** A repeated click or retried request: the same answer to a question already answered. */
function alreadyGiven(state: FlowState, input: AnswerInput): boolean {
  if (input.questionId === 'platform') return state.invitation.platform === input.choice;
  if (input.questionId === 'inviter') return state.invitation.inviter !== null || state.inviterSkipped === true;
  if (input.questionId === flow.ROLE_QUESTION) return !state.askRole;
  if (input.questionId === flow.CONFIRM_QUESTION) return state.confirmed === true && input.choice === 'yes';
  return state.answers.some((a) => a.questionId === input.questionId && a.choice === input.choice);
}

function view(
  id: number,
  state: FlowState,
  step: Step,
  duplicate: boolean,
  createdAt: number,
  updatedAt: number,
  reminder: PlannedReminder | null = null,
) {
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
    reminder,
  } satisfies TriageView;
}
