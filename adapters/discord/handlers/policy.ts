import type { ButtonInteraction, ChatInputCommandInteraction, ModalSubmitInteraction } from 'discord.js';
import { policyModal } from '../render-policy.js';
import { renderPolicies } from '../render-records.js';
import { canManageServer, policyForm, privateFlags, teamOf, userRefOf } from '../to-core.js';
import { type Ctx, tell } from './boundary.js';

/** Platforms shown when none is named: the ones whose defaults the product is about. */
const MAIN = ['linkedin', 'facebook'] as const;

/** `/triage policy [platform]`: the criteria that apply to the user, where they come from, and Edit buttons. */
export async function onPolicy(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const user = userRefOf(i.user);
  const platform = i.options.getString('platform');
  const shown = platform === null ? MAIN : [platform];
  const views = shown.map((p) => ctx.service.policies.show(user, p));
  await i.reply({ ...renderPolicies(views), flags: privateFlags(i) });
}

const NOT_ADMIN =
  'Only members with the Manage Server permission can set the policy for this server. Nothing was changed.';

/**
 * Edit: the clicker's own policy for that platform, in a form, whose message it was does not matter. In a
 * server, members with Manage Server may also save it for everyone there.
 */
export async function onPolicyEdit(i: ButtonInteraction, platform: string, ctx: Ctx): Promise<void> {
  const view = ctx.service.policies.show(userRefOf(i.user), platform);
  await i.showModal(policyModal(view, canManageServer(i)));
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
    const saved = reset ? policies.resetTeam(team, platform) : policies.setTeam(team, platform, spec);
    ctx.log.info('discord: server policy set', { user: i.user.id, guild: i.guildId, platform });
    const content = 'Saved for everyone in this server who has no policy of their own.';
    await i.reply({ content, ...renderPolicies([saved], 'This server’s policy'), flags: privateFlags(i) });
    return;
  }
  const user = userRefOf(i.user);
  const saved = reset ? policies.reset(user, platform) : policies.set(user, platform, spec);
  await i.reply({ content: 'Saved.', ...renderPolicies([saved]), flags: privateFlags(i) });
}
