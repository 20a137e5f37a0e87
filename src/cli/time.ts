import { parse, UsageError } from './args.js';
import type { CliContext } from './context.js';

const TIME = { json: { type: 'boolean' }, at: { type: 'string' } } as const;

/** `time <platform> <duration> [--at work|home]`. The service judges the platform and the duration. */
export async function runTime(argv: string[], ctx: CliContext): Promise<void> {
  const { values, positionals } = parse(argv, TIME);
  if (positionals.length === 1 && positionals[0] === 'undo' && values.at === undefined) {
    const undone = await (await ctx.service()).time.undoLast(ctx.user);
    return ctx.out(values.json ? JSON.stringify(undone) : undone.message);
  }
  if (positionals.length !== 2) throw new UsageError('time takes <platform> <duration>, like: time linkedin 25m');
  const at = values.at;
  if (at !== undefined && at !== 'work' && at !== 'home') throw new UsageError('--at is work or home');
  const words = at ? [...positionals, 'at', at] : positionals;
  const logged = await (await ctx.service()).time.log(ctx.user, words.join(' '));
  ctx.out(values.json ? JSON.stringify(logged) : logged.message);
}

/** `budget <platform> <duration> [leads|contacts|friends]`, or `budget <platform> off`. */
export async function runBudget(argv: string[], ctx: CliContext): Promise<void> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  if (positionals.length < 2 || positionals.length > 3) {
    throw new UsageError('budget takes <platform> <duration> [leads|contacts|friends], like: budget linkedin 2h leads');
  }
  const set = await (await ctx.service()).time.budget(ctx.user, positionals.join(' '));
  ctx.out(values.json ? JSON.stringify(set) : set.message);
}
