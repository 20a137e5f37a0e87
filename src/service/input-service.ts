import { isTriageError, TriageError } from '../core/errors.js';
import { type ImageFormat, looksLikeRawEmail, type Sniffed, sniff } from './file-kind.js';
import { imageSize } from './image-size.js';
import { cleanInvitationText, MAX_TEXT_LENGTH } from './input.js';

/** Readers of files the service cannot read itself; src/input implements them, the composition root hands them in. */
export interface FileReaders {
  /** The text of an .eml: Subject, From and To lines, a blank line, then the body (HTML-only bodies as text). */
  mail(bytes: Uint8Array): Promise<string>;
  /** The text OCR reads in an image; may throw TriageError('reader_busy') when its queue is full. */
  image(bytes: Uint8Array): Promise<string>;
}

/** A file as a surface received it: the bytes, and the name and MIME type it came with, if any. */
export interface IncomingFile {
  bytes: Uint8Array;
  name?: string;
  mimeType?: string;
}

export type InputKind = 'text' | 'email' | 'image';

/** What was read from a file: text ready for the parser, and what kind of file it was. */
export interface ReadInput {
  text: string;
  kind: InputKind;
}

const MB = 1_000_000;
const LIMITS: Record<InputKind, number> = { text: MB, email: MB, image: 10 * MB };
/** A 5K screen is 14.7 million pixels; more is a photo or a poster, and costs the OCR worker hundreds of MB. */
export const MAX_IMAGE_PIXELS = 25_000_000;
const MAX_IMAGE_SIDE = 16_000;

const ACCEPTED = 'I can read .eml and .txt files and screenshots (PNG, JPEG, WebP)';
const mb = (n: number) => `${(n / MB).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** Reads invitation files: plain text, whole emails (.eml) and screenshots, each to text for the parser. */
export class InputService {
  constructor(private readonly readers?: FileReaders) {}

  /** The largest file of a kind this accepts, in bytes; surfaces check it before downloading. */
  maxBytes(kind: InputKind): number {
    return LIMITS[kind];
  }

  /** The largest file of any kind, for a surface that does not know the kind before it has the bytes. */
  maxAnyBytes(): number {
    return Math.max(...Object.values(LIMITS));
  }

  /** The text in a file, or a TriageError with one line saying what is wrong with it. */
  async read(file: IncomingFile): Promise<ReadInput> {
    const { bytes } = file;
    if (bytes.length === 0) throw new TriageError('empty_input', 'That file is empty.');
    if (bytes.length > this.maxAnyBytes()) throw tooLarge(bytes.length, this.maxAnyBytes());
    const sniffed = sniff(bytes, file.name, file.mimeType);
    if (sniffed.kind === 'other') throw unsupported(sniffed);
    if (bytes.length > LIMITS[sniffed.kind]) throw tooLarge(bytes.length, LIMITS[sniffed.kind]);
    if (sniffed.kind === 'text') return { text: cleanInvitationText(sniffed.text), kind: 'text' };
    if (sniffed.kind === 'email') return { text: await this.mail(bytes), kind: 'email' };
    return { text: await this.image(bytes, sniffed.format), kind: 'image' };
  }

  /**
   * Pasted text that is a whole raw email (MIME headers, encoded body) is read as the .eml it is; other text is
   * returned as it was, for the triage to clean. For a terminal's paste and a chat message's text.
   */
  async readPasted(text: string): Promise<ReadInput> {
    if (!looksLikeRawEmail(text)) return { text, kind: 'text' };
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > LIMITS.email) throw tooLarge(bytes.length, LIMITS.email);
    return { text: await this.mail(bytes), kind: 'email' };
  }

  private async mail(bytes: Uint8Array): Promise<string> {
    const reader = this.need();
    const text = await reader.mail(bytes).catch((err: unknown) => {
      throw isTriageError(err)
        ? err
        : new TriageError('bad_argument', 'That email file is damaged: I could not read it.');
    });
    if (!/\p{L}/u.test(text)) throw new TriageError('no_text_found', 'I found no readable text in that email.');
    return cleanInvitationText(cut(text));
  }

  private async image(bytes: Uint8Array, format: ImageFormat): Promise<string> {
    if (format === 'gif') {
      throw new TriageError('unsupported_file', `${ACCEPTED}; that is a GIF. Take a PNG screenshot instead.`);
    }
    const size = imageSize(bytes, format);
    if (!size) throw new TriageError('bad_argument', 'That image is damaged: I could not read its size.');
    if (size.width * size.height > MAX_IMAGE_PIXELS || Math.max(size.width, size.height) > MAX_IMAGE_SIDE) {
      throw new TriageError(
        'file_too_large',
        `That image is ${size.width}×${size.height} pixels; I read screenshots up to ${MAX_IMAGE_PIXELS / 1_000_000} million pixels. Crop it to the invitation.`,
      );
    }
    const reader = this.need();
    const text = await reader.image(bytes).catch((err: unknown) => {
      throw isTriageError(err) ? err : new TriageError('bad_argument', 'That image is damaged: I could not read it.');
    });
    // OCR of a blank or photographic image yields stray marks; a word needs letters.
    if ((text.match(/\p{L}/gu)?.length ?? 0) < 4) {
      throw new TriageError(
        'no_text_found',
        'I found no readable text in that image. Send a screenshot of the invitation, or paste its text.',
      );
    }
    return cleanInvitationText(cut(text));
  }

  private need(): FileReaders {
    if (!this.readers) {
      throw new TriageError(
        'reader_unavailable',
        'Reading email files and screenshots is not set up here; paste the text instead.',
      );
    }
    return this.readers;
  }
}

/** An email or a screenshot was accepted by its size; its text may still run long (footers), the start is enough. */
function cut(text: string): string {
  if (text.length <= MAX_TEXT_LENGTH) return text;
  const end = text.lastIndexOf('\n', MAX_TEXT_LENGTH);
  return text.slice(0, end > MAX_TEXT_LENGTH / 2 ? end : MAX_TEXT_LENGTH);
}

function tooLarge(size: number, max: number): TriageError {
  return new TriageError(
    'file_too_large',
    `That file is ${mb(size)}; I read files up to ${mb(max)}. Send the invitation alone.`,
  );
}

function unsupported(s: Sniffed & { kind: 'other' }): TriageError {
  return new TriageError('unsupported_file', `${ACCEPTED}; that is ${s.what}.`);
}
