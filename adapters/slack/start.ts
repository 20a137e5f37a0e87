import type { UserRef } from '../../src/core/user.js';
import type { Service, StartOptions } from '../../src/service/index.js';
import { MAX_TEXT_LENGTH } from '../../src/service/input.js';
import { renderTriage, type SlackMessage } from './render.js';

/**
 * Starts a triage from text a user pasted (or a file gave); very long text is cut to what the service accepts,
 * with a note. `extra` are notes shown on the card too (a file beside the text that could not be read).
 */
export async function startTriage(
  service: Service,
  user: UserRef,
  raw: string,
  opts: StartOptions,
  extra: string[] = [],
): Promise<SlackMessage> {
  const notes: string[] = [...extra];
  let text = raw;
  if (text.length > MAX_TEXT_LENGTH) {
    text = text.slice(0, MAX_TEXT_LENGTH);
    notes.push(
      `Your text was ${raw.length.toLocaleString('en')} characters long: I read the first ${MAX_TEXT_LENGTH.toLocaleString('en')}.`,
    );
  }
  const view = await service.triage.startFromText(user, text, opts);
  return renderTriage(view, notes);
}
