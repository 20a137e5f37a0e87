import type { Json } from './discord-fake-rest.js';

/**
 * What Discord refuses in a message body (400, 50035 Invalid Form Body), as documented: embed sizes one by one
 * and 6,000 in all, 2,000 of content, five action rows of five buttons or one select of 25 options, labels of
 * 80 (buttons) or 100 (options), custom ids of 100. An empty list means Discord would take it.
 */
export function discordLimitErrors(body: Json): string[] {
  const errors: string[] = [];
  if (typeof body?.content === 'string' && body.content.length > 2000) errors.push('content over 2000');
  const embeds: Json[] = body?.embeds ?? [];
  if (embeds.length > 10) errors.push('more than 10 embeds');
  let total = 0;
  for (const e of embeds) {
    const over = (what: string, text: string | undefined, max: number) => {
      if ((text?.length ?? 0) > max) errors.push(`embed ${what} over ${max}`);
      total += text?.length ?? 0;
    };
    over('title', e.title, 256);
    over('description', e.description, 4096);
    over('footer', e.footer?.text, 2048);
    over('author', e.author?.name, 256);
    const fields: Json[] = e.fields ?? [];
    if (fields.length > 25) errors.push('more than 25 fields');
    for (const f of fields) {
      if (!f.name || !f.value) errors.push('an empty field');
      over('field name', f.name, 256);
      over('field value', f.value, 1024);
    }
  }
  if (total > 6000) errors.push(`embeds total ${total}, over 6000`);
  const rows: Json[] = body?.components ?? [];
  if (rows.length > 5) errors.push('more than 5 action rows');
  const ids = new Set<string>();
  for (const row of rows) {
    const items: Json[] = row.components ?? [];
    if (items.length === 0) errors.push('an empty action row');
    const selects = items.filter((c) => c.type === 3);
    if (items.length > 5) errors.push('more than 5 components in a row');
    if (selects.length > 0 && items.length > 1) errors.push('a select shares its row');
    for (const c of items) {
      if (c.custom_id !== undefined) {
        if (c.custom_id.length > 100) errors.push('custom id over 100');
        if (ids.has(c.custom_id)) errors.push(`custom id ${c.custom_id} twice`);
        ids.add(c.custom_id);
      }
      if (c.type === 2 && (c.label?.length ?? 0) > 80) errors.push('button label over 80');
      if (c.type === 3) {
        const options: Json[] = c.options ?? [];
        if (options.length === 0 || options.length > 25) errors.push('a select needs 1 to 25 options');
        for (const o of options) if (o.label.length > 100 || o.value.length > 100) errors.push('option over 100');
      }
    }
  }
  return errors;
}
