import { type AutocompleteInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { Ctx } from './handlers/boundary.js';
import { onGuidelines, onGuidelinesSet } from './handlers/guidelines.js';
import { onPolicy } from './handlers/policy.js';
import { onExport, onForget, onHistory, onPending } from './handlers/records.js';
import { onSettings, onSettingsAutocomplete } from './handlers/settings.js';
import { onStartCommand } from './handlers/start.js';
import { onBudget, onDigestPreview, onTime } from './handlers/time.js';
import { NO_PINGS } from './render.js';
import { HELP } from './render-records.js';
import { privateFlags } from './to-core.js';

/** What answers one `/triage` subcommand; how it is declared to Discord is in declarations.ts. */
export interface Subcommand {
  run(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void>;
  autocomplete?(i: AutocompleteInteraction, ctx: Ctx): Promise<void>;
}

/** Every `/triage` subcommand's handler, by the name declarations.ts declares it under. */
export const SUBCOMMANDS: Record<string, Subcommand> = {
  start: { run: onStartCommand },
  history: { run: onHistory },
  pending: { run: onPending },
  policy: { run: onPolicy },
  settings: { run: onSettings, autocomplete: (i) => onSettingsAutocomplete(i) },
  export: { run: onExport },
  forget: { run: onForget },
  time: { run: onTime },
  budget: { run: onBudget },
  guidelines: { run: onGuidelines },
  'guidelines-set': { run: onGuidelinesSet },
  digest: { run: onDigestPreview },
  help: {
    run: async (i) => {
      await i.reply({ content: HELP, flags: privateFlags(i), ...NO_PINGS });
    },
  },
};

/** A subcommand this process does not know (registered by a newer version): say so instead of failing. */
export async function unknownSubcommand(i: ChatInputCommandInteraction): Promise<void> {
  await i.reply({ content: 'That command is not available yet.', flags: MessageFlags.Ephemeral, ...NO_PINGS });
}
