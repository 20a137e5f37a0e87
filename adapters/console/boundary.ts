import { isTriageError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';

/** What the boundary needs: where to log, and how to tell the user. */
export interface Ctx {
  log: Logger;
  print: (text: string) => void;
}

/** Tells the user about a failure: a coded one in its own words, anything else logged, with a short apology. */
export function report(ctx: Ctx, err: unknown): void {
  if (isTriageError(err)) {
    ctx.log.debug('console: refused', { code: err.code });
    ctx.print(err.message);
    return;
  }
  ctx.log.error('console: failed', { error: err instanceof Error ? err.stack : String(err) });
  ctx.print('Something went wrong and was logged. Your recorded decisions are safe.');
}
