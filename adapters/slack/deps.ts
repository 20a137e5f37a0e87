import type { AdapterDeps } from '../../src/adapter.js';

/** What every Slack listener gets: the service and the logger. */
export type SlackDeps = AdapterDeps;
