import {
  type Criterion,
  KNOWS_THEM,
  MET_IN_PERSON_OR_PHONE,
  type PolicyLayer,
  SERVES_PROFESSIONALLY,
  WOULD_INVITE_HOME,
} from './criteria.js';
import type { Inferences } from './inference.js';
import type { PlatformId } from './platforms.js';
import { type RoleId, roleCriteria } from './roles.js';

/** The ordered criteria for one platform: the first that fails decides; all passing accepts. */
export interface Policy {
  platform: PlatformId;
  /** Each carries the layer it came from (`layer`), so `policy` can say where every question comes from. */
  criteria: Criterion[];
  /** The layer that chose the list, so a user can tell their own rules from the defaults. */
  source: PolicyLayer;
}

export function builtInPolicy(platform: PlatformId): Policy {
  return { platform, source: 'built-in', criteria: builtInCriteria(platform).map(stampedBuiltIn) };
}

// Stamped once, not on every lookup: copying a criterion was a sixth of the flow's time. Frozen, as they are shared.
const STAMPED = new Map<Criterion, Criterion>();
function stampedBuiltIn(c: Criterion): Criterion {
  let stamped = STAMPED.get(c);
  if (!stamped) {
    stamped = Object.freeze({ ...c, layer: 'built-in' as const });
    STAMPED.set(c, stamped);
  }
  return stamped;
}

function builtInCriteria(platform: PlatformId): Criterion[] {
  switch (platform) {
    case 'facebook':
    case 'myspace':
      return [SERVES_PROFESSIONALLY, WOULD_INVITE_HOME];
    case 'linkedin':
    case 'plaxo':
      return [MET_IN_PERSON_OR_PHONE];
    default:
      return [SERVES_PROFESSIONALLY, KNOWS_THEM];
  }
}

/** Override layers: the user's beats the team's, which beats the role's, which beats the built-in one. */
export interface PolicyOverrides {
  team?: Criterion[] | null;
  user?: Criterion[] | null;
  role?: RoleId | null;
}

export function resolvePolicy(platform: PlatformId, overrides: PolicyOverrides = {}): Policy {
  if (overrides.user && overrides.user.length > 0) {
    return { platform, source: 'user', criteria: stamp(overrides.user, 'user') };
  }
  if (overrides.team && overrides.team.length > 0) {
    return { platform, source: 'team', criteria: stamp(overrides.team, 'team') };
  }
  const builtIn = builtInCriteria(platform);
  const role = overrides.role ? roleCriteria(overrides.role, platform, builtIn) : null;
  if (role) {
    // The role's own rules say so; what it keeps from the original policy stays the original's.
    const criteria = role.map((c) => ({
      ...c,
      layer: builtIn.includes(c) ? ('built-in' as const) : ('role' as const),
    }));
    return { platform, source: 'role', criteria };
  }
  return builtInPolicy(platform);
}

function stamp(criteria: readonly Criterion[], layer: PolicyLayer): Criterion[] {
  return criteria.map((c) => ({ ...c, layer }));
}

/**
 * The dual relationship stands above every network in the original policy, but LinkedIn's one question does not
 * ask it: there it is asked only when the user's words already say they serve the inviter ("my patient").
 */
const SERVES_ON_A_WORK_NETWORK: Criterion = {
  ...SERVES_PROFESSIONALLY,
  choices: [
    { id: 'yes', label: 'Yes', result: 'defer' },
    { id: 'no', label: 'No', result: 'pass' },
  ],
  because: {
    defer:
      'You serve {name} professionally, and that relationship comes before any network. Whether a work network is the place for it depends on your profession: set your role (clinician, therapist, teacher or client-facing) and decide again.',
  },
  layer: 'built-in',
};

/** The policy with the dual-relationship question added where the original policy lacks it and the words raise it. */
export function withWhatWasSaid(policy: Policy, said: Inferences | undefined): Policy {
  const serves = said?.serves_professionally?.answer === 'yes';
  if (!serves || policy.source !== 'built-in') return policy;
  if (policy.criteria.some((c) => c.id === SERVES_PROFESSIONALLY.id)) return policy;
  return { ...policy, criteria: [SERVES_ON_A_WORK_NETWORK, ...policy.criteria] };
}

/** Who a criterion's explanation names as its source: "Your LinkedIn rule", "For clinicians (…)". */
export function sourceOf(criterion: Criterion, platformName: string): string | null {
  switch (criterion.layer) {
    case 'user':
      return `Your ${platformName} rule`;
    case 'team':
      return "Your team's rule";
    case 'role':
      return criterion.cite ?? 'For your role';
    case 'built-in':
      return 'The original policy';
    default:
      return null;
  }
}
