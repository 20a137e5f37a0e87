/** What a Slack message carries that may hold an invitation: text, rich-text blocks, attachments and files. */
export interface SlackMessageLike {
  text?: string;
  blocks?: unknown[];
  attachments?: { title?: string; text?: string; fallback?: string }[];
  files?: SlackFile[];
}

/** A shared file; an email forwarded into Slack is one of type 'email' with its text inline. */
interface SlackFile {
  filetype?: string;
  mimetype?: string;
  subject?: string;
  from?: { name?: string; address?: string }[];
  plain_text?: string;
  preview?: string;
}

/** The readable text of a message, and the kinds of file it carries that cannot be read yet. */
export interface MessageText {
  text: string;
  unreadable: string[];
}

export function readMessage(message: SlackMessageLike): MessageText {
  const parts: string[] = [];
  const text = message.text?.trim() ?? '';
  // Slack sends the same words as text and as rich_text blocks; the blocks count only when text is empty.
  parts.push(text || richText(message.blocks ?? []));
  for (const a of message.attachments ?? []) parts.push(a.title ?? '', a.text ?? a.fallback ?? '');
  const unreadable: string[] = [];
  for (const f of message.files ?? []) {
    if (f.filetype === 'email') parts.push(emailText(f));
    else unreadable.push(f.filetype || f.mimetype || 'file');
  }
  return { text: parts.filter((p) => p.trim() !== '').join('\n'), unreadable };
}

function emailText(f: SlackFile): string {
  const from = (f.from ?? []).map((p) => p.name || p.address || '').filter(Boolean);
  const head = [f.subject ?? '', from.length ? `From: ${from.join(', ')}` : ''];
  return [...head, f.plain_text || f.preview || ''].filter(Boolean).join('\n');
}

/** The words of rich_text blocks: sections, lists, quotes and code, one line each. */
function richText(blocks: unknown[]): string {
  const lines: string[] = [];
  const inline = (el: unknown): string => {
    const e = el as { type?: string; text?: string; url?: string; elements?: unknown[] };
    if (e.type === 'text') return e.text ?? '';
    if (e.type === 'link') return e.text || e.url || '';
    return (e.elements ?? []).map(inline).join('');
  };
  const walk = (el: unknown) => {
    const e = el as { type?: string; elements?: unknown[] };
    if (e.type === 'rich_text' || e.type === 'rich_text_list') (e.elements ?? []).forEach(walk);
    else if (e.type?.startsWith('rich_text_')) lines.push(inline(e));
  };
  for (const b of blocks) walk(b);
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** What to say when nothing in a message could be read; null when there was no file to blame. */
export function unreadableNote(read: MessageText): string | null {
  if (read.text.trim() !== '' || read.unreadable.length === 0) return null;
  const kinds = [...new Set(read.unreadable)].join(', ');
  return `I can't read that file yet (${kinds}). Paste the invitation's text, or describe it: "LinkedIn request from Dana Kim".`;
}
