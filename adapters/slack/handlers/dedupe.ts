import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/**
 * Drops an Events API delivery already handled. Slack retries an event (X-Slack-Retry-Num) when an ack was slow
 * or lost; the event_id stays the same, so it is the key.
 */
export function register(app: App, deps: SlackDeps): void {
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.service.events.firstTime(`slack:event:${eventId}`))) {
      deps.log.info('duplicate slack event ignored', { eventId });
      return;
    }
    await next();
  });
}
