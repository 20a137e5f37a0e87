import { isTriageError } from '../core/errors.js';
import { analyseInvitation } from '../core/parser-analysis.js';
import { cleanInvitationText } from '../service/input.js';
import type { MigrationReport } from '../service/ports.js';
import { InputError, parse, UsageError } from './args.js';
import type { CliCommand } from './context.js';
import { readText } from './text-input.js';
import { runBudget, runTime } from './time.js';

const JSON_OPTION = { json: { type: 'boolean' } } as const;

/** The command table. Heavier parts load when their command runs, so `parse` starts with the parser alone. */
export const COMMANDS: Record<string, CliCommand> = {
  parse: {
    usage: `parse [--json] ["<text>" | - | --file <path> | --image <path>]
  Shows the platform and inviter the parser finds in the text (read from stdin when no text is given),
  and says so when the text is not an invitation (an acceptance, a birthday, a comment).
  --file reads a .txt, a whole email (.eml) or a screenshot; --image a screenshot (PNG, JPEG, WebP).`,
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, {
        ...JSON_OPTION,
        file: { type: 'string' },
        image: { type: 'string' },
      });
      const text = cleanInvitationText(await readText(positionals, values, ctx.io, ctx.input));
      // As a triage would read it: a guessed network is unknown, and a text that is no invitation says so.
      const { kind, invitation: inv, asks, notice } = analyseInvitation(text);
      if (values.json) return ctx.out(JSON.stringify({ ...inv, kind, asks, ...(notice ? { notice } : {}) }));
      ctx.out(`platform: ${inv.platform ?? 'unknown'}\ninviter: ${inv.inviter ?? 'unknown'}`);
      if (kind === 'not_an_invitation') ctx.out(`not an invitation: ${notice ?? 'no triage would start'}`);
    },
  },
  triage: {
    usage: `triage [--json] ["<text>" | - | --file <path> | --image <path>] [--platform <id>] [--inviter <name>] [--answer <criterion>=<choice> …] [--again] [--dry-run]
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
  drop: {
    usage: `drop [--json] <triage-id>
  Discards a triage (not an invitation, or a mistake): its invitation, answers and decision are deleted.`,
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, JSON_OPTION);
      const [id, extra] = positionals;
      if (id === undefined || extra !== undefined || !/^#?\d{1,12}$/.test(id)) {
        throw new UsageError('drop takes one triage id, like: drop 12 ("history" lists them)');
      }
      const triageId = Number(id.replace('#', ''));
      const gone = await (await ctx.service()).triage.discard(ctx.user, triageId).catch((err: unknown) => {
        if (isTriageError(err) && (err.code === 'not_found' || err.code === 'not_yours')) {
          throw new InputError(`there is no triage #${triageId} of yours`);
        }
        throw err;
      });
      ctx.out(values.json ? JSON.stringify({ dropped: gone.id }) : `Dropped #${gone.id}.`);
    },
  },
  export: {
    usage: `export [--format csv|json] [--json]
  Prints your decisions as CSV, or everything held about you as JSON (--json: --format json).
  CSV (the default) is your decisions table: one row per decision, revised ones included, and one per open triage.
  JSON is everything held about you: your settings, invitations, answers, decisions, policies, time, budgets and
  digests. Both give times in ISO 8601.`,
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
      'time [--json] <platform> <duration> [--at work|home] | time undo\n  Logs time spent on a network: 25m, 1h30m, 90m, 1.5h ("time undo" removes the last entry).',
    run: runTime,
  },
  budget: {
    usage: `budget [--json] <platform> <duration> [leads|contacts|friends]
  Sets a weekly time budget; "<platform> off" removes it.`,
    run: runBudget,
  },
  digest: {
    usage: `digest --preview [--last] [--json]
  Prints your next digest, the week so far, without sending it (--last: last week's, as sent).`,
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, {
        ...JSON_OPTION,
        preview: { type: 'boolean' },
        last: { type: 'boolean' },
        // The default since the preview shows the week so far; still accepted from scripts written before.
        current: { type: 'boolean' },
      });
      noPositionals(positionals);
      if (!values.preview) throw new UsageError('digest needs --preview: the scheduler sends digests');
      if (values.last && values.current) throw new UsageError('--last and --current name different weeks');
      const message = await (await ctx.service()).digest.preview(ctx.user, {
        week: values.last ? 'last' : 'current',
      });
      if (values.json) return ctx.out(JSON.stringify(message));
      const { renderMessage } = await import('../../adapters/console/render.js');
      ctx.out(renderMessage(message));
    },
  },
  reminders: {
    usage: `reminders [--json]
  Lists the reminders to come: triage id, inviter, platform, kind (deferred|unfinished), due (ISO 8601).`,
    run: async (argv, ctx) => (await import('./reminders.js')).runReminders(argv, ctx),
  },
  remind: {
    usage: `remind [--json] <#> in 3d | on 2027-01-15 | off
  Changes when one triage's reminder comes, or turns it off.`,
    run: async (argv, ctx) => (await import('./reminders.js')).runRemind(argv, ctx),
  },
  settings: {
    usage: `settings [--json] [--role general|clinician|therapist|teacher|client-facing]
         [reminders off|light|standard] [quiet 21-8|off] [defer 7d]
  Shows your settings; --role sets the profession whose built-in rules apply, and the words change your
  reminders (quiet hours, the default wait after a deferral).`,
    run: async (argv, ctx) => (await import('./reminders.js')).runSettings(argv, ctx),
  },
  migrate: {
    usage: 'migrate [--json]\n  Creates or upgrades the database: DATABASE_URL when set, else DATABASE_PATH.',
    async run(argv, ctx) {
      const { values, positionals } = parse(argv, JSON_OPTION);
      noPositionals(positionals);
      const m = (await ctx.service()).stores.migrations;
      if (values.json) return ctx.out(JSON.stringify({ upToDate: true, created: m?.created, applied: m?.applied }));
      ctx.out(migrated(m));
    },
  },
};

/** What `migrate` did, in words: PostgreSQL reports nothing back, so there it only says the end state. */
function migrated(m: MigrationReport | undefined): string {
  if (!m) return 'Database is up to date.';
  const n = `${m.applied} migration${m.applied === 1 ? '' : 's'}`;
  if (m.created) return `Created the database at ${m.path} and applied ${n}.`;
  if (m.applied > 0) return `Applied ${n} to ${m.path}; it is up to date.`;
  return `Database is up to date: ${m.path} has all ${m.total} migrations, none to apply.`;
}

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
