import { context, section } from '../blocks.js';
import { escapeMrkdwn } from '../escape.js';
import type { SlackMessage } from '../render.js';
import type { Subcommand } from './subcommand.js';

/** The help card; `unknown` names the word that was not understood. */
export function renderHelp(usages: string[], unknown?: string): SlackMessage {
  const intro = unknown
    ? `I don't know \`${escapeMrkdwn(unknown.slice(0, 40))}\`. Here is what I can do:`
    : 'Here is what I can do:';
  const lines = [
    '`/triage <invitation text>`: triage a pasted or described invitation',
    '`/triage`: open a form to describe an invitation',
    ...usages,
  ];
  return {
    text: intro,
    blocks: [
      section(`${intro}\n${lines.map((l) => `• ${l}`).join('\n')}`),
      context(
        'You can also use the *Triage this invitation* shortcut on any message, or send me an invitation in a DM.',
      ),
    ],
  };
}

export function usageLines(table: Record<string, Subcommand>): string[] {
  return Object.values(table).map((s) => s.usage);
}
