import { renderMessage } from '../../adapters/console/render.js';
import { parseInvitation } from '../core/parser.js';
import type { Service, UserRef } from '../service/index.js';
import { cleanInvitationText } from '../service/input.js';
import { runBudgetCommand, runDigestPreview, runTimeCommand } from '../service/time-cli.js';
import { parse, UsageError } from './args.js';
import { runTriage } from './triage.js';

/** What a command needs: the service (opened lazily, so `parse` works without a database) and the user. */
export interface CliContext {
  service: () => Service;
  user: UserRef;
  out: (text: string) => void;
}

export interface CliCommand {
  usage: string;
  run(argv: string[], ctx: CliContext): void | Promise<void>;
}

export const COMMANDS: Record<string, CliCommand> = {
  parse: {
    usage: 'parse [--json] "<text>"\n  Shows the platform and inviter the parser finds in the text.',
    run(argv, ctx) {
      const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
      const text = cleanInvitationText(positionals.join(' '));
      const inv = parseInvitation(text);
      if (values.json) ctx.out(JSON.stringify(inv));
      else ctx.out(`platform: ${inv.platform ?? 'unknown'}\ninviter: ${inv.inviter ?? 'unknown'}`);
    },
  },
  triage: {
    usage: `triage [--json] "<text>" [--platform <id>] [--inviter <name>] [--answer <criterion>=<choice> …] [--dry-run]
  Runs a triage without prompts: prints the decision, or the next question where answers are missing.
  Recorded in your history unless --dry-run.`,
    run: runTriage,
  },
  history: {
    usage: 'history [--json] [--limit <n>] [--offset <n>]\n  Lists your decisions, newest first.',
    run(argv, ctx) {
      const { values } = parse(argv, {
        json: { type: 'boolean' },
        limit: { type: 'string' },
        offset: { type: 'string' },
      });
      const page = ctx.service().records.history(ctx.user, {
        limit: int(values.limit, 'limit', 50),
        offset: int(values.offset, 'offset', 0),
      });
      if (values.json) return ctx.out(JSON.stringify(page));
      for (const i of page.items) {
        ctx.out(
          `#${i.triageId}\t${new Date(i.at).toISOString()}\t${i.platform ?? ''}\t${i.inviter ?? ''}\t${i.outcome}`,
        );
      }
    },
  },
  export: {
    usage: 'export --format csv|json\n  Prints everything the bot holds about you.',
    run(argv, ctx) {
      const { values } = parse(argv, { format: { type: 'string', default: 'csv' } });
      const format = String(values.format);
      if (format !== 'csv' && format !== 'json') throw new UsageError('--format is csv or json');
      ctx.out(ctx.service().records.export(ctx.user, format).body.trimEnd());
    },
  },
  time: {
    usage: 'time <platform> <duration> [--at work|home]\n  Logs time spent on a network: 25m, 1h30m, 90m, 1.5h.',
    // Raw argv: a generic option parser would take "-5m" for an option instead of a bad duration.
    run: (argv, ctx) => ctx.out(runTimeCommand(ctx.service(), ctx.user, argv)),
  },
  budget: {
    usage:
      'budget <platform> <duration> [leads|contacts|friends]\n  Sets a weekly time budget; "<platform> off" removes it.',
    run: (argv, ctx) => ctx.out(runBudgetCommand(ctx.service(), ctx.user, argv)),
  },
  digest: {
    usage: "digest --preview [--current]\n  Prints this week's digest without sending it (--current: the week so far).",
    run(argv, ctx) {
      const { values } = parse(argv, { preview: { type: 'boolean' }, current: { type: 'boolean' } });
      if (!values.preview) throw new UsageError('digest needs --preview: the scheduler sends digests.');
      ctx.out(renderMessage(runDigestPreview(ctx.service(), ctx.user, { current: values.current })));
    },
  },
  migrate: {
    usage: 'migrate\n  Creates or upgrades the database at DATABASE_PATH.',
    run(argv, ctx) {
      parse(argv, {});
      ctx.service();
      ctx.out('Database is up to date.');
    },
  },
};

function int(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} takes a whole number`);
  return n;
}
