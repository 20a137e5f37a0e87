import type { BlockAction } from '@slack/bolt';
import { resolvePlatform } from '../../../src/core/platforms.js';
import { within } from '../../deadline.js';
import { isWorkspaceAdmin } from '../admin.js';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import type { SlackMessage } from '../render.js';
import { loadingPolicyModal, policyModal } from '../render-modals.js';
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
    const views = await Promise.all(platforms.map((p) => deps.service.policies.show(user, p)));
    const cards = views.map((v) => renderPolicy(v));
    const merged: SlackMessage = { text: cards.map((c) => c.text).join(', '), blocks: cards.flatMap((c) => c.blocks) };
    await ack(merged);
  },
};

/**
 * The Edit button opens the policy editor. Its trigger expires in 3 seconds: the modal opens once the policy is
 * read and one users.info call says whether to offer saving it for the whole workspace. When that takes longer
 * than the deadline (the database may be locked), a loading modal opens at once and is replaced when ready.
 */
export function register(app: SlackApp, deps: SlackDeps): void {
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
          // Admins may also save it for the workspace; the submission checks again. If Slack cannot say, the
          // form still opens, for the user's own policy only.
          const admin = isWorkspaceAdmin(client, deps, user).catch((err: unknown) => {
            deps.log.warn('slack admin check failed', { error: err instanceof Error ? err.message : String(err) });
            return false;
          });
          const ready = Promise.all([deps.service.policies.show(user, platform), admin]);
          const early = await within(ready);
          if (early.done) {
            const [policy, team] = early.value;
            await client.views.open({ trigger_id: body.trigger_id, view: policyModal(policy, { team }) });
            return;
          }
          const opened = await client.views.open({ trigger_id: body.trigger_id, view: loadingPolicyModal() });
          const [policy, team] = await ready;
          const viewId = opened.view?.id;
          if (!viewId) throw new Error('views.open returned no view id');
          await client.views.update({ view_id: viewId, view: policyModal(policy, { team }) });
        },
        tell,
      );
    },
  );
}
