import type { Question } from '../../src/core/flow.js';
import { parseInvitation } from '../../src/core/parser.js';
import { resolvePlatform } from '../../src/core/platforms.js';
import type { CriterionSpec } from '../../src/service/index.js';

/** A line typed in the terminal, understood as a command or as invitation text. */
export type ConsoleCommand =
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'history'; page: number }
  | { kind: 'pending' }
  | { kind: 'undo' }
  | { kind: 'back' }
  | { kind: 'revise'; id: number }
  | { kind: 'correct' | 'keep' | 'again' }
  | { kind: 'role'; role?: string }
  | { kind: 'fix'; field: 'platform' | 'inviter'; value: string }
  | { kind: 'policy'; platform?: string; action?: 'set' | 'reset'; spec?: CriterionSpec[] }
  | { kind: 'export'; format: string; path?: string }
  | { kind: 'forget' }
  | { kind: 'paste' }
  | { kind: 'extra'; name: string; args: string }
  | { kind: 'text'; text: string };

/** Words that start a command provided by a feature outside this adapter (time, budget, digest …). */
export type ExtraCommands = ReadonlySet<string>;

export function toCommand(line: string, extra: ExtraCommands = new Set()): ConsoleCommand {
  const trimmed = line.trim();
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const word = head.toLowerCase();
  const args = rest.join(' ');
  switch (word) {
    case 'help':
    case '?':
      if (rest.length === 0) return { kind: 'help' };
      break;
    case 'quit':
    case 'exit':
      if (rest.length === 0) return { kind: 'quit' };
      break;
    case 'history':
      if (rest.length === 0) return { kind: 'history', page: 1 };
      if (rest.length === 1 && /^\d{1,6}$/.test(args)) return { kind: 'history', page: Math.max(1, Number(args)) };
      break;
    case 'pending':
    case 'undo':
    case 'back':
    case 'forget':
    case 'paste':
    case 'correct':
    case 'keep':
    case 'again':
      if (rest.length === 0) return { kind: word };
      break;
    case 'role':
      if (rest.length <= 1) return { kind: 'role', role: rest[0]?.toLowerCase() };
      break;
    case 'revise':
      if (/^#?\d{1,12}$/.test(args)) return { kind: 'revise', id: Number(args.replace('#', '')) };
      break;
    case 'fix': {
      const [field, ...value] = rest;
      if ((field === 'platform' || field === 'inviter') && value.length > 0) {
        return { kind: 'fix', field, value: value.join(' ') };
      }
      break;
    }
    case 'policy':
      return policyCommand(rest);
    case 'export':
      if (rest.length <= 2 && (rest[0] === undefined || /^(csv|json)$/i.test(rest[0]))) {
        return { kind: 'export', format: (rest[0] ?? 'csv').toLowerCase(), path: rest[1] };
      }
      break;
  }
  if (extra.has(word)) return { kind: 'extra', name: word, args };
  return { kind: 'text', text: line };
}

function policyCommand(rest: string[]): ConsoleCommand {
  const [platform, action, ...specWords] = rest;
  if (!platform) return { kind: 'policy' };
  if (!action) return { kind: 'policy', platform };
  if (action === 'reset') return { kind: 'policy', platform, action: 'reset' };
  if (action === 'set') return { kind: 'policy', platform, action: 'set', spec: parseSpec(specWords.join(' ')) };
  return { kind: 'policy', platform, action: 'set', spec: [] };
}

/** `serves_professionally, "Have we worked together?"`: ids, and quoted custom questions. */
export function parseSpec(text: string): CriterionSpec[] {
  const items: CriterionSpec[] = [];
  for (const m of text.matchAll(/"([^"]*)"|([^,\s"]+)/g)) {
    if (m[1] !== undefined) items.push({ question: m[1] });
    else if (m[2]) items.push(m[2]);
  }
  return items;
}

/** The parser sees a network, or a name inside a longer sentence: this is an invitation, not an answer. */
export function looksLikeInvitation(line: string): boolean {
  const inv = parseInvitation(line);
  const platform = inv.platform !== null && inv.platform !== 'other';
  return platform || (inv.inviter !== null && inv.inviter !== line.trim()) || line.length > 80;
}

/** A typed answer: a number, a choice id or label, or free text for the inviter question. */
export function pickAnswer(q: Question, text: string): { choice: string; text?: string } | null {
  const n = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  const byNumber = q.choices[n - 1];
  if (byNumber) return { choice: byNumber.id };
  const lower = text.toLowerCase();
  if (q.id === 'platform') {
    const platform = resolvePlatform(text);
    if (platform) return { choice: platform };
  }
  const byWord = q.choices.find((c) => c.id === lower || c.label.toLowerCase() === lower);
  if (byWord) return { choice: byWord.id };
  if (q.freeText) return { choice: 'name', text };
  const yn = lower === 'y' ? 'yes' : lower === 'n' ? 'no' : null;
  return yn && q.choices.some((c) => c.id === yn) ? { choice: yn } : null;
}
