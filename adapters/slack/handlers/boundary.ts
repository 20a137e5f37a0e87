import { isTriageError } from '../../../src/core/errors.js';
import type { Logger } from '../../../src/core/logger.js';
import { renderNotice, type SlackMessage } from '../render.js';

const OOPS = 'Something went wrong on my side and nothing was changed. Try again in a moment.';

/** The message to show for a failure: a TriageError's own words, else a generic apology (logged with detail). */
export function messageFor(err: unknown, log: Logger, where: string): string {
  if (isTriageError(err)) {
    log.info('triage refused', { where, code: err.code });
    return err.message;
  }
  const slack = (err as { code?: string; data?: { error?: string } }) ?? {};
  log.error('slack handler failed', {
    where,
    code: slack.code,
    slackError: slack.data?.error,
    error: err instanceof Error ? err.message : String(err),
  });
  return OOPS;
}

/**
 * Runs one handler's work after ack() so that nothing escapes: a coded failure is shown in its own words, a
 * Slack or unexpected error is logged and told as a short apology, where there is a way to tell the user.
 */
export async function guard(
  log: Logger,
  where: string,
  handle: () => Promise<void>,
  tell?: (m: SlackMessage) => Promise<unknown>,
) {
  try {
    await handle();
  } catch (err) {
    const message = messageFor(err, log, where);
    if (!tell) return;
    try {
      await tell(renderNotice(message));
    } catch (again) {
      log.error('could not tell the user about a failure', { where, error: String(again) });
    }
  }
}
