import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import { within } from '../../deadline.js';
import { notice } from '../render.js';
import { policyModal } from '../render-policy.js';
import { renderPolicy, renderPolicyPages } from '../render-records.js';
import { canManageServer, policyForm, privateFlags, teamOf, userOf } from '../to-core.js';
import { deferReply, replyWhenReady } from './answer.js';
import { type Ctx, tell } from './boundary.js';

/** Platforms shown when none is named: the ones whose defaults the product is about. */
const MAIN = ['linkedin', 'facebook'] as const;

/** `/triage policy [platform]`: the criteria that apply to the user, where they come from, and Edit buttons. */
export async function onPolicy(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const user = userOf(i);
  const platform = i.options.getString('platform');
  const shown = platform === null ? MAIN : [platform];
  const pages = Promise.all(shown.map((p) => ctx.service.policies.show(user, p))).then((v) => renderPolicyPages(v));
  await replyWhenReady(
    i,
    privateFlags(i),
    pages.then(([first]) => first ?? notice('No policy to show.')),
  );
  // What did not fit in one message follows it, as privately.
  for (const page of (await pages).slice(1)) await i.followUp({ ...page, flags: privateFlags(i) });
}

const NOT_ADMIN =
  'Only members with the Manage Server permission can set the policy for this server. Nothing was changed.';

const SLOW_EDIT = 'Your policy took a moment to load, so the form could not open. Press Edit again to change it.';

/**
 * Edit: the clicker's own policy for that platform, in a form, whose message it was does not matter. In a
 * server, members with Manage Server may also save it for everyone there. A form must be the first answer and
 * shows the current policy: when reading it is slow (a locked database), the policy is shown privately instead,
 * with its Edit button, once it is read.
 */
export async function onPolicyEdit(i: ButtonInteraction, platform: string, ctx: Ctx): Promise<void> {
  const view = ctx.service.policies.show(userOf(i), platform);
  const early = await within(view);
  if (early.done) {
    await i.showModal(policyModal(early.value, canManageServer(i)));
    return;
  }
  await deferReply(i, MessageFlags.Ephemeral);
  await i.editReply({ content: SLOW_EDIT, ...renderPolicy(await view) });
}

/** The form sent back: built-in questions ticked, the user's own typed one per line, or back to the default. */
export async function onPolicyModal(i: ModalSubmitInteraction, platform: string, ctx: Ctx): Promise<void> {
  const { reset, spec, server } = policyForm(i);
  if (!reset && spec.length === 0) {
    await tell(i, ctx, 'Nothing was ticked or typed, so your policy stays as it was.');
    return;
  }
  const policies = ctx.service.policies;
  // A bad policy (too many questions, one too long) throws a TriageError: the boundary shows it, nothing is saved.
  if (server) {
    if (!canManageServer(i)) {
      ctx.log.info('discord: server policy change refused', { user: i.user.id, guild: i.guildId });
      await tell(i, ctx, NOT_ADMIN);
      return;
    }
    const team = teamOf(i);
    const saved = (reset ? policies.resetTeam(team, platform) : policies.setTeam(team, platform, spec)).then((view) => {
      ctx.log.info('discord: server policy set', { user: i.user.id, guild: i.guildId, platform });
      const content = 'Saved for everyone in this server who has no policy of their own.';
      return { content, ...renderPolicy(view, 'This server’s policy') };
    });
    await replyWhenReady(i, privateFlags(i), saved);
    return;
  }
  const user = userOf(i);
  const saved = reset ? policies.reset(user, platform) : policies.set(user, platform, spec);
  await replyWhenReady(
    i,
    privateFlags(i),
    saved.then((view) => ({ content: 'Saved.', ...renderPolicy(view) })),
  );
}
