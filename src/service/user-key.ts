import type { UserKey } from './ports.js';
import type { UserRef } from './types.js';

export function toKey(user: UserRef): UserKey {
  return { provider: user.provider, workspace: userScope(user), externalId: user.userId };
}

/**
 * Where a user id is unique. In an Enterprise Grid org (Slack workspace 'enterprise:team') it is the org: user ids
 * are unique across it, and which team id a payload carries differs between commands, clicks and events, so one
 * person must not become one user per team. Elsewhere it is the workspace as the adapter gives it.
 */
export function userScope(user: Pick<UserRef, 'provider' | 'workspace'>): string {
  if (user.provider !== 'slack') return user.workspace;
  const enterprise = user.workspace.split(':')[0] ?? '';
  return enterprise ? `${enterprise}:` : user.workspace;
}
