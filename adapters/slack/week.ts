/** The instant the current week began (Monday 00:00) in a time zone; UTC when none is set. */
export function weekStart(now: number, timeZone: string | null): number {
  const tz = timeZone ?? 'UTC';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(now))
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? 'Mon');
  const localNowAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offset = localNowAsUtc - Math.floor(now / 1000) * 1000;
  const localMidnight = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) - Math.max(0, weekday));
  return localMidnight - offset;
}
