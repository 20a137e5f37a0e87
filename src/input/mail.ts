import PostalMime, { type Address } from 'postal-mime';
import { htmlToText } from './html-text.js';

/** Forwarded invitations nest the original mail; deeper than this is a crafted file, not a forward. */
const MAX_DEPTH = 3;

/** A mailbox as a reader would write it: `Name <address>`, or the address alone. */
function mailbox(a: Address): string {
  if (a.group) return a.group.map(mailbox).join(', ');
  return a.name && a.name !== a.address ? `${a.name} <${a.address}>` : a.address;
}

/**
 * The text of an .eml for the parser: Subject, From and To lines, a blank line, then the body. postal-mime decodes
 * quoted-printable, base64, charsets and encoded words, and turns an HTML-only body into text.
 */
export async function readMail(bytes: Uint8Array): Promise<string> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxRfc822NestingDepth: MAX_DEPTH });
  const lines: string[] = [];
  if (email.subject) lines.push(`Subject: ${email.subject}`);
  if (email.from) lines.push(`From: ${mailbox(email.from)}`);
  if (email.to?.length) lines.push(`To: ${email.to.map(mailbox).join(', ')}`);
  const body = (email.text?.trim() ? email.text : htmlToText(email.html ?? ''))
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `${lines.join('\n')}\n\n${body}`.trim();
}
