/** What a file is, judged from its first bytes and then its name and MIME type. */
export type Sniffed =
  | { kind: 'image'; format: ImageFormat }
  | { kind: 'email'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'other'; what: string };

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Signatures of files people attach by mistake, named so the refusal can say what the file was. */
const OTHERS: readonly { sig: readonly number[]; at?: number; what: string }[] = [
  { sig: ascii('%PDF'), what: 'a PDF' },
  { sig: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (or an Office document)' },
  { sig: [0x50, 0x4b, 0x05, 0x06], what: 'an empty zip archive' },
  { sig: [0x1f, 0x8b], what: 'a gzip archive' },
  { sig: ascii('Rar!'), what: 'a RAR archive' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Office document or an Outlook .msg' },
  { sig: ascii('II*\u0000'), what: 'a TIFF image' },
  { sig: ascii('MM\u0000*'), what: 'a TIFF image' },
  { sig: ascii('ftypheic'), at: 4, what: 'a HEIC photo' },
  { sig: ascii('ftypheix'), at: 4, what: 'a HEIC photo' },
  { sig: ascii('ftypmif1'), at: 4, what: 'a HEIF photo' },
  { sig: ascii('ftyp'), at: 4, what: 'a video' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { sig: ascii('MZ'), what: 'a Windows program' },
  { sig: ascii('<svg'), what: 'an SVG drawing' },
  { sig: ascii('ID3'), what: 'an audio file' },
  { sig: ascii('OggS'), what: 'an audio file' },
];

function imageFormat(b: Uint8Array): ImageFormat | undefined {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8)) return 'webp';
  if (starts(b, ascii('GIF87a')) || starts(b, ascii('GIF89a'))) return 'gif';
  if (starts(b, ascii('BM')) && b.length > 26) return 'bmp';
  return undefined;
}

/**
 * A header block of a raw message: header lines (folded lines allowed) up to the first blank line, with at least
 * one header only a mail program writes. Forwarded text that merely begins "From: ..." stays text.
 */
const HEADER = /^[A-Za-z0-9][A-Za-z0-9-]*:[ \t]?/;
const MAILER_HEADER =
  /^(mime-version|content-type|content-transfer-encoding|received|message-id|return-path|dkim-signature|delivered-to|x-[a-z0-9-]+):/i;

export function looksLikeRawEmail(text: string, needMailerHeader = true): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 200);
  let headers = 0;
  let mailer = false;
  for (const line of lines) {
    if (line === '') return headers >= 2 && (mailer || !needMailerHeader);
    if (/^[ \t]/.test(line) && headers > 0) continue;
    if (!HEADER.test(line)) return false;
    headers++;
    if (MAILER_HEADER.test(line)) mailer = true;
  }
  return headers >= 2 && (mailer || !needMailerHeader) && lines.length < 200;
}

const EML_NAME = /\.(eml|mht|mhtml)$/i;
const EML_MIME = /^message\/rfc822\b/i;

/** Judges the bytes first: a name or a MIME type can lie, a PNG signature does not. */
export function sniff(bytes: Uint8Array, name?: string, mimeType?: string): Sniffed {
  const format = imageFormat(bytes);
  if (format) return { kind: 'image', format };
  for (const o of OTHERS) if (starts(bytes, o.sig, o.at)) return { kind: 'other', what: o.what };
  const namedEmail = (name !== undefined && EML_NAME.test(name)) || (mimeType !== undefined && EML_MIME.test(mimeType));
  // Decoded only now: a 10 MB screenshot is never turned into a string.
  const text = decodeText(bytes);
  if (text === undefined) return { kind: 'other', what: 'binary data' };
  // A file named .eml (or sent as message/rfc822) needs only a header block: a hand-saved one may lack a mailer's.
  if (looksLikeRawEmail(text, !namedEmail)) {
    return { kind: 'email', text };
  }
  return { kind: 'text', text };
}

/**
 * Bytes as text: UTF-8, or else Windows-1252 (what an older Windows program saves, and a superset of Latin-1), so
 * "Hélène" in a .txt from Notepad still reads. Undefined when they are mostly control characters: binary data.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > 8 && controls / text.length > 0.02 ? undefined : text;
}
