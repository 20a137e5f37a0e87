import { TriageError } from '../core/errors.js';
import { isRoleId, ROLE_IDS, type RoleId } from '../core/roles.js';
import type { Stores, TxStores } from './ports.js';
import { rescheduleUser } from './reminder-service.js';
import { machineTimeZone } from './time-service.js';
import type { DigestSettings, UserRef, UserSettings } from './types.js';
import { toKey } from './user-key.js';

export const DEFAULT_DIGEST: DigestSettings = { day: 1, hour: 9, off: false, quietWeeks: false };

/** Whether a string names an IANA time zone this runtime knows. */
const zoneChecks = new Map<string, boolean>();

/** Whether Intl knows the zone, remembered: checking builds a formatter, too slow to repeat on every command. */
export function isTimeZone(tz: string): boolean {
  const known = zoneChecks.get(tz);
  if (known !== undefined) return known;
  let ok = tz.length > 0 && tz.length < 64;
  try {
    if (ok) new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    ok = false;
  }
  // Bounded, since the names come from users.
  if (zoneChecks.size < 1000) zoneChecks.set(tz, ok);
  return ok;
}

/** A user's timezone and digest preferences. */
export class SettingsService {
  constructor(private readonly stores: Stores) {}

  async get(user: UserRef): Promise<UserSettings> {
    return settingsIn(this.stores, user);
  }

  async update(
    user: UserRef,
    patch: { timezone?: string | null; digest?: Partial<DigestSettings>; role?: string },
  ): Promise<UserSettings> {
    if (patch.role !== undefined && !isRoleId(patch.role)) {
      const role = String(patch.role).slice(0, 40);
      throw new TriageError('bad_argument', `"${role}" is not a role. Pick one of: ${ROLE_IDS.join(', ')}.`);
    }
    if (patch.timezone != null && !isTimeZone(patch.timezone)) {
      throw new TriageError('bad_argument', `"${patch.timezone.slice(0, 40)}" is not a time zone. Try Europe/Berlin.`);
    }
    const d = patch.digest ?? {};
    if (d.day !== undefined && !(Number.isInteger(d.day) && d.day >= 0 && d.day <= 6)) {
      throw new TriageError('bad_argument', 'The digest day is 0 (Sunday) to 6 (Saturday).');
    }
    if (d.hour !== undefined && !(Number.isInteger(d.hour) && d.hour >= 0 && d.hour <= 23)) {
      throw new TriageError('bad_argument', 'The digest hour is 0 to 23.');
    }
    return this.stores.tx(async (s) => {
      const id = await s.users.ensure(toKey(user));
      const stored = safeParse((await s.users.get(id))?.prefs);
      const prefs: Prefs = { ...stored, digest: { ...DEFAULT_DIGEST, ...(stored.digest ?? {}), ...d } };
      if (patch.role !== undefined) prefs.role = patch.role as RoleId;
      const update: { prefs: string; timezone?: string | null } = { prefs: JSON.stringify(prefs) };
      if (patch.timezone !== undefined) update.timezone = patch.timezone;
      await s.users.update(id, update);
      // A new zone or digest hour moves the reminders already planned.
      await rescheduleUser(s, id, machineTimeZone());
      return settingsIn(s, user);
    });
  }
  /**
   * Remembers which team's guidance the digest should quote, where the user's workspace does not say
   * (Discord users are global; their guidance comes from the server they last used the bot in).
   */
  async rememberGuidanceTeam(user: UserRef, workspace: string, opts: { onlyIfKnown?: boolean } = {}): Promise<void> {
    // Called on most Discord interactions: usually nothing changes, and a read takes no write lock.
    const known = await this.stores.users.find(toKey(user));
    if (!known && opts.onlyIfKnown) return;
    if (known && safeParse(known.prefs).guidanceTeam === workspace) return;
    await this.stores.tx(async (s) => {
      const id = await s.users.ensure(toKey(user));
      const prefs = safeParse((await s.users.get(id))?.prefs);
      if (prefs.guidanceTeam === workspace) return;
      await s.users.update(id, { prefs: JSON.stringify({ ...prefs, guidanceTeam: workspace }) });
    });
  }
}

async function settingsIn(s: TxStores, user: UserRef): Promise<UserSettings> {
  const row = await s.users.get(await s.users.ensure(toKey(user)));
  const prefs = safeParse(row?.prefs);
  const role = isRoleId(prefs.role) ? prefs.role : null;
  return { timezone: row?.timezone ?? null, digest: { ...DEFAULT_DIGEST, ...(prefs.digest ?? {}) }, role };
}

/** `role` is absent until the user picks one or skips the question (skipping stores 'general'). */
type Prefs = { digest?: Partial<DigestSettings>; guidanceTeam?: string; role?: RoleId };

function safeParse(json: string | undefined): Prefs {
  try {
    return json ? (JSON.parse(json) as Prefs) : {};
  } catch {
    return {};
  }
}
