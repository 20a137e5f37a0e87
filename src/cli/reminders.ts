import { reminderLine } from '../core/reminder-view.js';
import { parseReminderWords, reminderSettingsLine } from '../core/reminder-words.js';
import { parse, UsageError } from './args.js';
import type { CliContext } from './context.js';

const JSON_ONLY = { json: { type: 'boolean' } } as const;
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** `reminders [--json]`: the reminders to come, soonest first. */
export async function runReminders(argv: string[], ctx: CliContext): Promise<void> {
  const { values, positionals } = parse(argv, JSON_ONLY);
  if (positionals[0] !== undefined) throw new UsageError(`unexpected argument "${positionals[0].slice(0, 40)}"`);
  const list = await (await ctx.service()).reminders.list(ctx.user);
  const coming = list.items.filter((i) => i.sendAt !== null);
  if (values.json) {
    const rows = coming.map((i) => ({
      triageId: i.triageId,
      inviter: i.inviter,
      platform: i.platform,
      kind: i.kind,
      due: iso(i.sendAt),
    }));
    return ctx.out(JSON.stringify(rows));
  }
  if (coming.length === 0) return ctx.out('No reminders to come.');
  for (const i of coming) {
    ctx.out(`#${i.triageId}\t${iso(i.sendAt)}\t${i.kind}\t${i.platform ?? ''}\t${i.inviter ?? ''}`);
  }
}

/** `remind <#> in 3d | on 2027-01-15 | off`. */
export async function runRemind(argv: string[], ctx: CliContext): Promise<void> {
  const { values, positionals } = parse(argv, JSON_ONLY);
  const [first, ...when] = positionals;
  const m = /^#?(\d{1,12})$/.exec(first ?? '');
  if (!m) throw new UsageError('remind takes <#> and a time: remind 3 in 3d, remind 3 on 2027-01-15, remind 3 off');
  if (when.length === 0) throw new UsageError('say when: in 3d, on 2027-01-15, or off');
  const id = Number(m[1]);
  const service = await ctx.service();
  const item = await service.reminders.change(ctx.user, id, when.join(' '));
  if (values.json) return ctx.out(JSON.stringify({ triageId: id, due: iso(item?.sendAt ?? null) }));
  const { timeZone } = await service.reminders.list(ctx.user);
  ctx.out(item ? `#${id}: ${reminderLine(item, timeZone)}` : `#${id}: no reminder will come.`);
}

/** `settings [--json] [reminders off|light|standard] [quiet 21-8|off] [defer 7d]`. */
/**
 * `settings [--json] [--role <id>] [reminders …] [quiet …] [defer …]`: shows the settings, after changing the
 * role (the profession whose built-in rules apply) and the reminder words given.
 */
export async function runSettings(argv: string[], ctx: CliContext): Promise<void> {
  const { values, positionals } = parse(argv, { ...JSON_ONLY, role: { type: 'string' } });
  const { isRoleId, ROLE_IDS } = await import('../core/roles.js');
  if (values.role !== undefined && !isRoleId(values.role)) {
    throw new UsageError(`--role "${values.role.slice(0, 40)}" is not a role: one of ${ROLE_IDS.join(', ')}`);
  }
  const parsed = positionals.length > 0 ? parseReminderWords(positionals.join(' ')) : null;
  if (parsed && !parsed.ok) throw new UsageError(parsed.message);
  const service = await ctx.service();
  const reminders = parsed?.ok
    ? await service.reminders.updateSettings(ctx.user, parsed.patch)
    : await service.reminders.settings(ctx.user);
  const now =
    values.role === undefined
      ? await service.settings.get(ctx.user)
      : await service.settings.update(ctx.user, { role: values.role });
  const { role, timezone, digest } = now;
  if (values.json) return ctx.out(JSON.stringify({ role, timezone, digest, reminders }));
  ctx.out(
    [
      reminderSettingsLine(reminders),
      `role: ${role ?? 'not set (the original policy)'}`,
      `timezone: ${timezone ?? 'not set'}`,
    ].join('\n'),
  );
}
