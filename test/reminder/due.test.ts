import { describe, expect, it } from 'vitest';
import {
  askAgainAt,
  DEFAULT_REMINDERS,
  type Rhythm,
  sendTime,
  snoozeUntil,
  whenFromWords,
} from '../../src/core/reminder.js';
import { whenLabel } from '../../src/core/reminder-view.js';

const local = (at: number, tz: string) => whenLabel(at, tz);
const rhythm = (over: Partial<Rhythm> = {}, settings = {}): Rhythm => ({
  settings: { ...DEFAULT_REMINDERS, ...settings },
  timeZone: 'Europe/Berlin',
  digestHour: 9,
  workHoursOk: true,
  ...over,
});

// Wednesday 5 March 2025, 10:00 UTC.
const WED = Date.parse('2025-03-05T10:00:00Z');

describe('when to ask again, from the user words', () => {
  it.each([
    ['Europe/Berlin', 'Fri 7 Mar, 17:00'],
    ['Asia/Kolkata', 'Fri 7 Mar, 17:00'],
    ['Pacific/Auckland', 'Fri 7 Mar, 17:00'],
    ['America/New_York', 'Fri 7 Mar, 17:00'],
  ])('"after our call on Friday" in %s is that Friday, after the call', (tz, label) => {
    const at = askAgainAt(
      'defer',
      'LinkedIn request from Dana Kim, after our call on Friday',
      { deferDays: 7 },
      WED,
      tz,
    );
    expect(at && local(at, tz)).toBe(label);
  });

  it('"next week" is next Monday; "in 2 weeks" two weeks on; a date is that date', () => {
    const tz = 'Europe/Berlin';
    expect(local(whenFromWords('talk next week', WED, tz) ?? 0, tz)).toBe('Mon 10 Mar, 09:00');
    expect(local(whenFromWords('ask me in 2 weeks', WED, tz) ?? 0, tz)).toBe('Wed 19 Mar, 09:00');
    expect(local(whenFromWords('in 3d', WED, tz) ?? 0, tz)).toBe('Sat 8 Mar, 09:00');
    expect(local(whenFromWords('on 2027-01-15', WED, tz) ?? 0, tz)).toBe('Fri 15 Jan, 09:00');
    expect(local(whenFromWords('meeting on 20 March', WED, tz) ?? 0, tz)).toBe('Thu 20 Mar, 09:00');
    expect(whenFromWords('on 2020-01-15', WED, tz)).toBeNull();
    expect(whenFromWords('on 2027-02-31', WED, tz)).toBeNull();
    expect(whenFromWords('my friend from Monterey', WED, tz)).toBeNull();
    // Words that only look like days.
    expect(whenFromWords('I sat next to her at a conference', WED, tz)).toBeNull();
    expect(whenFromWords('engineer at Sun Microsystems, a friend', WED, tz)).toBeNull();
    expect(local(whenFromWords('call on fri', WED, tz) ?? 0, tz)).toBe('Fri 7 Mar, 09:00');
    expect(local(whenFromWords('after the meetup on Thursday', WED, tz) ?? 0, tz)).toBe('Thu 6 Mar, 17:00');
  });

  it('with no time in the words, the default of 7 days, or what the user set', () => {
    const tz = 'America/New_York';
    expect(local(askAgainAt('defer', 'Dana Kim wants to connect', { deferDays: 7 }, WED, tz) ?? 0, tz)).toBe(
      'Wed 12 Mar, 09:00',
    );
    expect(local(askAgainAt('defer', 'Dana Kim', { deferDays: 3 }, WED, tz) ?? 0, tz)).toBe('Sat 8 Mar, 09:00');
    expect(askAgainAt('decline', 'after our call on Friday', { deferDays: 7 }, WED, tz)).toBeNull();
  });

  it('across DST: 09:00 local stays 09:00 local the week the clocks change', () => {
    // New York springs forward on 9 March 2025, Berlin on 30 March, Auckland falls back on 6 April.
    expect(askAgainAt('defer', 'x', { deferDays: 7 }, WED, 'America/New_York')).toBe(
      Date.parse('2025-03-12T13:00:00Z'),
    );
    const berlin = Date.parse('2025-03-26T10:00:00Z');
    expect(askAgainAt('defer', 'x', { deferDays: 7 }, berlin, 'Europe/Berlin')).toBe(
      Date.parse('2025-04-02T07:00:00Z'),
    );
    const nz = Date.parse('2025-04-02T01:00:00Z');
    expect(askAgainAt('defer', 'x', { deferDays: 7 }, nz, 'Pacific/Auckland')).toBe(Date.parse('2025-04-08T21:00:00Z'));
  });

  it('snoozes: tomorrow, in a week, next Monday', () => {
    const tz = 'Asia/Kolkata';
    expect(local(snoozeUntil('tomorrow', WED, tz), tz)).toBe('Thu 6 Mar, 09:00');
    expect(local(snoozeUntil('week', WED, tz), tz)).toBe('Wed 12 Mar, 09:00');
    expect(local(snoozeUntil('monday', WED, tz), tz)).toBe('Mon 10 Mar, 09:00');
  });
});

describe('when it is sent, in the user rhythm', () => {
  const at = (iso: string) => Date.parse(iso);
  it('standard: at its time, moved out of quiet hours (default 21:00 to 08:00)', () => {
    const tz = 'Europe/Berlin';
    expect(local(sendTime(at('2025-03-05T09:00:00Z'), rhythm()) ?? 0, tz)).toBe('Wed 5 Mar, 10:00');
    expect(local(sendTime(at('2025-03-05T21:30:00Z'), rhythm()) ?? 0, tz)).toBe('Thu 6 Mar, 08:00');
    expect(local(sendTime(at('2025-03-06T05:00:00Z'), rhythm()) ?? 0, tz)).toBe('Thu 6 Mar, 08:00');
    expect(local(sendTime(at('2025-03-05T09:00:00Z'), rhythm({}, { quietStart: 8, quietEnd: 12 })) ?? 0, tz)).toBe(
      'Wed 5 Mar, 12:00',
    );
  });

  it('off: never; light: at the digest hour on or after it', () => {
    expect(sendTime(WED, rhythm({}, { mode: 'off' }))).toBeNull();
    const tz = 'Europe/Berlin';
    expect(local(sendTime(at('2025-03-05T07:00:00Z'), rhythm({}, { mode: 'light' })) ?? 0, tz)).toBe(
      'Wed 5 Mar, 09:00',
    );
    expect(local(sendTime(at('2025-03-05T16:00:00Z'), rhythm({}, { mode: 'light' })) ?? 0, tz)).toBe(
      'Thu 6 Mar, 09:00',
    );
  });

  it('a team that keeps social networking out of work gets reminders after work on weekdays', () => {
    const tz = 'Europe/Berlin';
    const noWork = rhythm({ workHoursOk: false });
    expect(local(sendTime(at('2025-03-05T09:00:00Z'), noWork) ?? 0, tz)).toBe('Wed 5 Mar, 17:00');
    // Saturday is not a work day.
    expect(local(sendTime(at('2025-03-08T09:00:00Z'), noWork) ?? 0, tz)).toBe('Sat 8 Mar, 10:00');
    // Out of quiet hours at 08:00, but that is before work: it stays.
    expect(local(sendTime(at('2025-03-06T05:00:00Z'), noWork) ?? 0, tz)).toBe('Thu 6 Mar, 08:00');
  });
});
