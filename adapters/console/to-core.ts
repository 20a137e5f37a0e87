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
  | { kind: 'drop'; id: number }
  /** A command's word with what it does not take: answered with how to use it, never started as a triage. */
  | { kind: 'usage'; text: string }
  | { kind: 'correct' | 'keep' | 'again' }
  | { kind: 'role'; role?: string }
  | { kind: 'fix'; field: 'platform' | 'inviter'; value: string }
  | { kind: 'policy'; platform?: string; action?: 'set' | 'reset'; spec?: CriterionSpec[] }
  | { kind: 'export'; format: string; path?: string }
  | { kind: 'forget' }
  | { kind: 'paste' }
  /** `file <path>` (text, .eml or screenshot), `image <path>`, or a file's path dragged onto the terminal. */
  | { kind: 'file'; path: string; image: boolean }
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
    case 'file':
    case 'image':
      // "image of a request from Dana Kim" is a description: only a path-like argument makes this the command.
      if (/[\\/~]|\.[a-z0-9]{2,5}['"]?$/i.test(args))
        return { kind: 'file', path: unquote(args), image: word === 'image' };
      break;
    case 'role':
      if (rest.length <= 1) return { kind: 'role', role: rest[0]?.toLowerCase() };
      break;
    case 'revise':
      if (/^#?\d{1,12}$/.test(args)) return { kind: 'revise', id: Number(args.replace('#', '')) };
      break;
    case 'drop':
    case 'discard':
      if (/^#?\d{1,12}$/.test(args)) return { kind: 'drop', id: Number(args.replace('#', '')) };
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
  const usage = Object.hasOwn(USAGE, word) ? USAGE[word] : undefined;
  // "History teacher Sam Lee wants to be friends on Facebook" is an invitation that happens to begin so.
  if (usage && !looksLikeInvitation(line)) return { kind: 'usage', text: usage };
  return { kind: 'text', text: line };
}

const ALONE = (word: string, what: string) => `Type "${word}" on its own to ${what}.`;
const NUMBERS = '"pending" and "history" show the numbers.';

/** How each command is used, for a line that begins with its word but does not fit it. */
const USAGE: Record<string, string> = {
  help: ALONE('help', 'list the commands'),
  '?': ALONE('help', 'list the commands'),
  quit: ALONE('quit', 'leave'),
  exit: ALONE('quit', 'leave'),
  pending: ALONE('pending', 'list what is waiting'),
  undo: ALONE('undo', 'take back the last answer'),
  back: ALONE('back', 'take back the last answer'),
  forget: ALONE('forget', 'delete all your data'),
  paste: ALONE('paste', 'paste text over several lines'),
  file: 'Use "file <path>" for an email (.eml), a .txt or a screenshot, e.g. "file ~/Downloads/invite.eml".',
  image: 'Use "image <path>" for a screenshot (PNG, JPEG, WebP), e.g. "image ~/Desktop/request.png".',
  history: 'Use "history" or "history <page>", e.g. "history 2".',
  revise: `Use "revise <#>", e.g. "revise 3": ${NUMBERS}`,
  drop: `Use "drop <#>", e.g. "drop 3", to discard a triage: ${NUMBERS}`,
  discard: `Use "drop <#>", e.g. "drop 3", to discard a triage: ${NUMBERS}`,
  fix: 'Use "fix platform <network>" or "fix inviter <name>".',
  export: 'Use "export csv [file]" for your decisions or "export json [file]" for everything.',
  policy: 'Use "policy <network>" to see its questions, "policy <network> set <id>, …" or "policy <network> reset".',
  clear: '"clear" is not a command here. "help" lists the commands.',
  cls: '"cls" is not a command here. "help" lists the commands.',
};

function policyCommand(rest: string[]): ConsoleCommand {
  const [platform, action, ...specWords] = rest;
  if (!platform) return { kind: 'policy' };
  if (!action) return { kind: 'policy', platform };
  if (action === 'reset') return { kind: 'policy', platform, action: 'reset' };
  if (action === 'set') return { kind: 'policy', platform, action: 'set', spec: parseSpec(specWords.join(' ')) };
  return { kind: 'usage', text: USAGE.policy ?? '' };
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

/** A path typed with quotes around it, as terminals write paths with spaces. */
function unquote(path: string): string {
  const m = /^(['"])(.*)\1$/.exec(path.trim());
  return m ? (m[2] ?? '') : path.trim();
}
