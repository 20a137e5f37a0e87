import type { Everything } from './ports.js';

const iso = (ms: number | null | undefined) => (ms == null ? '' : new Date(ms).toISOString());

/** Everything as one JSON document, with stored JSON columns unpacked. */
export function toJson(identity: object, data: Everything): string {
  const parse = (s: string) => JSON.parse(s) as unknown;
  return JSON.stringify(
    {
      exportedFor: identity,
      invitations: data.invitations.map((i) => ({ ...i, context: parse(i.context) })),
      triages: data.triages.map(({ state: _state, ...t }) => t),
      answers: data.answers,
      decisions: data.decisions.map((d) => ({ ...d, reasons: parse(d.reasons) })),
      policies: data.policies.map((p) => ({ platform: p.platform, criteria: parse(p.criteria) })),
      timeLogs: data.timeLogs,
      budgets: data.budgets,
    },
    null,
    2,
  );
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

/** One row per decision (revised ones included, with superseded_at), and one per triage still open. */
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
