import { isWorkspaceAdmin } from '../admin.js';
import { renderNotice } from '../render.js';
import { renderGuidelines } from '../render-help.js';
import { parseSetGuidelines, teamOf } from '../to-core.js';
import type { Subcommand } from './subcommand.js';

/** Everyone may read the guidance; only a workspace admin or owner (per users.info) may set it. */
export const guidelinesCommand: Subcommand = {
  usage: "`/triage guidelines`: your team's guidance on social networking at work (admins: `set ok|not-ok <note>`)",
  async run({ user, arg, client, ack, deps }) {
    const team = teamOf(user);
    if (arg.trim() === '') {
      await ack(renderGuidelines(await deps.service.time.guidelines(team)));
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
    const saved = await deps.service.time.setGuidelines(team, input);
    await ack(renderGuidelines(saved, 'Saved. Everyone in this workspace now sees:'));
  },
};
