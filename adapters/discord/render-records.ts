import { ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { MessageAction, OutboundMessage } from '../../src/core/message.js';
import { sourceOf } from '../../src/core/policy.js';
import type { ReminderSettings } from '../../src/core/reminder.js';
import { reminderSettingsLine } from '../../src/core/reminder-words.js';
import { getRole } from '../../src/core/roles.js';
import { outcomeLabel } from '../../src/core/view.js';
import type { HistoryItem, HistoryPage, PolicyView, UserSettings } from '../../src/service/index.js';
import { type CustomId, encodeCustomId } from './custom-id.js';
import { EMBED, fieldsOf } from './limits.js';
import { clip, NO_PINGS, rows, safe } from './render.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function line(item: HistoryItem): string {
  const when = `<t:${Math.floor(item.at / 1000)}:d>`;
  const outcome = outcomeLabel(item.outcome);
  return `#${item.triageId} ${when} **${outcome}** · ${safe(item.platformName, 40)} · ${safe(item.inviter ?? 'unknown', 80)}`;
}

export function renderHistory(page: HistoryPage) {
  const embed = new EmbedBuilder().setTitle('Your decisions');
  if (page.items.length === 0) embed.setDescription('No decisions yet. DM me an invitation to start.');
  else embed.setDescription(page.items.map(line).join('\n').slice(0, 4000));
  const end = page.offset + page.items.length;
  embed.setFooter({ text: `${page.total === 0 ? 0 : page.offset + 1}–${end} of ${page.total}` });
  const buttons: ButtonBuilder[] = [];
  if (page.offset > 0) {
    const prev = Math.max(0, page.offset - page.limit);
    buttons.push(pageButton(prev, 'Newer'));
  }
  if (end < page.total) buttons.push(pageButton(end, 'Older'));
  return { embeds: [embed], components: rows(buttons), ...NO_PINGS };
}

function pageButton(offset: number, label: string): ButtonBuilder {
  return new ButtonBuilder()
    .setCustomId(encodeCustomId({ kind: 'history', offset }))
    .setLabel(label)
    .setStyle(ButtonStyle.Secondary);
}

export function renderPending(items: HistoryItem[]) {
  const embed = new EmbedBuilder().setTitle('Waiting on you');
  const shown = items.slice(0, 20);
  embed.setDescription(shown.length === 0 ? 'Nothing is waiting.' : shown.map(line).join('\n').slice(0, 4000));
  const buttons = shown.slice(0, 10).map((i) =>
    new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'reopen', triageId: i.triageId }))
      .setLabel(clip(`Decide #${i.triageId}`, 80))
      .setStyle(ButtonStyle.Primary),
  );
  return { embeds: [embed], components: rows(buttons), ...NO_PINGS };
}

/**
 * Policies as messages: each platform's questions in full, split over fields of at most 1,024 characters, and
 * over several messages when one would pass Discord's 6,000 (one platform always fits: ten questions of 200).
 */
export function renderPolicyPages(
  policies: PolicyView[],
  title = policies.length === 1 ? 'Your policy' : 'Your policies',
): PolicyPage[] {
  const pages: { fields: { name: string; value: string }[]; shown: PolicyView[] }[] = [];
  for (const p of policies) {
    const criteria = p.criteria.map((c, i) => {
      const from = sourceOf(c, p.platformName);
      return `${i + 1}. ${safe(c.question.replaceAll('{name}', 'them'), 1000)}${from ? ` *(${safe(from, 120)})*` : ''}`;
    });
    const lines = criteria.length === 0 ? ['No questions: everyone is accepted.'] : criteria;
    const fields = fieldsOf(safe(`${p.platformName} (${p.source})`, 200), lines);
    const last = pages.at(-1);
    const size = (f: { name: string; value: string }[]) => f.reduce((n, x) => n + x.name.length + x.value.length, 0);
    const fits =
      last &&
      last.fields.length + fields.length <= EMBED.fields &&
      size(last.fields) + size(fields) + title.length <= EMBED.total - 100;
    if (fits && last && last.shown.length < ROW) {
      last.fields.push(...fields);
      last.shown.push(p);
    } else pages.push({ fields, shown: [p] });
  }
  return pages.map((page, k) => {
    const embed = new EmbedBuilder()
      .setTitle(pages.length > 1 ? `${title} (${k + 1} of ${pages.length})` : title)
      .addFields(page.fields);
    const buttons = page.shown.map((p) =>
      new ButtonBuilder()
        .setCustomId(encodeCustomId({ kind: 'policy_edit', platform: p.platform }))
        .setLabel(clip(`Edit ${p.platformName}`, 80))
        .setStyle(ButtonStyle.Secondary),
    );
    return { embeds: [embed], components: rows(buttons), ...NO_PINGS };
  });
}

export type PolicyPage = { embeds: EmbedBuilder[]; components: ReturnType<typeof rows> } & typeof NO_PINGS;

/** One platform's policy, in one message. */
export function renderPolicy(policy: PolicyView, title?: string): PolicyPage {
  const [page] = renderPolicyPages([policy], title);
  if (!page) throw new Error('a policy renders as one page');
  return page;
}

/** Edit buttons per message: one row. */
const ROW = 5;

export function renderSettings(s: UserSettings, changed: boolean, reminders?: ReminderSettings) {
  const when = s.digest.off
    ? 'off'
    : `${DAYS[s.digest.day] ?? '?'} at ${String(s.digest.hour).padStart(2, '0')}:00 (${s.timezone ?? 'UTC, set a timezone'})`;
  const embed = new EmbedBuilder()
    .setTitle(changed ? 'Settings saved' : 'Your settings')
    .addFields(
      { name: 'Weekly digest', value: safe(when, 1024) },
      { name: 'Timezone', value: safe(s.timezone ?? 'not set', 1024) },
      { name: 'Role', value: safe(s.role ? getRole(s.role).name : 'not set (the original policy)', 1024) },
    );
  if (reminders) embed.addFields({ name: 'Reminders', value: safe(reminderSettingsLine(reminders), 1024) });
  return { embeds: [embed], ...NO_PINGS };
}

/** A message's button as a custom id: Decide reopens the triage; a reminder also snoozes or drops. */
function actionId(a: MessageAction): CustomId {
  if (a.action === 'snooze') return { kind: 'snooze', triageId: a.triageId, choice: a.snooze ?? 'tomorrow' };
  if (a.action === 'drop') return { kind: 'drop', triageId: a.triageId };
  return { kind: 'reopen', triageId: a.triageId };
}

/** An unprompted message (the digest) as an embed, each action a button reopening that triage. */
export function renderOutbound(message: OutboundMessage) {
  const embed = new EmbedBuilder().setTitle(safe(message.title || 'Invite triage', 256));
  let budget = 5000;
  for (const s of message.sections.slice(0, 25)) {
    const value =
      s.lines
        .map((l) => safe(l, 300))
        .join('\n')
        .slice(0, 1024) || '—';
    const name = safe(s.heading ?? '\u200b', 256) || '\u200b';
    budget -= value.length + name.length;
    if (budget < 0) break;
    embed.addFields({ name, value });
  }
  const buttons = message.actions.slice(0, 25).map((a) =>
    new ButtonBuilder()
      .setCustomId(encodeCustomId(actionId(a)))
      .setLabel(clip(a.label, 80) || 'Decide')
      .setStyle(a.action === 'revise' ? ButtonStyle.Primary : ButtonStyle.Secondary),
  );
  return { content: safe(message.summary, 1900), embeds: [embed], components: rows(buttons), ...NO_PINGS };
}

export const HELP = [
  '**Invite triage** asks your criteria questions about a social-network invitation, then records a decision.',
  '• DM me an invitation (pasted or described), or use `/triage start text:…`.',
  '• Right-click a message → Apps → **Triage invitation**.',
  '• `/triage history`, `/triage pending`.',
  '• `/triage policy [platform]` shows the questions I ask; **Edit** changes them (for the server too, with Manage Server).',
  '• `/triage settings` for the weekly digest day, hour and timezone, or to turn it off.',
  '• `/triage time platform duration [place]` logs time; `/triage budget platform duration [expect]` sets a weekly budget.',
  '• `/triage digest` shows your weekly digest now; `/triage guidelines` shows the server’s guidance (`guidelines-set` for Manage Server).',
  '• `/triage export` sends your records as CSV in a DM; `/triage forget` deletes them all.',
].join('\n');

/** Asks before deleting everything; only `ownerId` may answer. */
export function forgetConfirmation(ownerId: string) {
  const button = (confirm: boolean) =>
    new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'forget', ownerId, confirm }))
      .setLabel(confirm ? 'Delete everything' : 'Keep my records')
      .setStyle(confirm ? ButtonStyle.Danger : ButtonStyle.Secondary);
  const content =
    'This deletes every invitation, answer, decision, policy and setting I keep for you. It cannot be undone.';
  return { content, components: rows([button(true), button(false)]), ...NO_PINGS };
}
