import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import { userFrom } from '../to-core.js';

/**
 * Drops an Events API delivery already handled. Slack retries an event (X-Slack-Retry-Num) when an ack was slow
 * or lost; the event_id stays the same, so it is the key.
 */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      // Keyed by workspace too, so an uninstall's purge forgets that workspace's keys.
      const key = `slack:event:${userFrom(body).workspace}:${eventId}`;
      if (!(await deps.service.events.firstTime(key))) {
        deps.log.info('duplicate slack event ignored', { eventId });
        return;
      }
    }
    await next();
  });
}
