import type { openDatabase } from '../src/store/db.js';

// Friday 14:00 UTC; due reminders came in the hour before, the rest are spread over the next four weeks.
export const NOW = Date.parse('2025-03-07T14:00:00Z');
const HOUR = 3_600_000;

/**
 * `users` terminal users with `perUser` deferred triages each (invitation, triage, reminder), one in ten due.
 * Raw prepared statements in big transactions; terminal users, so the tick's sends wait on no platform pace.
 */
export function fillReminders(client: ReturnType<typeof openDatabase>['$client'], users: number, perUser: number) {
  client.pragma('foreign_keys = OFF');
  client.pragma('synchronous = OFF');
  const user = client.prepare(
    `INSERT INTO users (id, provider, workspace, external_id, timezone, prefs, created_at)
     VALUES (?, 'console', 'local', ?, 'UTC', '{"digest":{"off":true}}', 0)`,
  );
  const invitation = client.prepare(
    `INSERT INTO invitations (id, user_id, platform, inviter, text, source, created_at)
     VALUES (?, ?, 'linkedin', ?, 'x', 'bench', 0)`,
  );
  const triage = client.prepare(
    `INSERT INTO triages (id, user_id, invitation_id, status, state, outcome, created_at, updated_at)
     VALUES (?, ?, ?, 'decided', '{}', 'defer', 0, 0)`,
  );
  const reminder = client.prepare(
    `INSERT INTO reminders (triage_id, user_id, kind, due_at, send_at, status, attempts)
     VALUES (?, ?, 'deferred', ?, ?, 'pending', 0)`,
  );
  let id = 0;
  const chunk = client.transaction((from: number, to: number) => {
    for (let u = from; u < to; u++) {
      user.run(u, `user${u}`);
      for (let j = 0; j < perUser; j++) {
        id++;
        invitation.run(id, u, `Inviter ${id}`);
        triage.run(id, u, id);
        const at = j === 0 ? NOW - ((id * 7919) % HOUR) : NOW + HOUR + ((id * 104_729) % (28 * 24 * HOUR));
        reminder.run(id, u, at, at);
      }
    }
  });
  for (let u = 1; u <= users; u += 5000) chunk(u, Math.min(users + 1, u + 5000));
  client.pragma('foreign_keys = ON');
  client.exec('ANALYZE');
}
