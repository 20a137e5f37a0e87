import type { BlockAction } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import { RECORD_ACTION, renderHistory, renderPending } from '../render-records.js';
import { updateInPlace } from '../reply.js';
import { userFrom } from '../to-core.js';
import { guard } from './boundary.js';
import type { Subcommand } from './subcommand.js';

const PAGE = 10;

export const historyCommand: Subcommand = {
  usage: '`/triage history`: your decisions, newest first',
  async run({ user, ack, deps }) {
    await ack(renderHistory(await deps.service.records.history(user, { limit: PAGE, offset: 0 })));
  },
};

export const pendingCommand: Subcommand = {
  usage: '`/triage pending`: deferred and unfinished invitations',
  async run({ user, ack, deps }) {
    await ack(renderPending(await deps.service.records.pending(user)));
  },
};

/** Previous / Next on a history page replace the page in place. */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.action<BlockAction>(new RegExp(`^${RECORD_ACTION.page}_`), async ({ ack, body, action, client, respond }) => {
    await ack();
    await guard(deps.log, 'history page', async () => {
      const offset = action.type === 'button' ? Number(action.value) : 0;
      const user = userFrom(body);
      let page = await deps.service.records.history(user, {
        limit: PAGE,
        offset: Number.isFinite(offset) ? offset : 0,
      });
      // An offset past the end (forged, or decisions deleted since): the last page there is.
      if (page.items.length === 0 && page.total > 0) {
        const last = Math.floor((page.total - 1) / PAGE) * PAGE;
        page = await deps.service.records.history(user, { limit: PAGE, offset: last });
      }
      await updateInPlace(client, body, respond, renderHistory(page));
    });
  });
}
