import { TriageError } from '../core/errors.js';
import type { OutboundMessage } from '../core/message.js';
import type { Service, UserRef } from './index.js';

/**
 * `invite-triage time <platform> <duration> [--at work|home]`: logs the time, returns the confirmation line.
 * Takes raw argv, since a generic option parser would read "-5m" as an option instead of a bad duration.
 */
export async function runTimeCommand(service: Service, user: UserRef, argv: readonly string[]): Promise<string> {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const inline = /^--at=(.*)$/.exec(arg);
    if (arg === '--at' || inline) {
      const place = inline ? inline[1] : argv[++i];
      if (place !== 'work' && place !== 'home') throw new TriageError('bad_argument', '--at is work or home.');
      words.push('at', place);
    } else words.push(arg);
  }
  return (await service.time.log(user, words.join(' '))).message;
}

/** `invite-triage budget <platform> <duration> [leads|contacts|friends]`, or `<platform> off`. */
export async function runBudgetCommand(service: Service, user: UserRef, argv: readonly string[]): Promise<string> {
  return (await service.time.budget(user, argv.join(' '))).message;
}

/** `invite-triage digest --preview [--last]`: the week so far (or last week's), sending nothing. */
export function runDigestPreview(
  service: Service,
  user: UserRef,
  opts: { current?: boolean; last?: boolean } = {},
): Promise<OutboundMessage> {
  return service.digest.preview(user, { week: opts.last ? 'last' : 'current' });
}
