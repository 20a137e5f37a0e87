import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { Ctx } from './handlers/boundary.js';
import { onPolicy, PLATFORM_CHOICES } from './handlers/policy.js';
import { onExport, onForget, onHistory, onPending } from './handlers/records.js';
import { onSettings, onSettingsAutocomplete } from './handlers/settings.js';
import { onStartCommand } from './handlers/start.js';
import { NO_PINGS } from './render.js';
import { HELP } from './render-records.js';
import { TIME_SUBCOMMANDS } from './subcommands-time.js';
import { privateFlags } from './to-core.js';

/** One `/triage` subcommand: how it is declared to Discord, and what answers it. */
export interface Subcommand {
  describe(b: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  run(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void>;
  autocomplete?(i: AutocompleteInteraction, ctx: Ctx): Promise<void>;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Every `/triage` subcommand, by name: the one place to add one (commands.ts declares them from this
 * table, and the router dispatches through it). The digest's own (`time`, `budget`, `guidelines`, `digest`)
 * live in subcommands-time.ts.
 */
export const SUBCOMMANDS: Record<string, Subcommand> = {
  start: {
    describe: (b) =>
      b
        .setDescription('Triage an invitation: paste it or describe it')
        .addStringOption((o) => o.setName('text').setDescription('The invitation text').setMaxLength(4000)),
    run: onStartCommand,
  },
  history: { describe: (b) => b.setDescription('Your recent decisions'), run: onHistory },
  pending: { describe: (b) => b.setDescription('Invitations still waiting on you'), run: onPending },
  policy: {
    describe: (b) =>
      b.setDescription('The questions you are asked, per network').addStringOption((o) =>
        o
          .setName('platform')
          .setDescription('Which network')
          .addChoices(PLATFORM_CHOICES.map((p) => ({ name: p, value: p }))),
      ),
    run: onPolicy,
  },
  settings: {
    describe: (b) =>
      b
        .setDescription('When your weekly digest arrives, or turn it off')
        .addIntegerOption((o) =>
          o
            .setName('day')
            .setDescription('Day of the week')
            .addChoices(DAYS.map((name, value) => ({ name, value }))),
        )
        .addIntegerOption((o) => o.setName('hour').setDescription('Hour, 0–23').setMinValue(0).setMaxValue(23))
        .addStringOption((o) =>
          o.setName('timezone').setDescription('Your time zone, e.g. Europe/Berlin').setAutocomplete(true),
        )
        .addBooleanOption((o) => o.setName('off').setDescription('Turn the digest off (false turns it on)')),
    run: onSettings,
    autocomplete: (i) => onSettingsAutocomplete(i),
  },
  export: { describe: (b) => b.setDescription('Your records as a CSV file, sent in a DM'), run: onExport },
  forget: { describe: (b) => b.setDescription('Delete everything kept about you'), run: onForget },
  ...TIME_SUBCOMMANDS,
  help: {
    describe: (b) => b.setDescription('What this bot does and how to use it'),
    run: async (i) => {
      await i.reply({ content: HELP, flags: privateFlags(i), ...NO_PINGS });
    },
  },
};

/** A subcommand this process does not know (registered by a newer version): say so instead of failing. */
export async function unknownSubcommand(i: ChatInputCommandInteraction): Promise<void> {
  await i.reply({ content: 'That command is not available yet.', flags: MessageFlags.Ephemeral, ...NO_PINGS });
}
