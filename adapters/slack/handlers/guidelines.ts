import { TriageError } from '../../../src/core/errors.js';
import type { UserRef } from '../../../src/core/user.js';
import type { TeamRef } from '../../../src/service/index.js';
import type { GuidelinesView } from '../../../src/service/time-service.js';
import { isWorkspaceAdmin } from '../admin.js';
import { context, LIMITS, section } from '../blocks.js';
import { escapeMrkdwn, safeMrkdwn, truncate } from '../escape.js';
import { renderNotice, type SlackMessage } from '../render.js';
import type { Subcommand } from './subcommand.js';

const SET_USAGE = '/triage guidelines set ok <what you may say> (or set not-ok …)';
const STANCES: Record<string, boolean> = {
  ok: true,
  yes: true,
  fine: true,
  'not-ok': false,
  no: false,
  'not-fine': false,
};

/** The team the guidance belongs to: the user's workspace, keyed as the adapter keys users. */
export function teamOf(user: UserRef): TeamRef {
  return { provider: 'slack', workspace: user.workspace };
}

/** `set [work-hours] ok|not-ok <note…>`; anything else is refused with the usage. */
export function parseSetGuidelines(arg: string): { workHoursOk: boolean; note: string } {
  const m = /^set\b(?:\s+work[- ]?hours\b)?(?:\s+(\S+))?\s*([\s\S]*)$/i.exec(arg.trim());
  if (!m) throw new TriageError('bad_argument', `To see the guidance: /triage guidelines. To set it: ${SET_USAGE}.`);
  const word = (m[1] ?? '').toLowerCase();
  const stance = Object.hasOwn(STANCES, word) ? STANCES[word] : undefined;
  if (stance === undefined) {
    throw new TriageError('bad_argument', `Say whether social networking during work hours is fine: ${SET_USAGE}.`);
  }
  return { workHoursOk: stance, note: m[2] ?? '' };
}

export function renderGuidelines(view: GuidelinesView, intro?: string): SlackMessage {
  const lines = view.lines.map((l) => safeMrkdwn(l, 1000)).join('\n');
  const lead = intro ? `${escapeMrkdwn(intro)}\n` : '';
  return {
    text: truncate(escapeMrkdwn(view.lines.join(' ')), LIMITS.fallbackText),
    blocks: [
      section(`${lead}*Team guidance*\n${lines}`),
      context(`Workspace admins change it with \`${escapeMrkdwn(SET_USAGE)}\`.`),
    ],
  };
}

/** Everyone may read the guidance; only a workspace admin or owner (per users.info) may set it. */
export const guidelinesCommand: Subcommand = {
  usage: "`/triage guidelines`: your team's guidance on social networking at work (admins: `set ok|not-ok <note>`)",
  async run({ user, arg, client, ack, deps }) {
    const team = teamOf(user);
    if (arg.trim() === '') {
      await ack(renderGuidelines(deps.service.time.guidelines(team)));
      return;
    }
    const input = parseSetGuidelines(arg);
    await ack();
    if (!(await isWorkspaceAdmin(client, deps, user))) {
      deps.log.info('guidelines change refused', { reason: 'not_admin' });
      await ack(
        renderNotice(
          "Only a workspace admin or owner can set the team's guidance, so nothing was changed. /triage guidelines shows it.",
        ),
      );
      return;
    }
    const saved = deps.service.time.setGuidelines(team, input);
    await ack(renderGuidelines(saved, 'Saved. Everyone in this workspace now sees:'));
  },
};
