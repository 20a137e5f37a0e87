import { EventEmitter, once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { type ConsoleAdapter, createConsoleAdapter } from '../../adapters/console/index.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import type { UserRef } from '../../src/core/user.js';
import type { Service } from '../../src/service/index.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { tickingClock } from '../helpers/slack-harness.js';
import { type ChatDriver, pendingOf, type SeenTriage } from './driver.js';

/** One person at a terminal: what they type goes into `input`, what they read collects in `screen`. */
export class Terminal {
  readonly input = new PassThrough();
  screen = '';
  private readonly printed = new EventEmitter();
  readonly output = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      this.screen += chunk.toString();
      this.printed.emit('print');
      done();
    },
  });
  adapter!: ConsoleAdapter;

  /** Types a line and waits until the bot has printed its reply to it. */
  async type(line: string): Promise<void> {
    // The session writes its whole reply to a line in one go, so it is all on screen once anything is.
    const printed = once(this.printed, 'print', { signal: AbortSignal.timeout(5000) });
    this.input.write(`${line}\n`);
    await printed;
  }
}

/** The last question on screen: its text and the choice labels in their numbered order; null after a decision. */
function lastQuestion(screen: string): { text: string; labels: string[] } | null {
  const lines = screen.split('\n');
  const at = lines.findLastIndex((l) => /^(Question \d+ of up to \d+|Decision): /.test(l));
  const text = /^Question \d+ of up to \d+: (.*)$/.exec(lines[at] ?? '')?.[1];
  if (text === undefined) return null;
  const labels: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const m = /^ {2}(\d+)\) (.*)$/.exec(line);
    if (!m) break;
    labels.push(m[2] ?? '');
  }
  return { text, labels };
}

/** The last triage printed: its `[#id] title` line and what follows it. */
function lastTriage(screen: string): SeenTriage {
  const lines = screen.split('\n');
  const at = lines.findLastIndex((l) => /^\[#\d+\] /.test(l));
  if (at < 0) throw new Error('no triage is on screen');
  const block = lines.slice(at);
  const title = (block[0] ?? '').replace(/^\[#\d+\] /, '');
  const next = block[1] ?? '';
  const context = /^ {2}\S/.test(next) ? next.trim() : null;
  const progress = block.map((l) => /^(Question \d+ of up to \d+): /.exec(l)?.[1]).find(Boolean) ?? null;
  const outcome = block.map((l) => /^Decision: (.*?)\. /.exec(l)?.[1]).find(Boolean) ?? null;
  const hints = block.find((l) => /"(back|undo|revise \d+)"/.test(l)) ?? '';
  const actions = [...hints.matchAll(/"(back|undo|revise)\b[^"]*"/g)].map((m) => m[1] ?? '');
  return { title, context, progress, outcome, actions };
}

/** The real console adapter, one per driver user, fed through streams, over one in-memory database. */
export function consoleDriver(): ChatDriver {
  let db: Db;
  let service: Service;
  const terminals = new Map<string, Terminal>();
  const refOf = (user: string): UserRef => ({ provider: 'console', workspace: 'local', userId: user });
  const log = createLogger('error', () => {});

  async function terminal(user: string): Promise<Terminal> {
    const existing = terminals.get(user);
    if (existing) return existing;
    const t = new Terminal();
    t.adapter = createConsoleAdapter({ input: t.input, output: t.output, user: refOf(user) }, { service, log });
    terminals.set(user, t);
    await t.adapter.start();
    return t;
  }

  /** What the screen shows, with the ids the service holds for that same question (the screen carries none). */
  async function shown(user: string) {
    const seen = lastQuestion((await terminal(user)).screen);
    if (!seen) return null;
    const step = (await service.triage.openTriage(refOf(user)))?.step;
    const q = step?.kind === 'question' ? step.question : null;
    if (!q || !seen.text.endsWith(q.text) || seen.labels.join('|') !== q.choices.map((c) => c.label).join('|')) {
      throw new Error(`the screen shows "${seen.text}" but the open triage asks ${q ? `"${q.text}"` : 'nothing'}`);
    }
    return { questionId: q.id, choices: q.choices.map((c) => c.id), freeText: q.freeText };
  }

  return {
    name: 'console',
    async start() {
      db = openDatabase(':memory:');
      service = serviceOver(db, tickingClock());
    },
    async stop() {
      for (const t of terminals.values()) await t.adapter.stop();
      terminals.clear();
      db.$client.close();
    },
    async sendInvitation(user, text) {
      await (await terminal(user)).type(text);
    },
    async offered(user) {
      const q = await shown(user);
      return q && { questionId: q.questionId, choices: q.choices };
    },
    async answer(user, choiceId, text) {
      const q = await shown(user);
      if (!q) throw new Error('no question is on screen');
      const t = await terminal(user);
      if (text !== undefined && q.freeText) return t.type(text);
      const n = q.choices.indexOf(choiceId);
      if (n < 0) throw new Error(`choice ${choiceId} is not offered`);
      await t.type(String(n + 1));
    },
    seen: async (user) => lastTriage((await terminal(user)).screen),
    async back(user) {
      await (await terminal(user)).type('back');
    },
    async decision(user) {
      const item = (await service.records.history(refOf(user), { limit: 1 })).items[0];
      return item ? { outcome: item.outcome, decidedBy: item.decidedBy, platform: item.platform } : null;
    },
    pending: async (user) => (await service.records.pending(refOf(user))).map(pendingOf),
  };
}
