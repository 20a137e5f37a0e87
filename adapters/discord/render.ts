import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  escapeMarkdown,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import type { Outcome } from '../../src/core/criteria.js';
import type { Decision, Question } from '../../src/core/flow.js';
import type { TriageView } from '../../src/service/index.js';
import { encodeCustomId } from './custom-id.js';

/** What every message the bot sends carries: user text in it pings nobody. */
export const NO_PINGS: { allowedMentions: { parse: [] } } = { allowedMentions: { parse: [] } };

export type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;

/** A triage as a Discord message: its next question with buttons, or its decision. */
export interface TriageMessage {
  embeds: EmbedBuilder[];
  components: Row[];
  allowedMentions: { parse: [] };
}

const OUTCOME: Record<Outcome, { label: string; color: number }> = {
  accept: { label: 'Accept', color: 0x2e7d32 },
  decline: { label: 'Decline', color: 0xc62828 },
  defer: { label: 'Defer', color: 0xf9a825 },
  redirect: { label: 'Redirect', color: 0x1565c0 },
};

/** Escapes Discord markdown and clips to a limit, so user text neither formats nor overflows. */
export function safe(text: string, max: number): string {
  const escaped = escapeMarkdown(text.replace(/\s+/g, ' ').trim());
  return escaped.length <= max ? escaped : `${escaped.slice(0, max - 1)}…`;
}

export function renderTriage(view: TriageView): TriageMessage {
  return view.step.kind === 'question'
    ? renderQuestion(view, view.step.question)
    : renderDecision(view, view.step.decision);
}

function heading(view: TriageView): string {
  return safe(`${view.platformName ?? 'Invitation'} — ${view.inviter ?? 'sender unknown'}`, 256);
}

function renderQuestion(view: TriageView, q: Question): TriageMessage {
  const embed = new EmbedBuilder()
    .setTitle(heading(view))
    .setDescription(`**Question ${q.index} of ${q.total}**\n${safe(q.text, 3000)}`)
    .setFooter({ text: `Triage #${view.id}` });
  const buttons = q.choices.map((c) =>
    new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'answer', triageId: view.id, questionId: q.id, choiceId: c.id }))
      .setLabel(safe(c.label, 80))
      .setStyle(q.freeText ? ButtonStyle.Secondary : ButtonStyle.Primary),
  );
  if (q.freeText) {
    const type = new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'name', triageId: view.id }))
      .setLabel('Type the name')
      .setStyle(ButtonStyle.Primary);
    buttons.unshift(type);
  }
  if (q.index > 1 && !q.freeText && q.id !== 'platform') {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(encodeCustomId({ kind: 'undo', triageId: view.id }))
        .setLabel('Back')
        .setStyle(ButtonStyle.Secondary),
    );
  }
  return { embeds: [embed], components: rows(buttons), ...NO_PINGS };
}

function renderDecision(view: TriageView, d: Decision): TriageMessage {
  const { label, color } = OUTCOME[d.outcome];
  const embed = new EmbedBuilder()
    .setColor(color)
    .setTitle(safe(`${label}: ${view.inviter ?? 'this person'} on ${view.platformName ?? 'an unknown network'}`, 256))
    .setDescription(safe(d.explanation, 4000))
    .setFooter({ text: `Triage #${view.id}` });
  for (const r of d.reasons.slice(0, 20)) {
    embed.addFields({ name: safe(`${r.passed ? '✅' : '❌'} ${r.question}`, 256), value: safe(r.answerLabel, 1024) });
  }
  const buttons = [
    new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'revise', triageId: view.id }))
      .setLabel('Revise')
      .setStyle(ButtonStyle.Secondary),
  ];
  if (d.reasons.length > 0) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(encodeCustomId({ kind: 'undo', triageId: view.id }))
        .setLabel('Undo')
        .setStyle(ButtonStyle.Secondary),
    );
  }
  return { embeds: [embed], components: rows(buttons), ...NO_PINGS };
}

/** Splits buttons into action rows of five, at most five rows, as Discord allows. */
export function rows(buttons: ButtonBuilder[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += 5) {
    out.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons.slice(i, i + 5)));
  }
  return out;
}

/** A short plain message, for notices and errors. */
export function notice(text: string) {
  return { content: text.slice(0, 2000), embeds: [], components: [], ...NO_PINGS };
}
