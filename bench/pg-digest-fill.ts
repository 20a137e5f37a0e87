import type pg from 'pg';
import { NOW } from './digest-fill.js';

const SPAN_START = Date.parse('2025-02-17T00:00:00Z');
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC', 'America/Los_Angeles'];
const PLATFORMS = ['linkedin', 'facebook', 'x', 'instagram', 'github'];
const OUTCOMES = [
  'decline',
  'decline',
  'decline',
  'decline',
  'decline',
  'decline',
  'accept',
  'accept',
  'defer',
  'redirect',
];

const arr = (xs: readonly (string | null)[]) =>
  `ARRAY[${xs.map((x) => (x === null ? 'NULL' : `'${x}'`)).join(', ')}]::text[]`;
const pick = (xs: readonly (string | null)[]) => `(${arr(xs)})[1 + floor(random() * ${xs.length})::int]`;

/**
 * The same shape of data as bench/digest-fill.ts fills into SQLite (users in six zones and 50 teams, budgets,
 * guidance, decisions and time logs spread over three weeks in arrival order), generated inside PostgreSQL
 * from a fixed seed: sending millions of rows from node would only measure the loading.
 */
export async function fillPg(c: pg.Client, users: number, rows: number): Promise<void> {
  const span = NOW - SPAN_START;
  await c.query('BEGIN');
  await c.query('SELECT setseed(0.42)');
  await c.query(`
    INSERT INTO users (id, provider, workspace, external_id, timezone, prefs, created_at)
    SELECT u, 'slack', 'E1:T' || (u % 50), 'U' || u, (${arr(ZONES)})[1 + u % 6], '{}', 0
    FROM generate_series(1, ${users}) u`);
  await c.query(`
    INSERT INTO budgets (user_id, platform, weekly_minutes, expectation, updated_at)
    SELECT u, 'linkedin', 60 + (u % 4) * 30, ${pick(['leads', 'contacts', null])}, 0 FROM generate_series(1, ${users}) u
    UNION ALL
    SELECT u, 'facebook', 60, 'friends', 0 FROM generate_series(3, ${users}, 3) u`);
  await c.query(`
    INSERT INTO team_guidance (team, work_hours_ok, note, updated_at)
    SELECT 'slack:E1:T' || t, t % 2 = 1, 'Company news only.', 0 FROM generate_series(0, 49) t`);
  await c.query(`
    CREATE TEMP TABLE ev ON COMMIT DROP AS
    SELECT i, 1 + floor(random() * ${users})::int AS u, (${SPAN_START} + floor(i::float8 / ${rows} * ${span}))::bigint AS at,
           ${pick(PLATFORMS)} AS platform, random() < 0.6 AS decided, ${pick(OUTCOMES)} AS outcome,
           5 + floor(random() * 55)::int AS minutes, ${pick(['work', 'home', null])} AS place
    FROM generate_series(0, ${rows - 1}) i`);
  await c.query(`
    INSERT INTO invitations (id, user_id, platform, inviter, text, source, created_at)
    SELECT i + 1, u, platform, 'Person ' || (i + 1), 'x', 'bench', at FROM ev WHERE decided`);
  await c.query(`
    INSERT INTO triages (id, user_id, invitation_id, status, state, outcome, created_at, updated_at)
    SELECT i + 1, u, i + 1, 'decided', '{}', outcome, at, at FROM ev WHERE decided`);
  await c.query(`
    INSERT INTO decisions (triage_id, user_id, platform, outcome, reasons, explanation, decided_at)
    SELECT i + 1, u, platform, outcome, '[]', '', at FROM ev WHERE decided`);
  await c.query(`
    INSERT INTO time_logs (user_id, platform, minutes, place, logged_at)
    SELECT u, platform, minutes, place, at FROM ev WHERE NOT decided`);
  await c.query('COMMIT');
  await c.query('VACUUM ANALYZE');
}
