import type { openDatabase } from '../src/store/db.js';

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
const PLACES = ['work', 'home', null];
// Tuesday noon UTC: every zone above has had its Monday 09:00, so every user is due.
export const NOW = Date.parse('2025-03-11T12:00:00Z');
const SPAN_START = Date.parse('2025-02-17T00:00:00Z');

/** Fills the database with raw prepared statements in big transactions, rows in time order as they would arrive. */
export function fill(client: ReturnType<typeof openDatabase>['$client'], users: number, rows: number): void {
  client.pragma('foreign_keys = OFF');
  client.pragma('synchronous = OFF');
  const insertUser = client.prepare(
    `INSERT INTO users (id, provider, workspace, external_id, timezone, prefs, created_at) VALUES (?, 'slack', ?, ?, ?, '{}', 0)`,
  );
  const insertInvitation = client.prepare(
    `INSERT INTO invitations (id, user_id, platform, inviter, text, source, created_at) VALUES (?, ?, ?, ?, 'x', 'bench', ?)`,
  );
  const insertTriage = client.prepare(
    `INSERT INTO triages (id, user_id, invitation_id, status, state, outcome, created_at, updated_at)
     VALUES (?, ?, ?, 'decided', '{}', ?, ?, ?)`,
  );
  const insertDecision = client.prepare(
    `INSERT INTO decisions (triage_id, user_id, platform, outcome, reasons, explanation, decided_at)
     VALUES (?, ?, ?, ?, '[]', '', ?)`,
  );
  const insertLog = client.prepare(
    `INSERT INTO time_logs (user_id, platform, minutes, place, logged_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertBudget = client.prepare(
    `INSERT INTO budgets (user_id, platform, weekly_minutes, expectation, updated_at) VALUES (?, ?, ?, ?, 0)`,
  );
  const insertGuidance = client.prepare(
    `INSERT INTO team_guidance (team, work_hours_ok, note, updated_at) VALUES (?, ?, 'Company news only.', 0)`,
  );
  // mulberry32: a seeded generator, so every run fills the same database.
  let seed = 42;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  client.transaction(() => {
    for (let u = 1; u <= users; u++) {
      insertUser.run(u, `E1:T${u % 50}`, `U${u}`, ZONES[u % ZONES.length]);
      insertBudget.run(u, 'linkedin', 60 + (u % 4) * 30, pick(['leads', 'contacts', null]));
      if (u % 3 === 0) insertBudget.run(u, 'facebook', 60, 'friends');
    }
    for (let t = 0; t < 50; t++) insertGuidance.run(`slack:E1:T${t}`, t % 2);
  })();
  const span = NOW - SPAN_START;
  const CHUNK = 100_000;
  for (let done = 0; done < rows; done += CHUNK) {
    client.transaction(() => {
      for (let i = done; i < Math.min(rows, done + CHUNK); i++) {
        const user = 1 + Math.floor(rand() * users);
        const at = SPAN_START + Math.floor((i / rows) * span);
        const platform = pick(PLATFORMS);
        if (rand() < 0.6) {
          const id = i + 1;
          const outcome = pick(OUTCOMES);
          insertInvitation.run(id, user, platform, `Person ${id}`, at);
          insertTriage.run(id, user, id, outcome, at, at);
          insertDecision.run(id, user, platform, outcome, at);
        } else {
          insertLog.run(user, platform, 5 + Math.floor(rand() * 55), pick(PLACES), at);
        }
      }
    })();
  }
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('wal_checkpoint(TRUNCATE)');
}
