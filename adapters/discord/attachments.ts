import type { Attachment, Message } from 'discord.js';
import { TriageError } from '../../src/core/errors.js';
import type { Service } from '../../src/service/index.js';
import { checkDeclaredSize, type DownloadTuning, download, limitFor } from '../download.js';
import { messageText } from './to-core.js';

/** At most this many attachments of one message are read: an invitation is one email or one screenshot. */
export const MAX_ATTACHMENTS = 3;

/** Discord's attachment hosts; the bot downloads from nowhere else (SSRF), except DISCORD_API_URL's host. */
const CDN_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

/** The part of a message read for an invitation: its text, embeds and attachments. */
export type Readable = Pick<Message, 'content' | 'embeds' | 'attachments'>;

/** Reads a message's attachments (.eml, .txt, screenshots) through the service's readers. */
export interface DiscordFiles {
  /**
   * The invitation text of a message: its own words and what its attachments say. An attachment that cannot be
   * read is a note beside the rest; when nothing at all is readable, its one line is thrown as a TriageError.
   */
  read(message: Readable): Promise<{ text: string; notes: string[] }>;
}

/** Whether the bot may download from this address: https on Discord's CDN, or the configured API's host. */
export function allowedUrl(url: string, apiUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (apiUrl && parsed.hostname === new URL(apiUrl).hostname) return true;
  return parsed.protocol === 'https:' && CDN_HOSTS.has(parsed.hostname);
}

/** Whether an attachment is a picture: the "typing…" hint and the wording differ for those. */
export function isImage(a: Pick<Attachment, 'contentType' | 'name'>): boolean {
  return (a.contentType ?? '').startsWith('image/') || /\.(png|jpe?g|webp|gif)$/i.test(a.name);
}

/** The reader over the service; `apiUrl` is DISCORD_API_URL when set (a proxy, or the fakes in tests). */
export function discordFiles(service: Service, apiUrl?: string, limits: DownloadTuning = {}): DiscordFiles {
  const readOne = async (a: Attachment): Promise<string> => {
    const name = a.name || 'that file';
    const maxBytes = limitFor(service.input, name, a.contentType ?? undefined);
    checkDeclaredSize({ url: a.url, name, size: a.size }, maxBytes);
    if (!allowedUrl(a.url, apiUrl)) {
      throw new TriageError('bad_argument', `${name} is not on Discord's servers, so I did not download it.`);
    }
    // Attachment URLs are signed by Discord: no token is sent with them.
    const got = await download(
      { url: a.url, name, size: a.size, mimeType: a.contentType ?? undefined },
      { platform: 'Discord', maxBytes, ...(limits.timeoutMs ? { timeoutMs: limits.timeoutMs } : {}) },
    );
    const read = await service.input.read({
      bytes: got.bytes,
      name,
      ...(a.contentType ? { mimeType: a.contentType } : {}),
    });
    return read.text;
  };
  return {
    async read(message) {
      const texts = [messageText(message)];
      const problems: string[] = [];
      const attachments = [...message.attachments.values()];
      for (const a of attachments.slice(0, MAX_ATTACHMENTS)) {
        try {
          texts.push(await readOne(a));
        } catch (err) {
          if (!(err instanceof TriageError)) throw err;
          problems.push(err.message);
        }
      }
      const text = texts.filter((t) => t.trim() !== '').join('\n');
      const [first] = problems;
      if (text === '' && first) throw new TriageError('bad_argument', problems.join(' '));
      if (attachments.length > MAX_ATTACHMENTS) {
        problems.push(`I read the first ${MAX_ATTACHMENTS} attachments of that message only.`);
      }
      return { text, notes: problems };
    },
  };
}
