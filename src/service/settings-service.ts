import { TriageError } from '../core/errors.js';
import type { Stores } from './ports.js';
import type { DigestSettings, UserRef, UserSettings } from './types.js';
import { toKey } from './user-key.js';

export const DEFAULT_DIGEST: DigestSettings = { day: 1, hour: 9, off: false, quietWeeks: false };

/** Whether a string names an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0 && tz.length < 64;
  } catch {
    return false;
  }
}

/** A user's timezone and digest preferences. */
export class SettingsService {
  constructor(private readonly stores: Stores) {}

  get(user: UserRef): UserSettings {
    const row = this.stores.users.get(this.stores.users.ensure(toKey(user)));
    const prefs = safeParse(row?.prefs);
    return { timezone: row?.timezone ?? null, digest: { ...DEFAULT_DIGEST, ...(prefs.digest ?? {}) } };
  }

  update(user: UserRef, patch: { timezone?: string | null; digest?: Partial<DigestSettings> }): UserSettings {
    const id = this.stores.users.ensure(toKey(user));
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
    const current = this.get(user);
    const prefs = { ...safeParse(this.stores.users.get(id)?.prefs), digest: { ...current.digest, ...d } };
    const update: { prefs: string; timezone?: string | null } = { prefs: JSON.stringify(prefs) };
    if (patch.timezone !== undefined) update.timezone = patch.timezone;
    this.stores.users.update(id, update);
    return this.get(user);
  }
  /**
   * Remembers which team's guidance the digest should quote, where the user's workspace does not say
   * (Discord users are global; their guidance comes from the server they last used the bot in).
   */
  rememberGuidanceTeam(user: UserRef, workspace: string): void {
    const id = this.stores.users.ensure(toKey(user));
    const prefs = safeParse(this.stores.users.get(id)?.prefs);
    if (prefs.guidanceTeam === workspace) return;
    this.stores.users.update(id, { prefs: JSON.stringify({ ...prefs, guidanceTeam: workspace }) });
  }
}

type Prefs = { digest?: Partial<DigestSettings>; guidanceTeam?: string };

function safeParse(json: string | undefined): Prefs {
  try {
    return json ? (JSON.parse(json) as Prefs) : {};
  } catch {
    return {};
  }
}
