import type { AdapterDeps } from '../../src/adapter.js';
import type { SeenEventStore } from '../../src/store/seen-events.js';

/** What every Slack listener gets: the service and logger, and the Slack-only stores. */
export interface SlackDeps extends AdapterDeps {
  seen: SeenEventStore;
}
