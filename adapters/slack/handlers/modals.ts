import { isWorkspaceAdmin } from '../admin.js';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import type { SlackMessage } from '../render.js';
import { renderNotice } from '../render.js';
import { POLICY_MODAL, POLICY_SCOPE, TRIAGE_MODAL } from '../render-modals.js';
import { renderPolicy } from '../render-records.js';
import { postToDm, privately } from '../reply.js';
import { startTriage } from '../start.js';
import { policyForm, teamOf, triageForm, userFrom } from '../to-core.js';
import { guard } from './boundary.js';

/** The triage form and the policy editor: validated before ack so mistakes show in the form, then answered in the DM. */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.view(TRIAGE_MODAL, async ({ ack, body, view, client }) => {
    const { platform, inviter, relation, pasted } = triageForm(view.state.values);
    if (!pasted && !inviter && !platform) {
      await ack({ response_action: 'errors', errors: { inviter: 'Say who invited you, or paste the invitation.' } });
      return;
    }
    await ack();
    const user = userFrom(body);
    const described = pasted || `Invitation from ${inviter || 'someone'}${relation ? ` (${relation})` : ''}`;
    const channel = view.private_metadata || undefined;
    const tell = (m: SlackMessage) => privately(client, body.user.id, m, { channel });
    await guard(
      deps.log,
      'triage modal',
      async () => {
        const opts = { source: 'modal', ...(platform ? { platform: platform as never } : {}), inviter, relation };
        await tell(await startTriage(deps.service, user, described, opts));
      },
      tell,
    );
  });

  app.view(POLICY_MODAL, async ({ ack, body, view, client }) => {
    const platform = view.private_metadata;
    const { reset, spec, forTeam } = policyForm(view.state.values, POLICY_SCOPE.team);
    const user = userFrom(body);
    if (!reset && spec.length === 0) {
      await ack();
      return;
    }
    // Only the checks that need no database run before the ack, so a locked database never holds the form open.
    try {
      if (!reset) deps.service.policies.check(platform, spec);
    } catch (err) {
      const message = err instanceof Error ? err.message : 'That policy could not be saved.';
      await ack({ response_action: 'errors', errors: { custom: message.slice(0, 150) } });
      return;
    }
    await ack();
    const tell = (m: Parameters<typeof postToDm>[2]) => postToDm(client, body.user.id, m);
    await guard(
      deps.log,
      'policy modal',
      async () => {
        const policies = deps.service.policies;
        if (!forTeam) {
          const saved = reset ? await policies.reset(user, platform) : await policies.set(user, platform, spec);
          await tell(renderPolicy(saved, 'Saved.'));
          return;
        }
        // For the whole workspace: Slack says whether the user is still an admin.
        if (!(await isWorkspaceAdmin(client, deps, user))) {
          deps.log.info('team policy change refused', { reason: 'not_admin' });
          await tell(
            renderNotice('Only a workspace admin or owner can set the policy for everyone, so nothing was changed.'),
          );
          return;
        }
        const team = teamOf(user);
        const shown = reset ? await policies.resetTeam(team, platform) : await policies.setTeam(team, platform, spec);
        await tell(renderPolicy(shown, 'Saved for everyone in this workspace who has no policy of their own.'));
      },
      tell,
    );
  });
}
