import type { types } from '@slack/bolt';
import { safeMrkdwn, truncate } from './escape.js';

/** Slack's documented Block Kit limits that this app's payloads must keep within. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  contextElements: 10,
  actionsElements: 25,
  optionText: 75,
  optionValue: 150,
  options: 100,
  viewTitle: 24,
  fallbackText: 3000,
} as const;

export type KnownBlock = types.KnownBlock;
export type AnyBlock = types.KnownBlock | types.Block;

/** A section of mrkdwn built from user-provided text, escaped and cut to the limit. */
export function userSection(text: string, blockId?: string): KnownBlock {
  return section(safeMrkdwn(text, LIMITS.sectionText), blockId);
}

/** A section of mrkdwn the app wrote itself (already escaped where it embeds user text). */
export function section(mrkdwn: string, blockId?: string): KnownBlock {
  const text = truncate(mrkdwn, LIMITS.sectionText);
  return blockId
    ? { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text } }
    : { type: 'section', text: { type: 'mrkdwn', text } };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: false } };
}

export function context(mrkdwn: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) }] };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}

export function button(b: ButtonSpec) {
  return {
    type: 'button' as const,
    text: { type: 'plain_text' as const, text: truncate(b.text, LIMITS.buttonText), emoji: false },
    action_id: truncate(b.actionId, LIMITS.actionId),
    value: b.value.slice(0, LIMITS.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  };
}

/** An actions block; more buttons than Slack allows in one block are dropped rather than rejected. */
export function actions(buttons: ButtonSpec[], blockId?: string): KnownBlock {
  const elements = buttons.slice(0, LIMITS.actionsElements).map(button);
  return blockId ? { type: 'actions', block_id: blockId, elements } : { type: 'actions', elements };
}

export function option(text: string, value: string) {
  return {
    text: { type: 'plain_text' as const, text: truncate(text, LIMITS.optionText) },
    value: value.slice(0, LIMITS.optionValue),
  };
}

/** Keeps a message within Slack's block count, replacing the overflow with a note. */
export function capBlocks(blocks: AnyBlock[], max: number = LIMITS.messageBlocks): AnyBlock[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), context(`${blocks.length - max + 1} more items not shown.`)];
}

export function plain(text: string, max: number = LIMITS.viewTitle) {
  return { type: 'plain_text' as const, text: truncate(text, max) };
}
