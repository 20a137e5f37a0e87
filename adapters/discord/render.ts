import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  LabelBuilder,
  type MessageActionRowComponentBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { Outcome } from '../../src/core/criteria.js';
import {
  type ScreenDecision,
  type ScreenQuestion,
  type TriageAction,
  type TriageScreen,
  triageView,
} from '../../src/core/view.js';
import type { TriageView } from '../../src/service/index.js';
import { encodeCustomId } from './custom-id.js';
import { clipEscaped, EMBED, fitEmbed } from './limits.js';

/** What every message the bot sends carries: user text in it pings nobody. */
export const NO_PINGS: { allowedMentions: { parse: [] } } = { allowedMentions: { parse: [] } };

export type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;

/** A triage as a Discord message: its next question with buttons, or its decision. */
export interface TriageMessage {
  embeds: EmbedBuilder[];
  components: Row[];
  allowedMentions: { parse: [] };
}

const COLOR: Record<Outcome, number> = {
  accept: 0x2e7d32,
  decline: 0xc62828,
  defer: 0xf9a825,
  redirect: 0x1565c0,
};

/** What formats, links or mentions anywhere in a line of Discord markdown: `[` is enough to stop a masked link. */
const INLINE = /[\\*_~`|[\]<]/g;
/** What starts a quote, a heading or a bulleted list at the beginning of a line. */
const LINE_START = /^([>#-])/gm;
/** A numbered list: markdown escapes only punctuation, so the dot is escaped, not the number. */
const NUMBERED = /^(\d+)\./gm;

/**
 * Escapes user text for Discord markdown. Unlike discord.js's escapeMarkdown it also stops masked links and
 * mentions from rendering (`[x](https://…)`, `<@123>`), and it is three plain regular expressions.
 */
export function escapeText(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, '\\$1').replace(NUMBERED, '$1\\.');
}

/** Text on one line, clipped to a limit: for plain-text places such as button labels, where nothing formats. */
export function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** Escapes Discord markdown and clips to a limit, so user text neither formats nor overflows. */
export function safe(text: string, max: number): string {
  return clipEscaped(escapeText(text.replace(/\s+/g, ' ').trim()), max);
}

export function renderTriage(view: TriageView): TriageMessage {
  return withoutStacks(() => {
    const screen = triageView(view, { discard: true });
    if (screen.decision) return renderDecision(screen, screen.decision);
    if (screen.question) return renderQuestion(screen, screen.question);
    throw new Error('a triage shows a question or a decision');
  });
}

/**
 * The builders' validators build and throw away an Error for every nullable field they check, valid or not,
 * and capturing those stacks made drawing a decision cost more than recording it. Rendering is synchronous,
 * so switching stack capture off while it runs touches nothing else; a real limit error keeps its message.
 */
function withoutStacks<T>(render: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return render();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The inviter's headline, company and the like, as a muted line above the question or decision. */
function about(screen: TriageScreen): string {
  const context = screen.contextLines.length ? `*${safe(screen.contextLines.join(' · '), 500)}*\n` : '';
  return context + screen.notes.map((n) => `*${safe(n, 500)}*\n`).join('');
}

function renderQuestion(screen: TriageScreen, q: ScreenQuestion): TriageMessage {
  const embed = new EmbedBuilder()
    .setTitle(safe(screen.title, 256))
    .setDescription(`${about(screen)}**${screen.progress}**\n${safe(q.text, 3000)}`)
    .setFooter({ text: `Triage #${screen.id}` });
  fitEmbed(embed);
  // More choices than a row holds (every network in the catalog): one select, the other actions below it.
  if (q.choices.length > ROW) {
    const select = new StringSelectMenuBuilder()
      .setCustomId(encodeCustomId({ kind: 'choose', triageId: screen.id, questionId: q.id }))
      .setPlaceholder('Choose one')
      .addOptions(q.choices.slice(0, MAX_OPTIONS).map((c) => ({ label: clip(c.label, 100), value: c.id })));
    const selectRow = new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(select);
    return { embeds: [embed], components: [selectRow, ...rows(actionButtons(screen)).slice(0, 4)], ...NO_PINGS };
  }
  const buttons = q.choices.map((c) =>
    new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'answer', triageId: screen.id, questionId: q.id, choiceId: c.id }))
      .setLabel(clip(c.label, 80))
      .setStyle(q.freeText ? ButtonStyle.Secondary : ButtonStyle.Primary),
  );
  if (q.freeText) {
    const type = new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'name', triageId: screen.id }))
      .setLabel('Type the name')
      .setStyle(ButtonStyle.Primary);
    buttons.unshift(type);
  }
  buttons.push(...actionButtons(screen));
  return { embeds: [embed], components: rows(buttons), ...NO_PINGS };
}

function renderDecision(screen: TriageScreen, d: ScreenDecision): TriageMessage {
  const embed = new EmbedBuilder()
    .setColor(COLOR[d.outcome])
    .setTitle(safe(`${d.heading}: ${screen.title}`, 256))
    .setDescription(`${about(screen)}${safe(d.explanation, 2500)}${d.click ? `\n**${safe(d.click, 600)}**` : ''}`)
    .setFooter({ text: `Triage #${screen.id}` });
  for (const r of d.reasons.slice(0, EMBED.fields)) {
    embed.addFields({ name: safe(`${r.passed ? '✅' : '❌'} ${r.question}`, 256), value: safe(r.answerLabel, 1024) });
  }
  if (screen.reminder) embed.addFields({ name: 'Reminder', value: safe(screen.reminder, 1024) });
  // Long questions and a long name can add up past Discord's 6,000: shortened, not refused.
  fitEmbed(embed);
  return { embeds: [embed], components: rows(actionButtons(screen)), ...NO_PINGS };
}

/** Back and Undo both take back the last answer. */
const CUSTOM_KIND: Record<TriageAction, 'undo' | 'revise' | 'discard' | 'correct' | 'keep' | 'again'> = {
  back: 'undo',
  undo: 'undo',
  revise: 'revise',
  discard: 'discard',
  correct: 'correct',
  keep: 'keep',
  again: 'again',
};

/** Buttons in an action row, and options in a select, as Discord allows. */
const ROW = 5;
const MAX_OPTIONS = 25;

function actionButtons(screen: TriageScreen): ButtonBuilder[] {
  return screen.actions.map((a) =>
    new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: CUSTOM_KIND[a.id], triageId: screen.id }))
      .setLabel(a.label)
      .setStyle(a.id === 'discard' ? ButtonStyle.Danger : ButtonStyle.Secondary),
  );
}

/** Splits buttons into action rows of five, at most five rows, as Discord allows. */
export function rows(buttons: ButtonBuilder[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += ROW) {
    out.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons.slice(i, i + ROW)));
  }
  return out;
}

/** A short plain message, for notices and errors. */
export function notice(text: string) {
  return { content: text.slice(0, 2000), embeds: [], components: [], ...NO_PINGS };
}

/** The form that asks for the inviter's name when the parser found none. */
export function nameModal(triageId: number): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId('name')
    .setStyle(TextInputStyle.Short)
    .setMinLength(1)
    .setMaxLength(80)
    .setRequired(true);
  return new ModalBuilder()
    .setCustomId(encodeCustomId({ kind: 'name_modal', triageId }))
    .setTitle('Who sent the invitation?')
    .addLabelComponents(new LabelBuilder().setLabel('Their name').setTextInputComponent(input));
}

/** The form `/triage start` opens without text, to paste the invitation into. */
export function startModal(): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId('text')
    .setStyle(TextInputStyle.Paragraph)
    .setPlaceholder('LinkedIn request from Dana Kim, recruiter at Acme')
    .setMaxLength(4000)
    .setRequired(true);
  return new ModalBuilder()
    .setCustomId(encodeCustomId({ kind: 'start_modal' }))
    .setTitle('Triage an invitation')
    .addLabelComponents(
      new LabelBuilder().setLabel('The invitation, pasted or described').setTextInputComponent(input),
    );
}
