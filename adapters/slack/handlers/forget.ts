import type { BlockAction } from '@slack/bolt';
import type { UserRef } from '../../../src/core/user.js';
import { DEFAULT_DIGEST } from '../../../src/service/settings-service.js';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import { renderNotice } from '../render.js';
import { renderHome } from '../render-home.js';
import { RECORD_ACTION, renderForgetConfirm } from '../render-records.js';
import { openDm, updateInPlace } from '../reply.js';
import { userFrom } from '../to-core.js';
import type { WebClient } from '../web.js';
import { guard } from './boundary.js';
import type { Subcommand } from './subcommand.js';

export const forgetCommand: Subcommand = {
  usage: '`/triage forget`: delete everything I keep about you (asks first)',
  async run({ ack }) {
    await ack(renderForgetConfirm());
  },
};

/** What the bot's earlier DM messages say once the user had everything deleted. */
export const FORGOTTEN = 'Deleted at your request.';

/** How far back the DM is cleared: 10 pages of Slack's largest page. */
const PAGES = 10;

/**
 * Deletion happens only on the explicit confirmation button; Cancel leaves everything as it was. After it, the
 * bot's earlier messages in the DM (triage cards and digests that name inviters) are replaced, and the Home tab
 * is republished empty, so nothing deleted stays on screen.
 */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.action<BlockAction>(RECORD_ACTION.forgetYes, async ({ ack, body, client, respond }) => {
    await ack();
    await guard(deps.log, 'forget', async () => {
      const user = userFrom(body);
      const { triages } = await deps.service.records.forget(user);
      const msg = renderNotice(`Done: I deleted everything I kept about you (${triages} triages).`);
      await updateInPlace(client, body, respond, msg);
      await clearScreens(client, deps, user, body.container?.message_ts);
    });
  });
  app.action<BlockAction>(RECORD_ACTION.forgetNo, async ({ ack, body, client, respond }) => {
    await ack();
    await guard(deps.log, 'forget cancel', async () => {
      await updateInPlace(client, body, respond, renderNotice('Cancelled: nothing was deleted.'));
    });
  });
}

async function clearScreens(client: WebClient, deps: SlackDeps, user: UserRef, keep: string | undefined) {
  // Rendered without reading the database: reading would create the user again.
  const empty = {
    pending: [],
    recent: [],
    week: {},
    settings: { timezone: null, role: null, digest: { ...DEFAULT_DIGEST } },
  };
  await client.views.publish({ user_id: user.userId, view: renderHome(empty) });
  const channel = await openDm(client, user.userId);
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const res = await client.conversations.history({ channel, limit: 200, ...(cursor ? { cursor } : {}) });
    for (const m of res.messages ?? []) {
      if (!m.bot_id || !m.ts || m.ts === keep || m.text === FORGOTTEN) continue;
      await client.chat.update({ channel, ts: m.ts, text: FORGOTTEN, blocks: [] });
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  deps.log.info('slack screens cleared after forget');
}
