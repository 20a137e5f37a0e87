import type { BlockAction, BlockElementAction, RespondFn } from '@slack/bolt';
import type { UserRef } from '../../../src/core/user.js';
import type { TriageView } from '../../../src/service/index.js';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import { ACTION, renderTriage } from '../render.js';
import { type Origin, showNew, updateInPlace } from '../reply.js';
import { decodeAnswer, decodeId, decodeVersion, userFrom } from '../to-core.js';
import type { WebClient } from '../web.js';
import { guard } from './boundary.js';

type Act = (user: UserRef, action: BlockElementAction) => Promise<TriageView | null>;

/** Answer buttons, the typed inviter name, Back, Revise and Undo: each updates the card in place. */
export function register(app: SlackApp, deps: SlackDeps): void {
  const { triage } = deps.service;
  const inPlace = (name: string, act: Act) => handle(app, deps, name, act, updateInPlace);
  inPlace(`(${ACTION.answer}_\\d+|${ACTION.answerMenu})`, async (user, a) => {
    const raw = a.type === 'button' ? a.value : a.type === 'static_select' ? a.selected_option?.value : undefined;
    const ref = decodeAnswer(raw);
    return ref ? triage.answer(user, ref.triageId, { questionId: ref.questionId, choice: ref.choice }) : null;
  });
  inPlace(ACTION.inviter, async (user, a) => {
    const id = decodeId(a.block_id);
    const name = a.type === 'plain_text_input' ? (a.value ?? '') : '';
    return id ? triage.answer(user, id, { questionId: 'inviter', choice: 'name', text: name }) : null;
  });
  inPlace(ACTION.revise, (user, a) =>
    once(
      a,
      (id) => triage.get(user, id),
      (id) => triage.revise(user, id),
    ),
  );
  // Back mid-question and Undo after a decision both take back the last answer.
  inPlace(ACTION.back, (user, a) =>
    once(
      a,
      (id) => triage.get(user, id),
      (id) => triage.undo(user, id),
    ),
  );
  inPlace(ACTION.undo, (user, a) =>
    once(
      a,
      (id) => triage.get(user, id),
      (id) => triage.undo(user, id),
    ),
  );
  inPlace(ACTION.correct, (user, a) =>
    once(
      a,
      (id) => triage.get(user, id),
      (id) => triage.correct(user, id),
    ),
  );
  // A repeated invitation: keep the earlier decision as it stands, or triage the person again.
  inPlace(ACTION.keep, (user, a) => withVersion(a, (id) => triage.get(user, id)));
  inPlace(ACTION.again, (user, a) => withVersion(a, (id) => triage.again(user, id)));
  // From lists, the home tab and the digest: the triage opens in a new message, leaving the list as it was.
  handle(app, deps, ACTION.resume, (user, a) => withId(a, (id) => triage.get(user, id)), showNew);
  handle(app, deps, `${ACTION.reviseNew}(_\\d+)?`, (user, a) => withId(a, (id) => triage.revise(user, id)), showNew);
}

async function withId(a: BlockElementAction, f: (id: number) => Promise<TriageView>): Promise<TriageView | null> {
  const id = a.type === 'button' ? decodeId(a.value) : null;
  return id ? f(id) : null;
}

async function withVersion(a: BlockElementAction, f: (id: number) => Promise<TriageView>) {
  const ref = a.type === 'button' ? decodeVersion(a.value) : null;
  return ref ? f(ref.id) : null;
}

/** Acts only if the triage is still as the card showed it; a second click just shows the current state. */
async function once(
  a: BlockElementAction,
  get: (id: number) => Promise<TriageView>,
  act: (id: number) => Promise<TriageView>,
): Promise<TriageView | null> {
  const ref = a.type === 'button' ? decodeVersion(a.value) : null;
  if (!ref) return null;
  const now = await get(ref.id);
  return now.updatedAt === ref.version ? act(ref.id) : now;
}

type Show = (
  client: WebClient,
  body: Origin,
  respond: RespondFn | undefined,
  msg: ReturnType<typeof renderTriage>,
) => Promise<void>;

function handle(app: SlackApp, deps: SlackDeps, name: string, act: Act, show: Show): void {
  app.action<BlockAction>(new RegExp(`^${name}$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const tell = (m: ReturnType<typeof renderTriage>) => showNew(client, body, respond, m);
    await guard(
      deps.log,
      name,
      async () => {
        const view = await act(userFrom(body), action);
        if (!view) {
          deps.log.warn('malformed action value', { action: action.action_id });
          return;
        }
        await show(client, body, respond, renderTriage(view));
      },
      tell,
    );
  });
}
