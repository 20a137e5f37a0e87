import { isTriageError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';

/** What the boundary needs: where to log, and how to tell the user. */
export interface Ctx {
  log: Logger;
  print: (text: string) => void;
}

/**
 * Runs one line's handling so that nothing escapes: a coded failure is shown in its own words, anything
 * else is logged and told as a short apology. The session keeps reading.
 */
export function guard(ctx: Ctx, handle: () => void): void {
  try {
    handle();
  } catch (err) {
    report(ctx, err);
  }
}

/** Tells the user about a failure (also for work that finished later, such as a feature's promise). */
export function report(ctx: Ctx, err: unknown): void {
  if (isTriageError(err)) {
    ctx.log.debug('console: refused', { code: err.code });
    ctx.print(err.message);
    return;
  }
  ctx.log.error('console: failed', { error: err instanceof Error ? err.stack : String(err) });
  ctx.print('Something went wrong and was logged. Your recorded decisions are safe.');
}
