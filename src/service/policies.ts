import type { Criterion } from '../core/criteria.js';
import { TriageError } from '../core/errors.js';
import type { PolicyLookup } from '../core/flow.js';
import { getPlatform, type PlatformId, resolvePlatform } from '../core/platforms.js';
import { resolvePolicy } from '../core/policy.js';
import type { Clock } from '../core/ports.js';
import { isRoleId, type RoleId } from '../core/roles.js';
import { criteriaFromSpec } from './policy-spec.js';
import type { PolicyPort, PolicyScope, Stores, TxStores } from './ports.js';
import type { CriterionSpec, PolicyView, TeamRef, UserRef } from './types.js';
import { toKey } from './user-key.js';

export function teamOwner(team: TeamRef): string {
  return `${team.provider}:${team.workspace}`;
}

/**
 * The team whose policy a user falls back on: the one the request comes from, else the one they chose to
 * follow (Discord users belong to no server, so the adapter remembers the server they last used the bot in),
 * else their own workspace.
 */
export function teamOfUser(user: TeamRef & { team?: string }, prefs: string): TeamRef {
  if (user.team) return { provider: user.provider, workspace: user.team };
  try {
    const team = (JSON.parse(prefs) as { guidanceTeam?: unknown }).guidanceTeam;
    if (typeof team === 'string' && team !== '') return { provider: user.provider, workspace: team };
  } catch {
    // Unreadable preferences: the workspace it is.
  }
  return user;
}

/** The profession the user chose (`role`), or null while they have not. */
export function roleOf(prefs: string): RoleId | null {
  try {
    const role = (JSON.parse(prefs) as { role?: unknown }).role;
    return isRoleId(role) ? role : null;
  } catch {
    return null;
  }
}

/**
 * The user's effective policy per platform: theirs, else their team's, else their role's, else the built-in one. Both owners'
 * overrides are loaded in one query before the flow runs, which then looks them up without the database.
 */
export async function loadPolicies(
  store: PolicyPort,
  user: TeamRef,
  userId: number,
  role: RoleId | null = null,
): Promise<PolicyLookup> {
  const own = String(userId);
  const team = teamOwner(user);
  const rows = await store.forOwners([
    { scope: 'user', owner: own },
    { scope: 'team', owner: team },
  ]);
  const read = (scope: PolicyScope, owner: string, platform: string) => {
    const json = rows.find((r) => r.scope === scope && r.owner === owner && r.platform === platform)?.criteria;
    return json ? (JSON.parse(json) as Criterion[]) : null;
  };
  return (platform) =>
    resolvePolicy(platform, { user: read('user', own, platform), team: read('team', team, platform), role });
}

/** Showing and changing criteria per platform, for a user or a whole team. */
export class PolicyService {
  constructor(
    private readonly stores: Stores,
    private readonly clock: Clock,
  ) {}

  async show(user: UserRef, platformInput: string): Promise<PolicyView> {
    const platform = platformOf(platformInput);
    return effective(this.stores, user, platform);
  }

  /** Sets the user's own criteria for a platform, replacing the team's and the built-in ones. */
  async set(user: UserRef, platformInput: string, spec: readonly CriterionSpec[]): Promise<PolicyView> {
    const platform = platformOf(platformInput);
    const criteria = criteriaFromSpec(spec);
    return this.stores.tx(async (s) => {
      const userId = await s.users.ensure(toKey(user));
      await s.policies.set('user', String(userId), platform, JSON.stringify(criteria), this.clock.now());
      return effective(s, user, platform);
    });
  }

  /** Drops the user's override, so the team's or the built-in policy applies again. */
  async reset(user: UserRef, platformInput: string): Promise<PolicyView> {
    const platform = platformOf(platformInput);
    return this.stores.tx(async (s) => {
      const userId = await s.users.ensure(toKey(user));
      await s.policies.clear('user', String(userId), platform);
      return effective(s, user, platform);
    });
  }

  /** Throws the TriageError `set` would, without saving: lets a form show the mistake before it closes. */
  check(platformInput: string, spec: readonly CriterionSpec[]): void {
    platformOf(platformInput);
    criteriaFromSpec(spec);
  }

  /** The team's policy for a platform, as members without their own see it: the team's, else the built-in one. */
  async showTeam(team: TeamRef, platformInput: string): Promise<PolicyView> {
    const platform = platformOf(platformInput);
    return teamView(this.stores, team, platform);
  }

  async setTeam(team: TeamRef, platformInput: string, spec: readonly CriterionSpec[]): Promise<PolicyView> {
    const platform = platformOf(platformInput);
    const criteria = criteriaFromSpec(spec);
    return this.stores.tx(async (s) => {
      await s.policies.set('team', teamOwner(team), platform, JSON.stringify(criteria), this.clock.now());
      return teamView(s, team, platform);
    });
  }

  async resetTeam(team: TeamRef, platformInput: string): Promise<PolicyView> {
    const platform = platformOf(platformInput);
    return this.stores.tx(async (s) => {
      await s.policies.clear('team', teamOwner(team), platform);
      return teamView(s, team, platform);
    });
  }
}

/** The policy that applies to the user on that platform; creates the user on first sight. */
async function effective(s: TxStores, user: UserRef, platform: PlatformId): Promise<PolicyView> {
  const { id, prefs } = await s.users.ensureWithPrefs(toKey(user));
  return toView((await loadPolicies(s.policies, teamOfUser(user, prefs), id, roleOf(prefs)))(platform));
}

async function teamView(s: TxStores, team: TeamRef, platform: PlatformId): Promise<PolicyView> {
  const json = await s.policies.get('team', teamOwner(team), platform);
  return toView(resolvePolicy(platform, { team: json ? (JSON.parse(json) as Criterion[]) : null }));
}

function platformOf(input: string): PlatformId {
  const platform = typeof input === 'string' ? resolvePlatform(input) : null;
  if (!platform) {
    throw new TriageError('unknown_platform', `"${String(input).slice(0, 40)}" is not a platform I know.`);
  }
  return platform;
}

function toView(policy: ReturnType<PolicyLookup>): PolicyView {
  return {
    platform: policy.platform,
    platformName: getPlatform(policy.platform).name,
    source: policy.source,
    criteria: policy.criteria,
  };
}
