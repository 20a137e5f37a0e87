import type { SlashCommandSubcommandBuilder } from 'discord.js';
import { PLATFORM_IDS } from '../../src/core/platforms.js';
import { ROLES } from '../../src/core/roles.js';
import { TIME_DECLARATIONS } from './declarations-time.js';

export type Declare = (b: SlashCommandSubcommandBuilder) => SlashCommandSubcommandBuilder;

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Discord allows 25 choices, and the catalog is smaller. */
const PLATFORM_CHOICES = PLATFORM_IDS.slice(0, 25).map((p) => ({ name: p, value: p }));

/**
 * How each `/triage` subcommand is declared to Discord, in the order Discord lists them. What answers each is in
 * subcommands.ts; this side imports no handler, service or store, so `npm run discord:register` loads no database.
 */
export const DECLARATIONS: Record<string, Declare> = {
  start: (b) =>
    b
      .setDescription('Triage an invitation: paste it or describe it')
      .addStringOption((o) => o.setName('text').setDescription('The invitation text').setMaxLength(4000)),
  history: (b) => b.setDescription('Your recent decisions'),
  pending: (b) => b.setDescription('Invitations still waiting on you'),
  policy: (b) =>
    b
      .setDescription('The questions you are asked, per network')
      .addStringOption((o) => o.setName('platform').setDescription('Which network').addChoices(PLATFORM_CHOICES)),
  settings: (b) =>
    b
      .setDescription('When your weekly digest arrives, or turn it off; your role')
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
      .addBooleanOption((o) => o.setName('off').setDescription('Turn the digest off (false turns it on)'))
      .addStringOption((o) =>
        o
          .setName('reminders')
          .setDescription('Reminders: each at its time, once a day, or none')
          .addChoices(
            { name: 'standard', value: 'standard' },
            { name: 'light', value: 'light' },
            { name: 'off', value: 'off' },
          ),
      )
      .addStringOption((o) => o.setName('quiet').setDescription('Quiet hours, e.g. 21-8, or off').setMaxLength(10))
      .addIntegerOption((o) =>
        o
          .setName('defer_days')
          .setDescription('Days before a deferral is asked about again')
          .setMinValue(1)
          .setMaxValue(90),
      )
      .addStringOption((o) =>
        o
          .setName('role')
          .setDescription('Your work: picks the built-in rules for people you serve')
          .addChoices(ROLES.map((r) => ({ name: `${r.name} (${r.who})`.slice(0, 100), value: r.id }))),
      ),
  export: (b) => b.setDescription('Your records as a CSV file, sent in a DM'),
  forget: (b) => b.setDescription('Delete everything kept about you'),
  ...TIME_DECLARATIONS,
  help: (b) => b.setDescription('What this bot does and how to use it'),
};
