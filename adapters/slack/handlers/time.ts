import { TriageError } from '../../../src/core/errors.js';
import { parseBudgetCommand, parseTimeCommand } from '../../../src/core/time-command.js';
import { renderNotice, renderOutbound } from '../render.js';
import { needsTimezone, syncTimezone } from '../timezone.js';
import type { Subcommand, SubcommandContext } from './subcommand.js';

/**
 * Weeks are the user's local weeks, so the first digest-related command reads their Slack time zone. That is an
 * API call: ack first, then reply through response_url. Later commands answer in the ack.
 */
async function withTimezone(ctx: SubcommandContext): Promise<void> {
  if (!(await needsTimezone(ctx.deps, ctx.user))) return;
  await ctx.ack();
  await syncTimezone(ctx.client, ctx.deps, ctx.user);
}

// Input the service will refuse goes straight to it, so a mistake stores nothing (not even the time zone).
export const timeCommand: Subcommand = {
  usage: '`/triage time <network> <duration> [at work|at home]`: log time spent, e.g. `/triage time linkedin 25m`',
  async run(ctx) {
    if (parseTimeCommand(ctx.arg).ok) await withTimezone(ctx);
    await ctx.ack(renderNotice((await ctx.deps.service.time.log(ctx.user, ctx.arg)).message));
  },
};

export const budgetCommand: Subcommand = {
  usage:
    '`/triage budget <network> <time a week> [leads|contacts|friends]`: a weekly budget, e.g. `/triage budget linkedin 2h leads` (`off` removes it)',
  async run(ctx) {
    if (parseBudgetCommand(ctx.arg).ok) await withTimezone(ctx);
    await ctx.ack(renderNotice((await ctx.deps.service.time.budget(ctx.user, ctx.arg)).message));
  },
};

export const digestCommand: Subcommand = {
  usage: '`/triage digest [last]`: preview your next digest, the week so far (`last`: last week’s, as sent)',
  async run(ctx) {
    const which = ctx.arg.trim().toLowerCase();
    if (which !== '' && which !== 'now' && which !== 'last') {
      throw new TriageError(
        'bad_argument',
        'Try /triage digest for the week so far (your next digest), or /triage digest last for last week’s.',
      );
    }
    await withTimezone(ctx);
    const preview = await ctx.deps.service.digest.preview(ctx.user, { week: which === 'last' ? 'last' : 'current' });
    await ctx.ack(renderOutbound(preview));
  },
};
