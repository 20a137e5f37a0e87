import type { AdapterDeps } from '../../src/adapter.js';
import type { SlackFiles } from './files.js';

/** What every Slack listener gets: the service, the logger, and the reader of files shared with the app. */
export type SlackDeps = AdapterDeps & { files: SlackFiles };
