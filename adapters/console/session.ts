import { writeFileSync } from 'node:fs';
import type { AdapterDeps } from '../../src/adapter.js';
import type { UserRef } from '../../src/core/user.js';
import type { TriageView } from '../../src/service/index.js';
import { guard, report } from './boundary.js';
import { FEATURE_HELP } from './features.js';
import { HELP, renderHistory, renderPending, renderPolicy, renderTriage } from './render.js';
import { type ConsoleCommand, looksLikeInvitation, pickAnswer, toCommand } from './to-core.js';

/** A feature command's handler: takes the words after the command, returns the text to print. */
export type ExtraHandler = (user: UserRef, args: string) => string | Promise<string>;

const PAGE = 10;

/** One terminal user's conversation: which triage is open, and whether a paste or a confirmation is under way. */
export class ConsoleSession {
  quit = false;
  private current: TriageView | null = null;
  private pasting: string[] | null = null;
  private confirmingForget = false;
  private readonly extraNames: Set<string>;

  constructor(
    private readonly user: UserRef,
    private readonly deps: AdapterDeps,
    private readonly print: (text: string) => void,
    private readonly extra: Record<string, ExtraHandler>,
  ) {
    this.extraNames = new Set(Object.keys(extra));
  }

  greet(): void {
    this.print('invite-triage: paste or describe an invitation. "help" lists the commands.');
    this.guard(() => {
      const open = this.deps.service.triage.openTriage(this.user);
      if (open) {
        this.print('Picking up where you stopped:');
        this.show(open);
      }
    });
  }

  handleLine(line: string): void {
    if (this.pasting) {
      if (line.trim() === '.') {
        const text = this.pasting.join('\n');
        this.pasting = null;
        this.guard(() => this.start(text));
      } else this.pasting.push(line);
      return;
    }
    if (line.trim() === '') return;
    if (this.confirmingForget) {
      this.confirmingForget = false;
      this.guard(() => this.forget(line.trim().toLowerCase() === 'yes'));
      return;
    }
    this.guard(() => this.run(toCommand(line, this.extraNames), line));
  }

  /** Several lines at once: a pasted notification. */
  handleBlock(text: string): void {
    if (this.pasting) {
      for (const line of text.split('\n')) this.handleLine(line);
      return;
    }
    this.guard(() => this.start(text));
  }

  endOfInput(): void {
    if (this.pasting && this.pasting.length > 0) {
      const text = this.pasting.join('\n');
      this.pasting = null;
      this.guard(() => this.start(text));
    }
  }

  private run(cmd: ConsoleCommand, line: string) {
    const { triage, records } = this.deps.service;
    switch (cmd.kind) {
      case 'help':
        return this.print(`${HELP}\n${FEATURE_HELP}`);
      case 'quit':
        this.quit = true;
        return this.print('Bye. Anything unfinished will be here next time.');
      case 'history':
        return this.print(renderHistory(records.history(this.user, { limit: PAGE, offset: (cmd.page - 1) * PAGE })));
      case 'pending':
        return this.print(renderPending(records.pending(this.user)));
      case 'paste':
        this.pasting = [];
        return this.print('Paste the text, then a line with a single "." to finish.');
      case 'undo':
      case 'back': {
        if (!this.current) return this.print('There is no answer to take back.');
        return this.show(triage.undo(this.user, this.current.id));
      }
      case 'revise':
        return this.show(triage.revise(this.user, cmd.id));
      case 'fix': {
        if (!this.current) return this.print('Paste an invitation first; "fix" corrects the one under way.');
        return this.show(triage.amend(this.user, this.current.id, { [cmd.field]: cmd.value }));
      }
      case 'policy':
        return this.policy(cmd);
      case 'export': {
        const file = records.export(this.user, cmd.format);
        if (!cmd.path) return this.print(file.body);
        writeFileSync(cmd.path, file.body);
        return this.print(`Wrote ${cmd.path}.`);
      }
      case 'forget':
        this.confirmingForget = true;
        return this.print('This deletes every invitation, decision and setting of yours. Type "yes" to confirm.');
      case 'extra': {
        const handler = this.extra[cmd.name];
        const result = handler?.(this.user, cmd.args);
        // Print a plain result now, so output keeps the order of the input lines.
        if (typeof result === 'string') this.print(result);
        else if (result) void result.then(this.print, (e) => this.report(e));
        return;
      }
      case 'text':
        return this.current?.step.kind === 'question' ? this.answer(this.current, line) : this.start(line);
    }
  }

  private policy(cmd: Extract<ConsoleCommand, { kind: 'policy' }>) {
    const { policies } = this.deps.service;
    if (!cmd.platform) {
      this.print('Which platform? e.g. "policy linkedin". Built-in criteria ids:');
      this.print('  serves_professionally, would_invite_home, met_in_person_or_phone, knows_them');
      return;
    }
    if (cmd.action === 'reset') return this.print(renderPolicy(policies.reset(this.user, cmd.platform)));
    if (cmd.action === 'set') return this.print(renderPolicy(policies.set(this.user, cmd.platform, cmd.spec ?? [])));
    this.print(renderPolicy(policies.show(this.user, cmd.platform)));
  }

  private start(text: string) {
    this.show(this.deps.service.triage.startFromText(this.user, text, { source: 'console' }));
  }

  private answer(view: TriageView, line: string) {
    if (view.step.kind !== 'question') return;
    const q = view.step.question;
    const input = pickAnswer(q, line.trim());
    // A new invitation typed mid-triage starts a new one; the open one stays pending.
    if ((!input || q.freeText) && looksLikeInvitation(line)) return this.start(line);
    if (!input) {
      this.print(`Answer with 1-${q.choices.length} or the word, or type "help".`);
      return;
    }
    this.show(this.deps.service.triage.answer(this.user, view.id, { questionId: q.id, ...input }));
  }

  private forget(confirmed: boolean) {
    if (!confirmed) return this.print('Nothing was deleted.');
    const { triages } = this.deps.service.records.forget(this.user);
    this.current = null;
    this.print(`Deleted all your data (${triages} triages).`);
  }

  private show(view: TriageView) {
    // Kept after a decision too, so "undo" can reopen it.
    this.current = view;
    this.print(renderTriage(view));
  }

  private guard(fn: () => void): void {
    guard({ log: this.deps.log, print: this.print }, fn);
  }

  private report(err: unknown): void {
    report({ log: this.deps.log, print: this.print }, err);
  }
}
