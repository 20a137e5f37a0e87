import type { UserRef } from '../../src/core/user.js';
import type { SlackDeps } from './deps.js';
import { rememberTimezone } from './timezone.js';
import type { WebClient } from './web.js';

/**
 * Whether Slack says the user is a workspace admin or owner, asked each time since roles change. A failed
 * lookup counts as "no": team-wide changes are refused rather than allowed on a guess.
 */
export async function isWorkspaceAdmin(client: WebClient, deps: SlackDeps, user: UserRef): Promise<boolean> {
  try {
    const info = await client.users.info({ user: user.userId });
    rememberTimezone(deps, user, info.user?.tz);
    return Boolean(info.user?.is_admin || info.user?.is_owner);
  } catch (err) {
    deps.log.warn('slack admin check failed', { error: err instanceof Error ? err.message : String(err) });
    return false;
  }
}
