import type { Criterion } from '../core/criteria.js';
import { TriageError } from '../core/errors.js';
import type { PolicyLookup } from '../core/flow.js';
import { getPlatform, type PlatformId, resolvePlatform } from '../core/platforms.js';
import { resolvePolicy } from '../core/policy.js';
import type { Clock } from '../core/ports.js';
import { criteriaFromSpec } from './policy-spec.js';
import type { PolicyPort, Stores } from './ports.js';
import type { CriterionSpec, PolicyView, TeamRef, UserRef } from './types.js';
import { toKey } from './user-key.js';

export function teamOwner(team: TeamRef): string {
  return `${team.provider}:${team.workspace}`;
}

/**
 * The team whose policy a user falls back on: the one they chose to follow (Discord users belong to no
 * server, so the adapter remembers the server they last used the bot in), else their own workspace.
 */
export function teamOfUser(user: TeamRef, prefs: string): TeamRef {
  try {
    const team = (JSON.parse(prefs) as { guidanceTeam?: unknown }).guidanceTeam;
    if (typeof team === 'string' && team !== '') return { provider: user.provider, workspace: team };
  } catch {
    // Unreadable preferences: the workspace it is.
  }
  return user;
}

/** The user's effective policy per platform: theirs, else their team's, else the built-in one. */
export function policyLookup(store: PolicyPort, user: TeamRef, userId: number): PolicyLookup {
  return (platform) => {
    const read = (json: string | undefined) => (json ? (JSON.parse(json) as Criterion[]) : null);
    return resolvePolicy(platform, {
      user: read(store.get('user', String(userId), platform)),
      team: read(store.get('team', teamOwner(user), platform)),
    });
  };
}

/** Showing and changing criteria per platform, for a user or a whole team. */
export class PolicyService {
  constructor(
    private readonly stores: Stores,
    private readonly clock: Clock,
  ) {}

  show(user: UserRef, platformInput: string): PolicyView {
    const platform = platformOf(platformInput);
    const { id, prefs } = this.stores.users.ensureWithPrefs(toKey(user));
    return toView(policyLookup(this.stores.policies, teamOfUser(user, prefs), id)(platform));
  }

  /** Sets the user's own criteria for a platform, replacing the team's and the built-in ones. */
  set(user: UserRef, platformInput: string, spec: readonly CriterionSpec[]): PolicyView {
    const platform = platformOf(platformInput);
    const criteria = criteriaFromSpec(spec);
    const userId = this.stores.users.ensure(toKey(user));
    this.stores.policies.set('user', String(userId), platform, JSON.stringify(criteria), this.clock.now());
    return this.show(user, platform);
  }

  /** Drops the user's override, so the team's or the built-in policy applies again. */
  reset(user: UserRef, platformInput: string): PolicyView {
    const platform = platformOf(platformInput);
    const userId = this.stores.users.ensure(toKey(user));
    this.stores.policies.clear('user', String(userId), platform);
    return this.show(user, platform);
  }

  /** Throws the TriageError `set` would, without saving: lets a form show the mistake before it closes. */
  check(platformInput: string, spec: readonly CriterionSpec[]): void {
    platformOf(platformInput);
    criteriaFromSpec(spec);
  }

  /** The team's policy for a platform, as members without their own see it: the team's, else the built-in one. */
  showTeam(team: TeamRef, platformInput: string): PolicyView {
    const platform = platformOf(platformInput);
    const json = this.stores.policies.get('team', teamOwner(team), platform);
    return toView(resolvePolicy(platform, { team: json ? (JSON.parse(json) as Criterion[]) : null }));
  }

  setTeam(team: TeamRef, platformInput: string, spec: readonly CriterionSpec[]): PolicyView {
    const platform = platformOf(platformInput);
    const criteria = criteriaFromSpec(spec);
    this.stores.policies.set('team', teamOwner(team), platform, JSON.stringify(criteria), this.clock.now());
    return this.showTeam(team, platform);
  }

  resetTeam(team: TeamRef, platformInput: string): PolicyView {
    this.stores.policies.clear('team', teamOwner(team), platformOf(platformInput));
    return this.showTeam(team, platformInput);
  }
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
