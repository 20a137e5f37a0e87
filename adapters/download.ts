import { TriageError } from '../src/core/errors.js';

/** How long a download may take before it is given up: the user is waiting on the other side. */
export const DOWNLOAD_TIMEOUT_MS = 10_000;

/** A file a user shared, as far as the platform describes it before it is downloaded. */
export interface SharedFile {
  url: string;
  name: string;
  /** The size the platform declares, checked before anything is downloaded. */
  size?: number | undefined;
  mimeType?: string | undefined;
}

/** A shorter download timeout, for tests. */
export interface DownloadTuning {
  timeoutMs?: number;
}

/** How to download: where from (for the messages), headers such as a bearer token, and the limits. */
export interface DownloadOptions {
  platform: 'Slack' | 'Discord';
  maxBytes: number;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** A downloaded file's bytes and the type its host served it as. */
export interface Downloaded {
  bytes: Uint8Array;
  contentType: string;
}

/** "2.4 MB" or "64 KB" (decimal units, as the input service counts), for the refusal of a file too large. */
export function sizeText(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.ceil(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/** The service's limits, by the kind of file: a text or an email is allowed less than a screenshot. */
export interface InputLimits {
  maxBytes(kind: 'text' | 'email' | 'image'): number;
  maxAnyBytes(): number;
}

/**
 * The most bytes to download of a file, by what its name and MIME type say it is (the service checks the bytes
 * again once they are in).
 */
export function limitFor(limits: InputLimits, name: string, mimeType?: string): number {
  const type = (mimeType ?? '').toLowerCase();
  const kind =
    /\.(png|jpe?g|webp)$/i.test(name) || type.startsWith('image/')
      ? 'image'
      : /\.eml$/i.test(name) || type.startsWith('message/rfc822')
        ? 'email'
        : /\.txt$/i.test(name) || type.startsWith('text/plain')
          ? 'text'
          : undefined;
  return kind ? limits.maxBytes(kind) : limits.maxAnyBytes();
}

/** The refusal of a file over the limit, from its declared size or from what arrived. */
export function tooLarge(name: string, max: number, size?: number): TriageError {
  const is = size ? ` is ${sizeText(size)}:` : ' is too large:';
  return new TriageError(
    'file_too_large',
    `${name}${is} I read files up to ${sizeText(max)}. Paste the invitation's text, or a smaller screenshot.`,
  );
}

/** Refuses a file whose declared size is over the limit, before any byte of it is fetched. */
export function checkDeclaredSize(file: SharedFile, max: number): void {
  if (file.size !== undefined && file.size > max) throw tooLarge(file.name, max, file.size);
}

/**
 * Downloads a shared file into memory, refusing it as soon as it is known to be over the limit: by its declared
 * size, its Content-Length, or the bytes streamed so far. A slow or failing host gives one clear line, not a
 * stack trace.
 */
export async function download(file: SharedFile, opts: DownloadOptions): Promise<Downloaded> {
  const max = opts.maxBytes;
  const timeoutMs = opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  checkDeclaredSize(file, max);
  const signal = AbortSignal.timeout(timeoutMs);
  const failed = (why: string) =>
    new TriageError(
      'bad_argument',
      `I couldn't download ${file.name} from ${opts.platform} (${why}). Try again, or paste the invitation's text.`,
    );
  const timedOut = () => failed(`no answer within ${timeoutMs / 1000} s`);
  let res: Response;
  try {
    res = await fetch(file.url, { headers: opts.headers ?? {}, signal });
  } catch {
    throw signal.aborted ? timedOut() : failed('the connection failed');
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => {});
    throw failed(`HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > max) {
    await res.body.cancel().catch(() => {});
    throw tooLarge(file.name, max, declared);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      // A host may declare no size, or a wrong one: the bytes themselves are counted.
      if (total > max) {
        await reader.cancel().catch(() => {});
        throw tooLarge(file.name, max);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof TriageError) throw err;
    throw signal.aborted ? timedOut() : failed('the connection broke off');
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, contentType: res.headers.get('content-type') ?? '' };
}
