import type { UserRef } from '../../src/core/user.js';
import type { SlackDeps } from './deps.js';
import { rememberTimezone } from './timezone.js';
import type { WebClient } from './web.js';

/**
 * Whether Slack says the user is a workspace admin or owner, asked each time since roles change (and the time
 * zone remembered on the way). A failed lookup throws: the caller decides what "unknown" means.
 */
export async function isWorkspaceAdmin(client: WebClient, deps: SlackDeps, user: UserRef): Promise<boolean> {
  const info = await client.users.info({ user: user.userId });
  await rememberTimezone(deps, user, info.user?.tz);
  return Boolean(info.user?.is_admin || info.user?.is_owner);
}
