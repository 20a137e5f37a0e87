import type { APIEmbed } from 'discord.js';

/** Discord's limits on an embed, in characters; `total` counts title, description, fields, footer and author. */
export const EMBED = { title: 256, description: 4096, fields: 25, name: 256, value: 1024, total: 6000 } as const;

/** Clips already-escaped markdown, never leaving a lone backslash that would escape the ellipsis. */
export function clipEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const dangling = /\\+$/.exec(cut)?.[0].length ?? 0;
  return `${dangling % 2 ? cut.slice(0, -1) : cut}…`;
}

export function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    fields
  );
}

/** Below this a part is not shortened further: the embed is trimmed elsewhere first. */
const FLOOR = 80;

/**
 * Shortens an embed until it is within Discord's total: each round clips the longest of the description and
 * the field names and values by what is over. Whatever the policy and names, Discord accepts the result.
 */
export function fitEmbed(data: APIEmbed, total: number = EMBED.total): APIEmbed {
  for (let over = embedLength(data) - total; over > 0; over = embedLength(data) - total) {
    const parts: { len: number; set: (s: string) => void; get: () => string }[] = [];
    if (data.description) {
      const d = data.description;
      parts.push({ len: d.length, get: () => d, set: (s) => (data.description = s) });
    }
    for (const f of data.fields ?? []) {
      parts.push({ len: f.name.length, get: () => f.name, set: (s) => (f.name = s) });
      parts.push({ len: f.value.length, get: () => f.value, set: (s) => (f.value = s) });
    }
    const longest = parts.sort((a, b) => b.len - a.len)[0];
    if (!longest || longest.len <= FLOOR) {
      // Only many short fields are left: drop the last ones.
      data.fields?.pop();
      if (!data.fields?.length) break;
      continue;
    }
    longest.set(clipEscaped(longest.get(), Math.max(FLOOR, longest.len - over)));
  }
  return data;
}

/**
 * Lines as embed fields, none over 1,024 characters: lines are kept whole where they fit, and the field name
 * is repeated as "(continued)". A line longer than a field is split.
 */
export function fieldsOf(name: string, lines: readonly string[]): { name: string; value: string }[] {
  const values: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => splitLong(l, EMBED.value))) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= EMBED.value) current = next;
    else {
      values.push(current);
      current = line;
    }
  }
  if (current || values.length === 0) values.push(current || '—');
  return values.map((value, k) => ({ name: k === 0 ? name : clipEscaped(`${name} (continued)`, EMBED.name), value }));
}

function splitLong(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let at = max;
    // Never split an escape from what it escapes.
    while (at > 0 && rest[at - 1] === '\\') at--;
    if (at === 0) at = max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  return [...out, rest];
}
