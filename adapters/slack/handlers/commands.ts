import { resolvePlatform } from '../../../src/core/platforms.js';
import type { UserRef } from '../../../src/core/user.js';
import { within } from '../../deadline.js';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import { renderNotice, type SlackMessage } from '../render.js';
import { renderHelp } from '../render-help.js';
import { triageModal } from '../render-modals.js';
import { startTriage } from '../start.js';
import { parseCommand, userFrom } from '../to-core.js';
import { messageFor } from './boundary.js';
import { usageLines } from './help.js';
import type { SubcommandContext } from './subcommand.js';
import { isSubcommand, SUBCOMMANDS } from './subcommands.js';

type BoltAck = (reply?: { response_type: 'ephemeral'; text: string; blocks: SlackMessage['blocks'] }) => Promise<void>;

/** The ack when the reply is not ready in time; the reply follows through response_url. */
export const WORKING = 'Working on it…';

/**
 * `/triage`: a subcommand from the table, the modal when empty, otherwise the text is an invitation to triage.
 * A reply ready within the deadline travels in the ack itself (ephemeral). One that is not (the database may be
 * locked by another process) is acked with a short note and follows through response_url, as does any reply
 * after Slack API work, which happens after a bare ack.
 */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.command('/triage', async ({ command, ack, respond, client, body }) => {
    let acked = false;
    const once = async (reply?: SlackMessage) => {
      if (acked) {
        if (reply) await respond({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
        return;
      }
      acked = true;
      await (ack as BoltAck)(reply && { response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
    };
    const user = userFrom(body);
    const work = answer({ user, arg: '', command, client, respond, ack: once, deps });
    if (!(await within(work)).done && !acked) {
      try {
        await once(renderNotice(WORKING));
      } catch (err) {
        deps.log.error('could not acknowledge a command', { error: String(err) });
      }
    }
    await work;
    await rememberTeam(deps, user);
  });
}

/**
 * A grid user is one user across the org's workspaces; the digest quotes the guidance (and triage falls back on
 * the policy) of the workspace where they last typed /triage, which a command's team id names reliably. After
 * the reply, and only for a user the database already holds: a command that stores nothing still stores nothing.
 */
async function rememberTeam(deps: SlackDeps, user: UserRef): Promise<void> {
  if (!user.workspace.split(':')[0]) return;
  await deps.service.settings
    .rememberGuidanceTeam(user, user.workspace, { onlyIfKnown: true })
    .catch((err: unknown) => {
      deps.log.warn('slack team not remembered', { error: err instanceof Error ? err.message : String(err) });
    });
}

/** Routes the command and replies; a failure is told to the user, never thrown. */
async function answer(ctx: SubcommandContext): Promise<void> {
  try {
    await route(ctx);
    await ctx.ack();
  } catch (err) {
    try {
      await ctx.ack(renderNotice(messageFor(err, ctx.deps.log, 'command')));
    } catch (again) {
      ctx.deps.log.error('could not answer a command', { error: String(again) });
    }
  }
}

async function route(ctx: SubcommandContext): Promise<void> {
  const intent = parseCommand(ctx.command?.text, isSubcommand);
  if (intent.kind === 'modal') {
    await ctx.ack();
    await ctx.client.views.open({
      trigger_id: ctx.command?.trigger_id ?? '',
      view: triageModal(ctx.command?.channel_id),
    });
  } else if (intent.kind === 'sub') {
    await SUBCOMMANDS[intent.name]?.run({ ...ctx, arg: intent.arg });
  } else if (intent.kind === 'unknown' && !resolvePlatform(intent.word)) {
    await ctx.ack(renderHelp(usageLines(SUBCOMMANDS), intent.word));
  } else {
    const text = intent.kind === 'triage' ? intent.text : intent.word;
    await ctx.ack(await startTriage(ctx.deps.service, ctx.user, text, { source: 'slash' }));
  }
}
