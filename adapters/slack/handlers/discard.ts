import type { BlockAction } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import { ACTION, renderNotice, type SlackMessage } from '../render.js';
import { showNew, updateInPlace } from '../reply.js';
import { decodeVersion, userFrom } from '../to-core.js';
import { guard } from './boundary.js';

/** Said in place of the card: the triage is gone, so the card names nobody. */
export const DISCARDED = 'Discarded: that invitation and its answers are gone from your records.';

/**
 * Discard (for text that was not an invitation, or one not worth keeping) deletes the triage with its invitation,
 * answers and decisions, and replaces the card with a short confirmation, privately. Someone else's card is refused
 * by the service, in its own words, beside the card.
 */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.action<BlockAction>(ACTION.discard, async ({ ack, body, action, client, respond }) => {
    await ack();
    const tell = (m: SlackMessage) => showNew(client, body, respond, m);
    await guard(
      deps.log,
      'discard',
      async () => {
        const ref = action.type === 'button' ? decodeVersion(action.value) : null;
        if (!ref) {
          deps.log.warn('malformed action value', { action: action.action_id });
          return;
        }
        await deps.service.triage.discard(userFrom(body), ref.id);
        await updateInPlace(client, body, respond, renderNotice(DISCARDED));
      },
      tell,
    );
  });
}
