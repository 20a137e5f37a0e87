import { TriageError } from '../core/errors.js';

export const MAX_TEXT_LENGTH = 20_000;

/** The longest note a team's guidance may carry; adapters declare it as their field's limit. */
export const MAX_GUIDANCE_NOTE = 500;

/** Cleans pasted text, or throws a coded error that says what to do instead. Nothing is stored before this passes. */
export function cleanInvitationText(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new TriageError(
      'empty_input',
      'Paste an invitation, or describe it: for example "LinkedIn request from Dana Kim, recruiter at Acme".',
    );
  }
  if (raw.length > MAX_TEXT_LENGTH) {
    throw new TriageError(
      'too_long',
      `That text is ${raw.length.toLocaleString('en')} characters long. Paste at most ${MAX_TEXT_LENGTH.toLocaleString('en')}: the notification itself is enough.`,
    );
  }
  let junk = 0;
  const text = raw
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd\ufffe\uffff]/g, () => {
      junk++;
      return ' ';
    })
    .trim();
  if (junk > 8 && junk / raw.length > 0.1) {
    throw new TriageError(
      'bad_argument',
      'That looks like binary data, not an invitation. Paste the text of the message.',
    );
  }
  if (text === '')
    throw new TriageError('empty_input', 'There is no readable text in that. Paste the invitation itself.');
  return text;
}
