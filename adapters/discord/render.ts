import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIStringSelectComponent,
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  LabelBuilder,
  ModalBuilder,
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

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A triage as a Discord message: its next question with buttons, or its decision. */
export interface TriageMessage {
  embeds: APIEmbed[];
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

/** What the start of a line formats: a quote, a heading, a bullet, or a number and a dot. */
const FORMATS_LINE = /^(?:[>#-]|\d+\.)/;

/**
 * Escapes Discord markdown and clips to a limit, so user text neither formats nor overflows. As escapeText, but
 * the text is made one line first, so only its very start can begin a quote or a list, and the two line-start
 * passes run only when it does: this draws every text of every triage message.
 */
export function safe(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(INLINE, '\\$&');
  const escaped = FORMATS_LINE.test(line) ? line.replace(LINE_START, '\\$1').replace(NUMBERED, '$1\\.') : line;
  return clipEscaped(escaped, max);
}

export function renderTriage(view: TriageView): TriageMessage {
  const screen = triageView(view, { discard: true });
  if (screen.decision) return renderDecision(screen, screen.decision);
  if (screen.question) return renderQuestion(screen, screen.question);
  throw new Error('a triage shows a question or a decision');
}

/** The inviter's headline, company and the like, as a muted line above the question or decision. */
function about(screen: TriageScreen): string {
  const context = screen.contextLines.length ? `*${safe(screen.contextLines.join(' · '), 500)}*\n` : '';
  return context + screen.notes.map((n) => `*${safe(n, 500)}*\n`).join('');
}

// The triage message is written as Discord's JSON rather than with discord.js's builders: it is drawn on every
// click, and the builders' validation cost more than the rest of drawing it. Every text is clipped to Discord's
// limits above (safe, clip, fitEmbed), so there is nothing left for them to check.

type Style = APIButtonComponentWithCustomId['style'];

function button(customId: string, label: string, style: Style): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label, style };
}

function renderQuestion(screen: TriageScreen, q: ScreenQuestion): TriageMessage {
  const embed = fitEmbed({
    title: safe(screen.title, EMBED.title),
    description: `${about(screen)}**${screen.progress}**\n${safe(q.text, 3000)}`,
    footer: { text: `Triage #${screen.id}` },
  });
  // More choices than a row holds (every network in the catalog): one select, the other actions below it.
  if (q.choices.length > ROW) {
    const select: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: encodeCustomId({ kind: 'choose', triageId: screen.id, questionId: q.id }),
      placeholder: 'Choose one',
      options: q.choices.slice(0, MAX_OPTIONS).map((c) => ({ label: clip(c.label, 100), value: c.id })),
    };
    const selectRow = { type: ComponentType.ActionRow as const, components: [select] };
    return { embeds: [embed], components: [selectRow, ...rows(actionButtons(screen)).slice(0, 4)], ...NO_PINGS };
  }
  const style = q.freeText ? ButtonStyle.Secondary : ButtonStyle.Primary;
  const buttons = q.choices.map((c) =>
    button(
      encodeCustomId({ kind: 'answer', triageId: screen.id, questionId: q.id, choiceId: c.id }),
      clip(c.label, 80),
      style,
    ),
  );
  if (q.freeText) {
    buttons.unshift(
      button(encodeCustomId({ kind: 'name', triageId: screen.id }), 'Type the name', ButtonStyle.Primary),
    );
  }
  buttons.push(...actionButtons(screen));
  return { embeds: [embed], components: rows(buttons), ...NO_PINGS };
}

function renderDecision(screen: TriageScreen, d: ScreenDecision): TriageMessage {
  const fields = d.reasons.slice(0, EMBED.fields).map((r) => ({
    name: safe(`${r.passed ? '✅' : '❌'} ${r.question}`, EMBED.name),
    value: safe(r.answerLabel, EMBED.value),
  }));
  if (screen.reminder && fields.length < EMBED.fields) {
    fields.push({ name: 'Reminder', value: safe(screen.reminder, EMBED.value) });
  }
  // Long questions and a long name can add up past Discord's 6,000: shortened, not refused.
  const embed = fitEmbed({
    color: COLOR[d.outcome],
    title: safe(`${d.heading}: ${screen.title}`, EMBED.title),
    description: `${about(screen)}${safe(d.explanation, 2500)}${d.click ? `\n**${safe(d.click, 600)}**` : ''}`,
    footer: { text: `Triage #${screen.id}` },
    ...(fields.length ? { fields } : {}),
  });
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

function actionButtons(screen: TriageScreen): APIButtonComponentWithCustomId[] {
  return screen.actions.map((a) =>
    button(
      encodeCustomId({ kind: CUSTOM_KIND[a.id], triageId: screen.id }),
      a.label,
      a.id === 'discard' ? ButtonStyle.Danger : ButtonStyle.Secondary,
    ),
  );
}

/** Splits buttons into action rows of five, at most five rows, as Discord allows. */
export function rows(buttons: readonly (ButtonBuilder | APIButtonComponent)[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += ROW) {
    const components = buttons.slice(i, i + ROW).map((b) => (b instanceof ButtonBuilder ? b.toJSON() : b));
    out.push({ type: ComponentType.ActionRow, components });
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
