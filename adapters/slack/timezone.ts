import type { UserRef } from '../../src/core/user.js';
import type { SlackDeps } from './deps.js';
import type { WebClient } from './web.js';

/** Whether the user has no time zone stored yet: the digest's week and hour would fall back to the server's. */
export async function needsTimezone(deps: SlackDeps, user: UserRef): Promise<boolean> {
  return (await deps.service.settings.get(user)).timezone === null;
}

/** Stores Slack's time zone for a user who has none; one the user chose is never overwritten. */
export async function rememberTimezone(deps: SlackDeps, user: UserRef, tz: string | undefined): Promise<void> {
  if (!tz || !(await needsTimezone(deps, user))) return;
  try {
    await deps.service.settings.update(user, { timezone: tz });
  } catch (err) {
    deps.log.warn('slack time zone not stored', { error: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * Reads the time zone from users.info once, when the user has none. Best effort: a failure is logged and the
 * user's command still runs, with the service's default zone.
 */
export async function syncTimezone(client: WebClient, deps: SlackDeps, user: UserRef): Promise<void> {
  if (!(await needsTimezone(deps, user))) return;
  try {
    const info = await client.users.info({ user: user.userId });
    await rememberTimezone(deps, user, info.user?.tz);
  } catch (err) {
    const slack = err as { code?: string; data?: { error?: string } };
    deps.log.warn('slack time zone not read', { code: slack.code, slackError: slack.data?.error });
  }
}
