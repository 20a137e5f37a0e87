import { formatMinutes } from '../duration.js';
import type { MessageAction, OutboundMessage } from '../message.js';
import { whenLabel } from '../reminder-view.js';
import { localParts } from '../week.js';
import { platformName } from './build.js';
import { phraseTip } from './tips.js';
import type { Digest, Guidance, PlatformTime, PlatformTriage } from './types.js';

const BAR_CELLS = 8;
const MAX_BUTTONS = 5;
const DAY = 86_400_000;

/**
 * The digest as a platform-neutral message: plain text lines, and a button per deferred invitation. `soFar`
 * heads a preview of a week still under way, so it is not taken for the digest as sent.
 */
export function digestMessage(d: Digest, opts: { soFar?: boolean } = {}): OutboundMessage {
  const title = opts.soFar
    ? `Your week so far, ${d.weekLabel} (a preview of your next digest)`
    : `Your week, ${d.weekLabel}`;
  if (d.empty) {
    const line = 'A quiet week: nothing triaged, nothing deferred and no time logged.';
    return {
      summary: `${title}: ${line}`,
      title,
      sections: [
        {
          lines: [
            line,
            `Forward an invitation whenever one arrives, and log time with "${phraseTip({ command: 'time', platform: 'linkedin', duration: '25m' }, d.surface)}".`,
          ],
        },
      ],
      actions: [],
    };
  }
  const sections: OutboundMessage['sections'] = [];
  if (d.triage.total > 0 || d.triage.lastWeek > 0) {
    sections.push({
      heading: 'Triaged',
      lines: [
        `${d.triage.total} invitation${d.triage.total === 1 ? '' : 's'} ${trend(d.triage.total, d.triage.lastWeek, String)}`,
        ...d.triage.platforms.map(triageLine),
        ...acceptLine(d),
      ],
    });
  }
  // A reminder already sent today carried its own buttons: counted here, not listed twice.
  const zone = d.timeZone ?? 'UTC';
  const remindedToday = d.pending.filter((p) => p.remindedAt != null && sameDay(p.remindedAt, d.builtAt, zone));
  const listed = d.pending.filter((p) => !remindedToday.includes(p));
  if (d.pendingTotal > 0) {
    const more = d.pendingTotal - d.pending.length;
    const reminded = remindedToday.length;
    sections.push({
      heading: `Still deferred (${d.pendingTotal})`,
      lines: [
        ...listed.map(
          (p) =>
            `${platformName(p.platform)} · ${p.inviter ?? 'someone'} · waiting ${days(d.builtAt - p.deferredAt)}${
              p.nextReminderAt != null ? ` · next reminder ${whenLabel(p.nextReminderAt, zone)}` : ''
            }`,
        ),
        ...(reminded > 0
          ? [`${reminded} more reminded today, in a message of ${reminded === 1 ? 'its' : 'their'} own.`]
          : []),
        ...(more > 0 ? [`…and ${more} more.`] : []),
      ],
    });
  }
  sections.push({ heading: 'Time', lines: timeLines(d) });
  if (d.guidance) sections.push({ heading: 'Team guidance', lines: guidanceLines(d.guidance) });
  sections.push({ heading: 'One thing for next week', lines: [d.nudge.text] });
  const actions: MessageAction[] = listed.slice(0, MAX_BUTTONS).map((p) => ({
    label: clip(`Decide ${p.inviter ?? 'invitation'} (${platformName(p.platform)})`, 70),
    action: 'revise',
    triageId: p.triageId,
  }));
  const summary = `${title}: ${d.triage.total} triaged, ${d.triage.accepted} accepted, ${formatMinutes(d.time.total)} logged. ${d.nudge.text}`;
  return { summary, title, sections, actions };
}

function sameDay(a: number, b: number, timeZone: string): boolean {
  const x = localParts(a, timeZone);
  const y = localParts(b, timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/** "LinkedIn ▇▇▇░░░░░ 50m of 2h": the share of the budget used, full when over it. */
export function budgetBar(minutes: number, budget: number): string {
  const ratio = budget > 0 ? minutes / budget : 1;
  const filled = Math.min(BAR_CELLS, Math.max(minutes > 0 ? 1 : 0, Math.round(ratio * BAR_CELLS)));
  return '▇'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}

function triageLine(p: PlatformTriage): string {
  const parts = (['accept', 'decline', 'defer', 'redirect'] as const)
    .filter((o) => p.byOutcome[o] > 0)
    .map(
      (o) =>
        `${p.byOutcome[o]} ${{ accept: 'accepted', decline: 'declined', defer: 'deferred', redirect: 'redirected' }[o]}`,
    );
  return `${p.name}: ${p.total}${parts.length ? ` (${parts.join(', ')})` : ''}, last week ${p.lastWeek}`;
}

function acceptLine(d: Digest): string[] {
  if (d.acceptShare === null) return [];
  const pct = Math.round(d.acceptShare * 100);
  const verdict =
    d.acceptShare >= 0.8 && d.triage.total >= 5
      ? 'far more than the policies intend: most invitations should fail the criteria.'
      : d.acceptShare > 0.5
        ? 'more than half; the policies expect most invitations to fail the criteria.'
        : 'in line with the policies, which turn most invitations down.';
  return [`Accepted ${d.triage.accepted} of ${d.triage.total} (${pct}%): ${verdict}`];
}

function timeLines(d: Digest): string[] {
  if (d.time.total === 0 && d.time.platforms.length === 0) return ['No time logged.'];
  const split = [`work ${formatMinutes(d.time.work)}`, `home ${formatMinutes(d.time.home)}`];
  const unsaid = d.time.total - d.time.work - d.time.home;
  if (unsaid > 0) split.push(`not said ${formatMinutes(unsaid)}`);
  return [
    `${formatMinutes(d.time.total)} in all ${trend(d.time.total, d.time.lastWeek, formatMinutes)} · ${split.join(' · ')}`,
    ...d.time.platforms.map(timeLine),
  ];
}

function timeLine(p: PlatformTime): string {
  const head =
    p.budget === null
      ? `${p.name} ${formatMinutes(p.minutes)}, no budget`
      : `${p.name} ${budgetBar(p.minutes, p.budget)} ${formatMinutes(p.minutes)} of ${formatMinutes(p.budget)}`;
  const extra: string[] = [];
  if (p.expectation) extra.push(`for ${p.expectation}`);
  if (p.work > 0 || p.home > 0) extra.push(`work ${formatMinutes(p.work)}, home ${formatMinutes(p.home)}`);
  return extra.length ? `${head} · ${extra.join(' · ')}` : head;
}

/** The team's guidance as lines: its stance on work hours, then its note. */
export function guidanceLines(g: Guidance): string[] {
  const stance = g.workHoursOk
    ? 'Social networking during work hours is fine.'
    : 'Keep social networking out of work hours.';
  return g.note.trim() ? [stance, `What you may say: ${g.note.trim()}`] : [stance];
}

function trend<T extends number>(now: T, before: T, fmt: (n: T) => string): string {
  if (before === 0) return now === 0 ? '' : '(none last week)';
  if (now === before) return `(same as last week)`;
  return `(${now > before ? 'up' : 'down'} from ${fmt(before)} last week)`;
}

function days(ms: number): string {
  const n = Math.max(0, Math.floor(ms / DAY));
  return n === 0 ? 'since today' : n === 1 ? '1 day' : `${n} days`;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
