import type { MessageAction, OutboundMessage, ReminderTag } from './message.js';
import { getPlatform, isPlatformId } from './platforms.js';
import { type ReminderKind, SNOOZE_CHOICES, SNOOZE_LABEL } from './reminder.js';

/** One reminder as every surface shows it: the triage it is about and when it comes. */
export interface ReminderItem {
  triageId: number;
  kind: ReminderKind;
  platform: string | null;
  inviter: string | null;
  /** When the user asked to be asked again (or the nudge is due). */
  dueAt: number;
  /** When it is sent in the user's rhythm; null when reminders are off. */
  sendAt: number | null;
}

/**
 * Names one scheduled reminder: its triage and the time it was asked for. A retry keeps the key (only its send
 * time moves); a snooze or a new time makes a new reminder, which a stale copy in the DM must not stand for.
 */
export function reminderKey(r: Pick<ReminderItem, 'triageId' | 'dueAt'>): string {
  return `${r.triageId}@${r.dueAt}`;
}

export function reminderTag(items: readonly Pick<ReminderItem, 'triageId' | 'dueAt'>[]): ReminderTag {
  return { reminders: items.map(reminderKey) };
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** "Fri 7 Mar, 17:00" in the user's zone. */
export function whenLabel(at: number, timeZone: string): string {
  let f = whenFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    whenFormats.set(timeZone, f);
  }
  return f.format(at).replace(/,? (\d\d:\d\d)$/, ', $1');
}

function networkName(platform: string | null): string {
  return platform && isPlatformId(platform) ? getPlatform(platform).name : 'Other';
}

/** The line a decision card, a list or the digest shows for a reminder. */
export function reminderLine(item: Pick<ReminderItem, 'sendAt' | 'dueAt'>, timeZone: string): string {
  if (item.sendAt === null) return 'Reminders are off: no reminder will come.';
  return `I'll ask again ${whenLabel(item.sendAt, timeZone)}.`;
}

/** A list entry: "LinkedIn · Dana Kim · deferred · Fri 7 Mar, 09:00". */
export function reminderListLine(item: ReminderItem, timeZone: string): string {
  const when = item.sendAt === null ? 'off' : whenLabel(item.sendAt, timeZone);
  return `${networkName(item.platform)} · ${item.inviter ?? 'someone'} · ${item.kind} · ${when}`;
}

/** The actions every reminder carries, for one triage. */
export function reminderActions(triageId: number, inviter: string | null): MessageAction[] {
  return [
    { label: `Decide ${inviter ?? 'it'} now`, action: 'revise', triageId },
    ...SNOOZE_CHOICES.map((snooze) => ({
      label: `Snooze: ${SNOOZE_LABEL[snooze].toLowerCase()}`,
      action: 'snooze' as const,
      triageId,
      snooze,
    })),
    { label: 'Drop', action: 'drop', triageId },
  ];
}

/** The reminder message for one or more triages due at once (a `light` day batches them). */
export function reminderMessage(items: readonly ReminderItem[]): OutboundMessage {
  const sections = items.map((item) => {
    const who = `${networkName(item.platform)} invitation from ${item.inviter ?? 'someone'}`;
    return {
      heading: `[#${item.triageId}] ${who}`,
      lines: [
        item.kind === 'deferred'
          ? 'You deferred this until you had talked. Time to decide?'
          : 'You started this triage a day ago and did not finish it.',
      ],
    };
  });
  const n = items.length;
  const first = items[0];
  const summary =
    n === 1 && first
      ? `Reminder: the ${networkName(first.platform)} invitation from ${first.inviter ?? 'someone'} is waiting.`
      : `Reminder: ${n} invitations are waiting for you.`;
  return {
    summary,
    title: n === 1 ? 'Reminder' : `Reminders (${n})`,
    sections,
    actions: items.flatMap((i) => reminderActions(i.triageId, i.inviter)),
  };
}
