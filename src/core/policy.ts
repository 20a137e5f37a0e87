import {
  type Criterion,
  KNOWS_THEM,
  MET_IN_PERSON_OR_PHONE,
  SERVES_PROFESSIONALLY,
  WOULD_INVITE_HOME,
} from './criteria.js';
import type { PlatformId } from './platforms.js';

/** The ordered criteria for one platform: the first that fails decides; all passing accepts. */
export interface Policy {
  platform: PlatformId;
  criteria: Criterion[];
  /** Where it came from, so a user can tell their own rules from the defaults. */
  source: 'built-in' | 'team' | 'user';
}

export function builtInPolicy(platform: PlatformId): Policy {
  switch (platform) {
    case 'facebook':
    case 'myspace':
      return { platform, source: 'built-in', criteria: [SERVES_PROFESSIONALLY, WOULD_INVITE_HOME] };
    case 'linkedin':
    case 'plaxo':
      return { platform, source: 'built-in', criteria: [MET_IN_PERSON_OR_PHONE] };
    default:
      return { platform, source: 'built-in', criteria: [SERVES_PROFESSIONALLY, KNOWS_THEM] };
  }
}

/** Override layers: the user's beats the team's, which beats the built-in one. */
export interface PolicyOverrides {
  team?: Criterion[] | null;
  user?: Criterion[] | null;
}

export function resolvePolicy(platform: PlatformId, overrides: PolicyOverrides = {}): Policy {
  if (overrides.user && overrides.user.length > 0) {
    return { platform, source: 'user', criteria: overrides.user };
  }
  if (overrides.team && overrides.team.length > 0) {
    return { platform, source: 'team', criteria: overrides.team };
  }
  return builtInPolicy(platform);
}
