import { describe, expect, it } from 'vitest';
import { formatMinutes, MAX_BUDGET_MINUTES, parseDuration } from '../../src/core/duration.js';
import { parseBudgetCommand, parseTimeCommand } from '../../src/core/time-command.js';

describe('durations', () => {
  it.each([
    ['25m', 25],
    ['1h30m', 90],
    ['90m', 90],
    ['1.5h', 90],
    ['2 h', 120],
    ['1h 30m', 90],
    ['1:30', 90],
    ['45 minutes', 45],
    ['2 hours', 120],
    ['0,5h', 30],
    ['1H', 60],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, minutes });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0m', 'zero'],
    ['0h', 'zero'],
    ['-5m', 'negative'],
    ['25', 'no_unit'],
    ['25h', 'too_long'],
    ['1d', 'garbage'],
    ['lots', 'garbage'],
    ['1h30x', 'garbage'],
    ['9'.repeat(400), 'garbage'],
    ['\u0000\u0001m', 'garbage'],
  ])('refuses %j with code %s and a message', (text, code) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.message).not.toContain('\u0000');
    }
  });

  it('allows a budget up to a week, but a single log only up to a day', () => {
    expect(parseDuration('30h', MAX_BUDGET_MINUTES)).toEqual({ ok: true, minutes: 1800 });
    expect(parseDuration('169h', MAX_BUDGET_MINUTES).ok).toBe(false);
    expect(parseDuration('30h').ok).toBe(false);
  });

  it('formats minutes as people write them', () => {
    expect([formatMinutes(50), formatMinutes(120), formatMinutes(90), formatMinutes(0)]).toEqual([
      '50m',
      '2h',
      '1h30m',
      '0m',
    ]);
  });
});

describe('the time command', () => {
  it('reads platform, duration and place', () => {
    expect(parseTimeCommand('linkedin 25m at work')).toEqual({
      ok: true,
      value: { platform: 'linkedin', minutes: 25, place: 'work' },
    });
    expect(parseTimeCommand('Linked In 1 h 30m')).toEqual({
      ok: true,
      value: { platform: 'linkedin', minutes: 90, place: null },
    });
    expect(parseTimeCommand('25m fb --at home')).toEqual({
      ok: true,
      value: { platform: 'facebook', minutes: 25, place: 'home' },
    });
    expect(parseTimeCommand('x 1.5h @home')).toEqual({
      ok: true,
      value: { platform: 'x', minutes: 90, place: 'home' },
    });
  });

  it('says what is wrong: unknown platform, missing or bad duration', () => {
    const unknown = parseTimeCommand('friendster 25m');
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_platform' });
    expect(parseTimeCommand('linkedin')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseTimeCommand('linkedin soon')).toMatchObject({ ok: false, code: 'garbage' });
    expect(parseTimeCommand('linkedin -10m')).toMatchObject({ ok: false, code: 'negative' });
    expect(parseTimeCommand('')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseTimeCommand(42)).toMatchObject({ ok: false, code: 'empty' });
    expect(parseTimeCommand('a '.repeat(5000))).toMatchObject({ ok: false });
  });
});

describe('the budget command', () => {
  it('reads platform, weekly duration and what the user expects', () => {
    expect(parseBudgetCommand('linkedin 2h leads')).toEqual({
      ok: true,
      value: { platform: 'linkedin', minutes: 120, expectation: 'leads' },
    });
    expect(parseBudgetCommand('fb 30m for friends')).toMatchObject({ ok: true, value: { expectation: 'friends' } });
    expect(parseBudgetCommand('linkedin 3h')).toMatchObject({ ok: true, value: { minutes: 180, expectation: null } });
  });

  it('removes a budget with "off"', () => {
    expect(parseBudgetCommand('linkedin off')).toEqual({
      ok: true,
      value: { platform: 'linkedin', minutes: 0, expectation: null },
    });
  });

  it('refuses zero, more than a week and nonsense', () => {
    expect(parseBudgetCommand('linkedin 0h')).toMatchObject({ ok: false, code: 'zero' });
    expect(parseBudgetCommand('linkedin 200h')).toMatchObject({ ok: false, code: 'too_long' });
    expect(parseBudgetCommand('linkedin plenty')).toMatchObject({ ok: false, code: 'garbage' });
  });
});
