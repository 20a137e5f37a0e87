import { PLATFORMS } from '../../src/core/platforms.js';
import { MAX_GUIDANCE_NOTE } from '../../src/service/input.js';
import type { Declare } from './declarations.js';

/** By display name; Discord allows 25 choices and the catalog is smaller. */
const PLATFORM_OPTIONS = PLATFORMS.slice(0, 25).map((p) => ({ name: p.name, value: p.id }));
const PLACES = ['work', 'home'].map((p) => ({ name: p, value: p }));
const EXPECTATIONS = ['leads', 'contacts', 'friends'].map((e) => ({ name: e, value: e }));

/** The weekly digest's subcommands, as declared: logging time, budgets, the team's guidance, a digest preview. */
export const TIME_DECLARATIONS: Record<string, Declare> = {
  time: (b) =>
    b
      .setDescription('Log time spent on a network')
      .addStringOption((o) =>
        o.setName('platform').setDescription('Which network').setRequired(true).addChoices(PLATFORM_OPTIONS),
      )
      .addStringOption((o) =>
        o.setName('duration').setDescription('How long: 25m, 1h30m, 1.5h').setRequired(true).setMaxLength(40),
      )
      .addStringOption((o) => o.setName('place').setDescription('At work or at home').addChoices(PLACES)),
  budget: (b) =>
    b
      .setDescription('Set a weekly time budget for a network')
      .addStringOption((o) =>
        o.setName('platform').setDescription('Which network').setRequired(true).addChoices(PLATFORM_OPTIONS),
      )
      .addStringOption((o) =>
        o.setName('duration').setDescription('Per week: 2h, 90m; "off" removes it').setRequired(true).setMaxLength(40),
      )
      .addStringOption((o) => o.setName('expect').setDescription('What you want from it').addChoices(EXPECTATIONS)),
  guidelines: (b) => b.setDescription('This server’s guidance on social networking at work'),
  'guidelines-set': (b) =>
    b
      .setDescription('Set this server’s guidance (Manage Server only)')
      .addBooleanOption((o) =>
        o.setName('work_hours_ok').setDescription('Is social networking during work hours fine?').setRequired(true),
      )
      .addStringOption((o) =>
        o.setName('note').setDescription('What people may say about work, for example').setMaxLength(MAX_GUIDANCE_NOTE),
      ),
  digest: (b) =>
    b
      .setDescription('A preview of your next weekly digest (nothing is sent)')
      .addStringOption((o) =>
        o
          .setName('week')
          .setDescription('Which week')
          .addChoices(
            { name: 'this week so far (your next digest)', value: 'current' },
            { name: 'last week, as it was sent', value: 'last' },
          ),
      ),
};
