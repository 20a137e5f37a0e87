/** Tags after which a reader sees a new line; everything else flows inline. */
const BLOCK = /^(p|div|br|tr|li|h[1-6]|table|section|article|header|footer|blockquote|hr|ul|ol|center|td|th)$/i;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  zwnj: '',
  zwj: '',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

function entity(_: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED[body.toLowerCase()] ?? `&${body};`;
}

/**
 * Removes comments and the elements that show nothing (script, style, head, title) with their content, in one
 * pass: one left unclosed ends the text there. (A lazy regex would rescan to the end for each unclosed one.)
 */
function dropInvisible(html: string): string {
  const lower = html.toLowerCase();
  const open = /<!--|<(script|style|head|title)\b/g;
  let out = '';
  let from = 0;
  for (let m = open.exec(lower); m; m = open.exec(lower)) {
    out += `${html.slice(from, m.index)} `;
    const closer = m[1] ? `</${m[1]}` : '-->';
    const close = lower.indexOf(closer, open.lastIndex);
    if (close < 0) return out;
    const end = m[1] ? lower.indexOf('>', close) : close + 2;
    from = end < 0 ? html.length : end + 1;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

/**
 * The visible text of an HTML mail body, one line per block, for the parser (not for display). Invitation mails
 * are tables of short blocks; their hidden preheaders, styles and scripts are dropped.
 */
export function htmlToText(html: string): string {
  return (
    dropInvisible(html)
      // A hidden preheader is short; the bound keeps a hostile run of unclosed hidden tags from going quadratic.
      .replace(/<([a-z][a-z0-9]*)\b[^>]{0,300}display\s*:\s*none[^>]{0,300}>[\s\S]{0,500}?<\/\1\s*>/gi, ' ')
      .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_, tag: string) => (BLOCK.test(tag) ? '\n' : ' '))
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, entity)
      .replace(/[ \t\u00a0\u200b]+/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
      .join('\n')
      .trim()
  );
}
