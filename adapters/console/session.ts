import { writeFileSync } from 'node:fs';
import type { AdapterDeps } from '../../src/adapter.js';
import { isTriageError, TriageError } from '../../src/core/errors.js';
import type { UserRef } from '../../src/core/user.js';
import type { TriageView } from '../../src/service/index.js';
import { report } from './boundary.js';
import { FEATURE_HELP } from './features.js';
import { droppedPath, readInvitationFile } from './files.js';
import { REMINDER_HELP } from './reminders.js';
import { HELP, plain, renderHistory, renderPending, renderPolicy, renderRole, renderTriage } from './render.js';
import { type ConsoleCommand, looksLikeInvitation, pickAnswer, toCommand } from './to-core.js';

/** Runs an operation on the triage the user numbered; a number that is not theirs is named in the answer. */
async function numbered<T>(id: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isTriageError(err) && (err.code === 'not_found' || err.code === 'not_yours')) {
      throw new TriageError(err.code, `There is no triage #${id} of yours: "pending" and "history" list them.`);
    }
    throw err;
  }
}

/** Writes an export where the user asked; a path that cannot be written is named, with why. */
function writeExport(path: string, body: string): string {
  try {
    writeFileSync(path, body);
    return `Wrote ${plain(path)}.`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      ENOENT: 'no such folder',
      EISDIR: 'it is a folder',
      EACCES: 'permission denied',
      ENOTDIR: 'a part of the path is a file, not a folder',
    };
    return `Cannot write ${plain(path)}: ${why[code ?? ''] ?? code ?? String(err)}. Nothing was written.`;
  }
}

/** A feature command's handler: takes the words after the command, returns the text to print. */
export type ExtraHandler = (user: UserRef, args: string) => string | Promise<string>;

const PAGE = 10;

/**
 * One terminal user's conversation: which triage is open, and whether a paste or a confirmation is under way.
 * Input is handled one piece at a time, in order, each finished before the next begins; what one piece prints
 * is written in one go when it is done.
 */
export class ConsoleSession {
  quit = false;
  private current: TriageView | null = null;
  private pasting: string[] | null = null;
  private confirmingForget = false;
  private readonly extraNames: Set<string>;
  private queue: Promise<void> = Promise.resolve();
  private pending: string[] = [];

  constructor(
    private readonly user: UserRef,
    private readonly deps: AdapterDeps,
    private readonly write: (text: string) => void,
    private readonly extra: Record<string, ExtraHandler>,
  ) {
    this.extraNames = new Set(Object.keys(extra));
  }

  greet(): Promise<void> {
    return this.enqueue(async () => {
      this.print('invite-triage: paste or describe an invitation. "help" lists the commands.');
      const open = await this.deps.service.triage.openTriage(this.user);
      if (open) {
        this.print('Picking up where you stopped:');
        this.show(open);
      }
    });
  }

  handleLine(line: string): Promise<void> {
    return this.enqueue(() => this.line(line));
  }

  /** Several lines at once: a pasted notification. */
  handleBlock(text: string): Promise<void> {
    return this.enqueue(async () => {
      if (!this.pasting) return this.start(text);
      for (const line of text.split('\n')) await this.line(line);
    });
  }

  /** Ctrl-C: ends a paste under way without triaging it. Resolves true if there was one to cancel. */
  interrupt(): Promise<boolean> {
    let cancelled = false;
    return this.enqueue(async () => {
      if (!this.pasting) return;
      this.pasting = null;
      cancelled = true;
      this.print('Paste cancelled; nothing was saved.');
    }).then(() => cancelled);
  }

  endOfInput(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.pasting || this.pasting.length === 0) return;
      const text = this.pasting.join('\n');
      this.pasting = null;
      await this.start(text);
    });
  }

  /** Runs after everything queued before; a failure is told to the user, so the queue never rejects. */
  private enqueue(handle: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.quit) return;
      try {
        await handle();
      } catch (err) {
        report({ log: this.deps.log, print: this.print }, err);
      }
      const out = this.pending;
      this.pending = [];
      if (out.length > 0) this.write(out.join('\n'));
    });
    this.queue = next;
    return next;
  }

  private readonly print = (text: string): void => {
    this.pending.push(text);
  };

  private async line(line: string): Promise<void> {
    if (this.pasting) {
      if (line.trim() === '.') {
        const text = this.pasting.join('\n');
        this.pasting = null;
        await this.start(text);
      } else this.pasting.push(line);
      return;
    }
    if (line.trim() === '') return;
    if (this.confirmingForget) {
      this.confirmingForget = false;
      await this.forget(line.trim().toLowerCase() === 'yes');
      return;
    }
    // A file dragged onto the terminal arrives as its path: read the file rather than triage the path.
    const dropped = droppedPath(line);
    if (dropped) return this.run({ kind: 'file', path: dropped, image: false }, line);
    await this.run(toCommand(line, this.extraNames), line);
  }

  private async run(cmd: ConsoleCommand, line: string): Promise<void> {
    const { triage, records } = this.deps.service;
    switch (cmd.kind) {
      case 'help':
        return this.print(`${HELP}\n${FEATURE_HELP}\n${REMINDER_HELP}`);
      case 'quit':
        this.quit = true;
        return this.print('Bye. Anything unfinished will be here next time.');
      case 'history':
        return this.print(
          renderHistory(await records.history(this.user, { limit: PAGE, offset: (cmd.page - 1) * PAGE })),
        );
      case 'pending':
        return this.print(
          renderPending(await records.pending(this.user), await this.deps.service.reminders.list(this.user)),
        );
      case 'paste':
        this.pasting = [];
        return this.print('Paste the text, then a line with a single "." to finish.');
      case 'undo':
      case 'back': {
        if (!this.current) return this.print('There is no answer to take back.');
        return this.show(await triage.undo(this.user, this.current.id));
      }
      case 'revise':
        return this.show(await numbered(cmd.id, () => triage.revise(this.user, cmd.id)));
      case 'drop': {
        const gone = await numbered(cmd.id, () => triage.discard(this.user, cmd.id));
        if (this.current?.id === gone.id) this.current = null;
        const who = gone.inviter ? ` (${plain(gone.inviter)})` : '';
        return this.print(`Dropped #${gone.id}${who}: it is gone, with its answers and decision.`);
      }
      case 'usage':
        return this.print(cmd.text);
      case 'correct':
        if (!this.current) return this.print('Paste an invitation first; "correct" asks what I took from your words.');
        return this.show(await triage.correct(this.user, this.current.id));
      case 'keep':
      case 'again': {
        const repeat = this.current?.repeat ? this.current : null;
        if (!repeat) return this.print(`"${cmd.kind}" answers a repeated invitation; there is none open.`);
        if (cmd.kind === 'again') return this.show(await triage.again(this.user, repeat.id));
        this.current = null;
        return this.print(`Kept #${repeat.id}: nothing new recorded.`);
      }
      case 'role':
        return this.role(cmd.role);
      case 'fix': {
        if (!this.current) return this.print('Paste an invitation first; "fix" corrects the one under way.');
        return this.show(await triage.amend(this.user, this.current.id, { [cmd.field]: cmd.value }));
      }
      case 'policy':
        return this.policy(cmd);
      case 'export': {
        const file = await records.export(this.user, cmd.format);
        if (!cmd.path) return this.print(file.body);
        return this.print(writeExport(cmd.path, file.body));
      }
      case 'forget':
        this.confirmingForget = true;
        return this.print('This deletes every invitation, decision and setting of yours. Type "yes" to confirm.');
      case 'extra': {
        const handler = this.extra[cmd.name];
        if (handler) this.print(await handler(this.user, cmd.args));
        return;
      }
      case 'file':
        return this.startFromFile(cmd.path, cmd.image);
      case 'text':
        return this.current?.step.kind === 'question' ? this.answer(this.current, line) : this.start(line);
    }
  }

  private async policy(cmd: Extract<ConsoleCommand, { kind: 'policy' }>): Promise<void> {
    const { policies } = this.deps.service;
    if (!cmd.platform) {
      this.print('Which platform? e.g. "policy linkedin". Built-in criteria ids:');
      this.print('  serves_professionally, would_invite_home, met_in_person_or_phone, knows_them');
      return;
    }
    if (cmd.action === 'reset') return this.print(renderPolicy(await policies.reset(this.user, cmd.platform)));
    if (cmd.action === 'set') {
      return this.print(renderPolicy(await policies.set(this.user, cmd.platform, cmd.spec ?? [])));
    }
    this.print(renderPolicy(await policies.show(this.user, cmd.platform)));
  }

  private async role(id: string | undefined): Promise<void> {
    const { settings } = this.deps.service;
    if (id !== undefined) await settings.update(this.user, { role: id });
    this.print(renderRole((await settings.get(this.user)).role));
  }

  /** A paste that is a whole raw email (headers, encoded body) is decoded by the service, as in every chat. */
  private async start(pasted: string): Promise<void> {
    this.show(await this.deps.service.triage.startFromText(this.user, pasted, { source: 'console' }));
  }

  private async startFromFile(path: string, mustBeImage: boolean): Promise<void> {
    const text = await readInvitationFile(path, process.cwd(), this.deps.service.input, mustBeImage);
    this.show(await this.deps.service.triage.startFromText(this.user, text, { source: 'console' }));
  }

  private async answer(view: TriageView, line: string): Promise<void> {
    if (view.step.kind !== 'question') return;
    const q = view.step.question;
    const input = pickAnswer(q, line.trim());
    // A new invitation typed mid-triage starts a new one; the open one stays pending.
    if ((!input || q.freeText) && looksLikeInvitation(line)) return this.start(line);
    if (!input) {
      this.print(`Answer with 1-${q.choices.length} or the word, or type "help".`);
      return;
    }
    this.show(await this.deps.service.triage.answer(this.user, view.id, { questionId: q.id, ...input }));
  }

  private async forget(confirmed: boolean): Promise<void> {
    if (!confirmed) return this.print('Nothing was deleted.');
    const { triages } = await this.deps.service.records.forget(this.user);
    this.current = null;
    this.print(`Deleted all your data (${triages} triages).`);
  }

  private show(view: TriageView) {
    // Kept after a decision too, so "undo" can reopen it.
    this.current = view;
    this.print(renderTriage(view));
  }
}
