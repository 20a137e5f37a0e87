import { parseInvitation } from '../core/parser.js';
import { cleanInvitationText } from '../service/input.js';
import { parse, UsageError } from './args.js';
import type { CliCommand } from './context.js';
import { readText } from './text-input.js';
import { runBudget, runTime } from './time.js';

const JSON_OPTION = { json: { type: 'boolean' } } as const;

/** The command table. Heavier parts load when their command runs, so `parse` starts with the parser alone. */
export const COMMANDS: Record<string, CliCommand> = {
  parse: {
    usage: `parse [--json] ["<text>" | - | --file <path>]
  Shows the platform and inviter the parser finds in the text (read from stdin when no text is given).`,
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, { ...JSON_OPTION, file: { type: 'string' } });
      const text = cleanInvitationText(await readText(positionals, values.file, ctx.io));
      const inv = parseInvitation(text);
      if (values.json) ctx.out(JSON.stringify(inv));
      else ctx.out(`platform: ${inv.platform ?? 'unknown'}\ninviter: ${inv.inviter ?? 'unknown'}`);
    },
  },
  triage: {
    usage: `triage [--json] ["<text>" | - | --file <path>] [--platform <id>] [--inviter <name>] [--answer <criterion>=<choice> …] [--again] [--dry-run]
  Runs a triage without prompts: prints the decision, or the next question where answers are missing.
  Answers the text implies are used ("inferred"); --answer overrides them. A person triaged before on that
  network prints the earlier decision ("repeat") unless --again. Recorded in your history unless --dry-run.`,
    run: async (argv, ctx) => (await import('./triage.js')).runTriage(argv, ctx),
  },
  history: {
    usage: 'history [--json] [--limit <n>] [--offset <n>]\n  Lists your decisions, newest first.',
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, {
        ...JSON_OPTION,
        limit: { type: 'string' },
        offset: { type: 'string' },
      });
      noPositionals(positionals);
      const opts = { limit: int(values.limit, 'limit', 50), offset: int(values.offset, 'offset', 0) };
      const page = await (await ctx.service()).records.history(ctx.user, opts);
      if (values.json) return ctx.out(JSON.stringify(page));
      if (page.items.length === 0) return ctx.out('No decisions yet.');
      for (const i of page.items) {
        ctx.out(
          `#${i.triageId}\t${new Date(i.at).toISOString()}\t${i.platform ?? ''}\t${i.inviter ?? ''}\t${i.outcome ?? 'open'}`,
        );
      }
    },
  },
  export: {
    usage: 'export [--format csv|json] [--json]\n  Prints everything the bot holds about you (--json: --format json).',
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, { ...JSON_OPTION, format: { type: 'string' } });
      noPositionals(positionals);
      const format = values.format ?? (values.json ? 'json' : 'csv');
      if (format !== 'csv' && format !== 'json') throw new UsageError('--format is csv or json');
      if (values.json && format !== 'json') throw new UsageError('--json exports JSON; leave out --format csv');
      ctx.out((await (await ctx.service()).records.export(ctx.user, format)).body.trimEnd());
    },
  },
  time: {
    usage:
      'time [--json] <platform> <duration> [--at work|home]\n  Logs time spent on a network: 25m, 1h30m, 90m, 1.5h.',
    run: runTime,
  },
  budget: {
    usage: `budget [--json] <platform> <duration> [leads|contacts|friends]
  Sets a weekly time budget; "<platform> off" removes it.`,
    run: runBudget,
  },
  digest: {
    usage: `digest --preview [--current] [--json]
  Prints this week's digest without sending it (--current: the week so far).`,
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, {
        ...JSON_OPTION,
        preview: { type: 'boolean' },
        current: { type: 'boolean' },
      });
      noPositionals(positionals);
      if (!values.preview) throw new UsageError('digest needs --preview: the scheduler sends digests');
      const message = await (await ctx.service()).digest.preview(ctx.user, {
        week: values.current ? 'current' : 'last',
      });
      if (values.json) return ctx.out(JSON.stringify(message));
      const { renderMessage } = await import('../../adapters/console/render.js');
      ctx.out(renderMessage(message));
    },
  },
  settings: {
    usage: `settings [--json] [--role general|clinician|therapist|teacher|client-facing]
  Shows your settings; --role sets the profession whose built-in rules apply.`,
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, { ...JSON_OPTION, role: { type: 'string' } });
      noPositionals(positionals);
      const { isRoleId, ROLE_IDS } = await import('../core/roles.js');
      if (values.role !== undefined && !isRoleId(values.role)) {
        throw new UsageError(`--role "${values.role.slice(0, 40)}" is not a role: one of ${ROLE_IDS.join(', ')}`);
      }
      const { settings } = await ctx.service();
      const now =
        values.role === undefined
          ? await settings.get(ctx.user)
          : await settings.update(ctx.user, { role: values.role });
      if (values.json) return ctx.out(JSON.stringify(now));
      ctx.out(`role: ${now.role ?? 'not set (the original policy)'}\ntimezone: ${now.timezone ?? 'not set'}`);
    },
  },
  migrate: {
    usage: 'migrate [--json]\n  Creates or upgrades the database: DATABASE_URL when set, else DATABASE_PATH.',
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, JSON_OPTION);
      noPositionals(positionals);
      await ctx.service();
      ctx.out(values.json ? JSON.stringify({ upToDate: true }) : 'Database is up to date.');
    },
  },
};

function noPositionals(positionals: readonly string[]): void {
  const first = positionals[0];
  if (first !== undefined) throw new UsageError(`unexpected argument "${first.slice(0, 40)}"`);
}

function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`--${name} takes a whole number`);
  return n;
}
