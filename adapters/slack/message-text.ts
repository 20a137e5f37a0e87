/** What a Slack message carries that may hold an invitation: text, rich-text blocks, attachments and files. */
export interface SlackMessageLike {
  text?: string;
  blocks?: unknown[];
  attachments?: { title?: string; text?: string; fallback?: string }[];
  files?: SlackFile[];
}

/**
 * A shared file. An email forwarded into Slack is one of type 'email' with its text inline; any other (an .eml
 * or .txt upload, a screenshot) is downloaded from url_private_download with the bot token (files.ts).
 */
export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  filetype?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  /** 'tombstone' for a deleted file, 'hidden_by_limit' beyond a free workspace's history. */
  mode?: string;
  /** 'check_file_info' when the event carries only a stub of the file. */
  file_access?: string;
  subject?: string;
  from?: { name?: string; address?: string }[];
  plain_text?: string;
  preview?: string;
}

/** The readable text of a message, and the files it carries that are to be downloaded to be read. */
export interface MessageText {
  text: string;
  files: SlackFile[];
}

export function readMessage(message: SlackMessageLike): MessageText {
  const parts: string[] = [];
  const text = message.text?.trim() ?? '';
  // Slack sends the same words as text and as rich_text blocks; the blocks count only when text is empty.
  parts.push(text || richText(message.blocks ?? []));
  for (const a of message.attachments ?? []) parts.push(a.title ?? '', a.text ?? a.fallback ?? '');
  const files: SlackFile[] = [];
  for (const f of message.files ?? []) {
    if (f.filetype === 'email') parts.push(emailText(f));
    else files.push(f);
  }
  return { text: parts.filter((p) => p.trim() !== '').join('\n'), files };
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
