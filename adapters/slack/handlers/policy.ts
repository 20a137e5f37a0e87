import type { App, BlockAction } from '@slack/bolt';
import { resolvePlatform } from '../../../src/core/platforms.js';
import { isWorkspaceAdmin } from '../admin.js';
import type { SlackDeps } from '../deps.js';
import type { SlackMessage } from '../render.js';
import { policyModal } from '../render-modals.js';
import { RECORD_ACTION, renderPolicy } from '../render-records.js';
import { showNew } from '../reply.js';
import { userFrom } from '../to-core.js';
import { guard } from './boundary.js';
import type { Subcommand } from './subcommand.js';

const SHOWN_BY_DEFAULT = ['linkedin', 'facebook'];

export const policyCommand: Subcommand = {
  usage: '`/triage policy [network]`: the questions I ask, with a button to edit them',
  async run({ user, arg, ack, deps }) {
    const platforms = arg.trim() ? [arg.trim()] : SHOWN_BY_DEFAULT;
    const cards = platforms.map((p) => renderPolicy(deps.service.policies.show(user, p)));
    const merged: SlackMessage = { text: cards.map((c) => c.text).join(', '), blocks: cards.flatMap((c) => c.blocks) };
    await ack(merged);
  },
};

/**
 * The Edit button opens the policy editor. Its trigger expires in 3 seconds: the modal opens right after the
 * ack and one users.info call, which says whether to offer saving it for the whole workspace.
 */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(
    new RegExp(`^${RECORD_ACTION.editPolicy}`),
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const tell = (m: SlackMessage) => showNew(client, body, respond, m);
      await guard(
        deps.log,
        'policy edit',
        async () => {
          const platform = action.type === 'button' ? resolvePlatform(action.value ?? '') : null;
          if (!platform) return;
          const user = userFrom(body);
          const policy = deps.service.policies.show(user, platform);
          // Admins may also save it for the workspace; the submission checks again. If Slack cannot say, the
          // form still opens, for the user's own policy only.
          const team = await isWorkspaceAdmin(client, deps, user).catch((err: unknown) => {
            deps.log.warn('slack admin check failed', { error: err instanceof Error ? err.message : String(err) });
            return false;
          });
          await client.views.open({ trigger_id: body.trigger_id, view: policyModal(policy, { team }) });
        },
        tell,
      );
    },
  );
}
