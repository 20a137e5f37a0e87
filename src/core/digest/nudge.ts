import { formatMinutes } from '../duration.js';
import { type CommandTip, phraseTip } from './tips.js';
import type { Digest, Nudge } from './types.js';

/** Thresholds behind the nudge rules, named so tests and docs can cite them. */
export const NUDGE_RULES = {
  /** Accepting this share or more of at least `minDecisions` invitations goes against the policies' intent. */
  acceptShare: 0.8,
  minDecisions: 5,
  /** This many deferred invitations, or one older than `stalePendingDays`, is too many waiting. */
  maxPending: 5,
  stalePendingDays: 21,
  /** Time up by this factor and at least `risingMinutes` over last week; triages doubled and at least `risingTriages`. */
  risingFactor: 1.5,
  risingMinutes: 30,
  risingTriages: 5,
} as const;

const DAY = 86_400_000;

/**
 * Picks exactly one nudge; the first rule that applies wins:
 * 1 over budget, 2 time at work against the team's guidance, 3 accepting nearly everything,
 * 4 too many deferred, 5 a rising trend, 6 nothing logged, 7 steady.
 */
export function chooseNudge(d: Omit<Digest, 'nudge'>, now: number): Nudge {
  const over = d.time.platforms
    .filter((p) => p.budget !== null && p.minutes > p.budget)
    .sort((a, b) => b.minutes - (b.budget ?? 0) - (a.minutes - (a.budget ?? 0)))[0];
  if (over) {
    const why = over.expectation ? `if it is not bringing the ${over.expectation} you expect` : 'or raise the budget';
    return {
      kind: 'over_budget',
      text: `${over.name} took ${formatMinutes(over.minutes)} against a ${formatMinutes(over.budget ?? 0)} budget. Cut back next week ${why}.`,
    };
  }
  if (d.guidance && !d.guidance.workHoursOk && d.time.work > 0) {
    return {
      kind: 'work_against_guidance',
      text: `You logged ${formatMinutes(d.time.work)} at work, but your team's guidance keeps social networking out of work hours. Move it to home time.`,
    };
  }
  const share = d.acceptShare ?? 0;
  if (d.triage.total >= NUDGE_RULES.minDecisions && share >= NUDGE_RULES.acceptShare) {
    return {
      kind: 'accepting_most',
      text: `You accepted ${d.triage.accepted} of ${d.triage.total}. The criteria are meant to turn most invitations down: answer the questions strictly before the next accept.`,
    };
  }
  const oldest = d.pending[0];
  const stale = oldest !== undefined && now - oldest.deferredAt > NUDGE_RULES.stalePendingDays * DAY;
  if (d.pendingTotal >= NUDGE_RULES.maxPending || stale) {
    const n = d.pendingTotal;
    return {
      kind: 'too_many_pending',
      text: `${n} deferred invitation${n === 1 ? ' is' : 's are'} still waiting${stale ? `, the oldest for ${Math.floor((now - (oldest?.deferredAt ?? now)) / DAY)} days` : ''}. Decide them now: a deferral is not a decision.`,
    };
  }
  const rising = risingText(d);
  if (rising) return { kind: 'rising', text: rising };
  if (d.time.total === 0) {
    const tip: CommandTip = { command: 'time', platform: 'linkedin', duration: '25m', place: 'home' };
    return {
      kind: 'nothing_logged',
      text: `You logged no time on social networks this week. Log each session (for example "${phraseTip(tip, d.surface)}") so the digest can compare weeks.`,
      tip,
    };
  }
  const unbudgeted = d.time.platforms.find((p) => p.budget === null && p.minutes > 0);
  if (!unbudgeted) return { kind: 'steady', text: 'Everything stayed within budget. Keep the same rhythm next week.' };
  const tip: CommandTip = {
    command: 'budget',
    platform: unbudgeted.platform,
    duration: formatMinutes(Math.max(30, unbudgeted.minutes)),
  };
  return {
    kind: 'steady',
    text: `Set a weekly budget for ${unbudgeted.name} (for example "${phraseTip(tip, d.surface)}") so the digest can tell you when it grows.`,
    tip,
  };
}

function risingText(d: Omit<Digest, 'nudge'>): string | null {
  const { total, lastWeek } = d.time;
  if (lastWeek > 0 && total >= lastWeek * NUDGE_RULES.risingFactor && total - lastWeek >= NUDGE_RULES.risingMinutes) {
    return `Your time on social networks rose to ${formatMinutes(total)} from ${formatMinutes(lastWeek)} last week. Set a budget or decide what you expect from each network.`;
  }
  const t = d.triage;
  if (t.lastWeek > 0 && t.total >= t.lastWeek * 2 && t.total >= NUDGE_RULES.risingTriages) {
    return `You triaged ${t.total} invitations, up from ${t.lastWeek} last week. Check whether these networks still give you what you expect.`;
  }
  return null;
}
