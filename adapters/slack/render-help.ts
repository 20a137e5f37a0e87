import type { GuidelinesView } from '../../src/service/time-service.js';
import { context, LIMITS, section } from './blocks.js';
import { escapeMrkdwn, safeMrkdwn, truncate } from './escape.js';
import type { SlackMessage } from './render.js';
import { SET_GUIDELINES_USAGE } from './to-core.js';

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

export function renderGuidelines(view: GuidelinesView, intro?: string): SlackMessage {
  const lines = view.lines.map((l) => safeMrkdwn(l, 1000)).join('\n');
  const lead = intro ? `${escapeMrkdwn(intro)}\n` : '';
  return {
    text: truncate(escapeMrkdwn(view.lines.join(' ')), LIMITS.fallbackText),
    blocks: [
      section(`${lead}*Team guidance*\n${lines}`),
      context(`Workspace admins change it with \`${escapeMrkdwn(SET_GUIDELINES_USAGE)}\`.`),
    ],
  };
}
