import { renderHelp } from '../render-help.js';
import { exportCommand } from './export.js';
import { forgetCommand } from './forget.js';
import { guidelinesCommand } from './guidelines.js';
import { usageLines } from './help.js';
import { historyCommand, pendingCommand } from './history.js';
import { policyCommand } from './policy.js';
import type { Subcommand } from './subcommand.js';
import { budgetCommand, digestCommand, timeCommand } from './time.js';

/**
 * Every `/triage` subcommand, in the order help lists them. Register a new one here with one line;
 * the router treats any first word found in this table as a subcommand and anything else as invitation text.
 */
export const SUBCOMMANDS: Record<string, Subcommand> = {
  history: historyCommand,
  pending: pendingCommand,
  policy: policyCommand,
  time: timeCommand,
  budget: budgetCommand,
  digest: digestCommand,
  guidelines: guidelinesCommand,
  export: exportCommand,
  forget: forgetCommand,
  help: {
    usage: '`/triage help`: this list',
    run: ({ ack }) => ack(renderHelp(usageLines(SUBCOMMANDS))),
  },
};

export function isSubcommand(word: string): boolean {
  return Object.hasOwn(SUBCOMMANDS, word);
}
