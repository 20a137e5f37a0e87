import type { Everything, UserRow } from './ports.js';

const iso = (ms: number | null | undefined) => (ms == null ? '' : new Date(ms).toISOString());

/** What the export says about who it is for: the user's own row, as stored. */
export interface ExportedUser {
  identity: object;
  row: UserRow | undefined;
}

/**
 * Everything held about the user as one JSON document: their own row (time zone, settings, since when), every
 * table they own, and their digest claims. Stored JSON columns are unpacked; every time is ISO 8601, as in CSV.
 */
export function toJson(user: ExportedUser, data: Everything): string {
  const parse = (s: string) => JSON.parse(s) as unknown;
  const row = user.row;
  return JSON.stringify(
    isoTimes({
      exportedFor: user.identity,
      user: row ? { timezone: row.timezone, settings: parsePrefs(row.prefs), createdAt: row.createdAt } : null,
      invitations: data.invitations.map((i) => ({ ...i, context: parse(i.context) })),
      triages: data.triages.map(({ state: _state, ...t }) => t),
      answers: data.answers,
      decisions: data.decisions.map((d) => ({ ...d, reasons: parse(d.reasons) })),
      policies: data.policies.map((p) => ({
        platform: p.platform,
        criteria: parse(p.criteria),
        updatedAt: p.updatedAt,
      })),
      timeLogs: data.timeLogs,
      budgets: data.budgets,
      digestClaims: data.digestClaims,
    }),
    null,
    2,
  );
}

/** Stored times are epoch milliseconds under names ending in "At"; the export gives them as ISO 8601. */
function isoTimes(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && key.endsWith('At')) return iso(value);
  if (Array.isArray(value)) return value.map((v) => isoTimes(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isoTimes(v, k)]));
  }
  return value;
}

function parsePrefs(prefs: string): unknown {
  try {
    return JSON.parse(prefs);
  } catch {
    return prefs;
  }
}

const HEADER = [
  'triage_id',
  'received_at',
  'platform',
  'inviter',
  'outcome',
  'decided_by',
  'explanation',
  'answers',
  'decided_at',
  'superseded_at',
];

/**
 * The decisions table: one row per decision (revised ones included, with superseded_at), and one per triage still
 * open. The rest of what is held (settings, time, policies, digests) is in the JSON export.
 */
export function toCsv(data: Everything): string {
  const invitationOf = new Map(data.invitations.map((i) => [i.id, i]));
  const rows: string[][] = [];
  for (const t of data.triages) {
    const inv = invitationOf.get(t.invitationId);
    const base = [String(t.id), iso(inv?.createdAt), inv?.platform ?? '', inv?.inviter ?? ''];
    const decisions = data.decisions.filter((d) => d.triageId === t.id);
    if (decisions.length === 0) rows.push([...base, 'open', '', '', '', '', '']);
    for (const d of decisions) {
      const reasons = JSON.parse(d.reasons) as { criterion: string; answer: string }[];
      const answers = reasons.map((r) => `${r.criterion}=${r.answer}`).join('; ');
      rows.push([...base, d.outcome, d.decidedBy ?? '', d.explanation, answers, iso(d.decidedAt), iso(d.supersededAt)]);
    }
  }
  return `${[HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Quotes as RFC 4180 wants, and defuses cells a spreadsheet would run as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
