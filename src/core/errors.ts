/** Stable codes for failures an adapter answers with a clear message. */
export type ErrorCode =
  | 'empty_input'
  | 'too_long'
  | 'unknown_platform'
  | 'not_found'
  | 'not_yours'
  | 'already_decided'
  | 'stale_question'
  | 'unknown_choice'
  | 'nothing_to_undo'
  | 'bad_argument'
  | 'not_an_invitation'
  | 'database_unavailable'
  | 'database_busy'
  | 'unsupported_file'
  | 'file_too_large'
  | 'no_text_found'
  | 'reader_busy'
  | 'reader_unavailable';

/** A failure with a code for logs and a message fit to show the user. */
export class TriageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TriageError';
  }
}

export function isTriageError(err: unknown): err is TriageError {
  return err instanceof TriageError;
}
