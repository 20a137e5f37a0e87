import { TriageError } from '../../src/core/errors.js';
import type { Service } from '../../src/service/index.js';
import { checkDeclaredSize, type DownloadTuning, download, limitFor, type SharedFile } from '../download.js';
import type { MessageText, SlackFile } from './message-text.js';

/** At most this many files of one message are read: an invitation is one email or one screenshot. */
export const MAX_FILES = 3;

/** What the Slack listeners need to read shared files: the service's readers, and where Slack's files are. */
export interface SlackFiles {
  /**
   * The invitation text of a message: its own words and what its files say, each file downloaded with the bot
   * token. A file that cannot be read is a note beside the rest; when nothing at all is readable, its one line
   * is thrown as a TriageError.
   */
  read(message: MessageText, token: string | undefined, info?: FileInfo): Promise<{ text: string; notes: string[] }>;
}

/** files.info: the whole file object, for a file an event describes only in part (file_access: check_file_info). */
export type FileInfo = (id: string) => Promise<SlackFile | undefined>;

/** files.info through a Web API client; a refusal reads as no file, which the reader explains. */
export function fileInfoVia(client: {
  files: { info(args: { file: string }): Promise<{ file?: unknown }> };
}): FileInfo {
  return (id) =>
    client.files.info({ file: id }).then(
      (r) => r.file as SlackFile | undefined,
      () => undefined,
    );
}

/** Slack's own domains, commercial and GovSlack: the only hosts that get the bot token unless SLACK_API_URL says. */
const SLACK_DOMAINS = ['slack.com', 'slack-gov.com'];
const isSlackHost = (host: string) => SLACK_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));

/**
 * Where to download a Slack file from: its own address on Slack's https hosts. With SLACK_API_URL pointing
 * somewhere other than Slack (a proxy, or the fake Slack in tests) the same path on that host instead, as the Web
 * API calls go there. Any other address gets nothing, so the bot token goes nowhere else.
 */
export function fileUrl(url: string | undefined, apiUrl?: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const base = apiUrl ? new URL(apiUrl) : null;
  if (base && !isSlackHost(base.hostname)) return new URL(parsed.pathname + parsed.search, base.origin).href;
  return parsed.protocol === 'https:' && isSlackHost(parsed.hostname) ? parsed.href : null;
}

/** A file's name as the user knows it: its name, else its title, else its type. */
export function fileName(f: SlackFile): string {
  return f.name || f.title || (f.filetype ? `a ${f.filetype} file` : 'that file');
}

const IMAGE_TYPES = new Set(['png', 'jpg', 'jpeg', 'webp', 'gif', 'bmp', 'heic']);

export function isImage(f: SlackFile): boolean {
  return (f.mimetype ?? '').startsWith('image/') || IMAGE_TYPES.has((f.filetype ?? '').toLowerCase());
}

/** What the user is told while the files are read: OCR takes a second or two. */
export function readingLine(files: SlackFile[]): string {
  const [only] = files;
  if (files.length > 1) return `Reading your ${Math.min(files.length, MAX_FILES)} files…`;
  if (only && isImage(only)) return 'Reading your screenshot…';
  return `Reading ${only ? fileName(only) : 'your file'}…`;
}

const timeout = (l: DownloadTuning) => (l.timeoutMs ? { timeoutMs: l.timeoutMs } : {});

/** The Slack file reader over the service's input readers; `apiUrl` is SLACK_API_URL when it is set. */
export function slackFiles(service: Service, apiUrl?: string, limits: DownloadTuning = {}): SlackFiles {
  const readOne = async (given: SlackFile, token: string | undefined, info?: FileInfo): Promise<string> => {
    let f = given;
    // Slack Connect and large events carry a stub: its address and size come from files.info.
    const partial = f.file_access === 'check_file_info' || !(f.url_private_download ?? f.url_private);
    if (partial && f.id && info) f = { ...f, ...(await info(f.id)) };
    const name = fileName(f);
    if (f.mode === 'tombstone' || f.mode === 'hidden_by_limit') {
      throw new TriageError('not_found', `${name} is no longer available in Slack. Share it again, or paste its text.`);
    }
    const url = fileUrl(f.url_private_download ?? f.url_private, apiUrl);
    const shared: SharedFile = { url: url ?? '', name, size: f.size, mimeType: f.mimetype };
    const maxBytes = limitFor(service.input, name, f.mimetype);
    checkDeclaredSize(shared, maxBytes);
    if (!url)
      throw new TriageError(
        'not_found',
        `Slack did not give me ${name} to download. Share it again, or paste its text.`,
      );
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const got = await download(shared, { platform: 'Slack', headers, maxBytes, ...timeout(limits) });
    // Without the files:read scope Slack answers with its sign-in page rather than an error.
    if (got.contentType.startsWith('text/html') && !(f.mimetype ?? '').includes('html')) {
      throw new TriageError(
        'bad_argument',
        `Slack sent me a sign-in page instead of ${name}: the app may lack the files:read permission. Ask a workspace admin to reinstall it, or paste the text.`,
      );
    }
    const read = await service.input.read({
      bytes: got.bytes,
      name,
      ...(f.mimetype ? { mimeType: f.mimetype } : {}),
    });
    return read.text;
  };
  return {
    async read(message, token, info) {
      const texts = [message.text];
      const problems: string[] = [];
      const files = message.files;
      for (const f of files.slice(0, MAX_FILES)) {
        try {
          texts.push(await readOne(f, token, info));
        } catch (err) {
          if (!(err instanceof TriageError)) throw err;
          problems.push(err.message);
        }
      }
      const text = texts.filter((t) => t.trim() !== '').join('\n');
      const [first] = problems;
      if (text === '' && first) throw new TriageError('bad_argument', problems.length > 1 ? problems.join(' ') : first);
      if (files.length > MAX_FILES) problems.push(`I read the first ${MAX_FILES} files of that message only.`);
      return { text, notes: problems };
    },
  };
}
