import type { UserKey } from './ports.js';
import type { UserRef } from './types.js';

export function toKey(user: UserRef): UserKey {
  return { provider: user.provider, workspace: user.workspace, externalId: user.userId };
}
