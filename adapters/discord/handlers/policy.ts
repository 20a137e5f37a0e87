import type { ChatInputCommandInteraction } from 'discord.js';
import { PLATFORM_IDS } from '../../../src/core/platforms.js';
import { renderPolicies } from '../render-records.js';
import { privateFlags, userRefOf } from '../to-core.js';
import type { Ctx } from './boundary.js';

/** Platforms shown when none is named: the ones whose defaults the product is about. */
const MAIN = ['linkedin', 'facebook'] as const;

/** `/triage policy [platform]`: the criteria that apply to the user, and where they come from. */
export async function onPolicy(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const user = userRefOf(i.user);
  const platform = i.options.getString('platform');
  const shown = platform === null ? MAIN : [platform];
  const views = shown.map((p) => ctx.service.policies.show(user, p));
  await i.reply({ ...renderPolicies(views), flags: privateFlags(i) });
}

/** The platform option's choices: Discord allows 25, and the catalog is smaller. */
export const PLATFORM_CHOICES = PLATFORM_IDS.slice(0, 25);
