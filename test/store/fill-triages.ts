import type Database from 'better-sqlite3';
import type { UserRef } from '../../src/core/user.js';

export interface Fill {
  /** Triages in the whole database. */
  total: number;
  /** How many heavy users, each owning `heavyTriages` of them; the rest go 1,000 to a user. */
  heavy: number;
  heavyTriages: number;
}

/** Heavy user n (from 0) as the service names them. */
export const heavyUser = (n: number): UserRef => ({ provider: 'slack', workspace: 'E1:', userId: `HEAVY${n}` });

const T0 = Date.UTC(2025, 0, 6);

/**
 * Fills a migrated SQLite database in one transaction with raw prepared statements: per triage an invitation,
 * the triage, an answer and a decision; per user a time log, a budget, a digest claim and a policy override.
 * Users 1..heavy are the heavy ones. Returns how many users it made.
 */
export function fillTriages(c: Database.Database, fill: Fill): number {
  const user = c.prepare(
    `INSERT INTO users (id, provider, workspace, external_id, created_at) VALUES (?, 'slack', 'E1:', ?, ${T0})`,
  );
  const invitation = c.prepare(
    `INSERT INTO invitations (id, user_id, platform, inviter, text, source, created_at)
     VALUES (?, ?, 'linkedin', 'Dana Kim', 'Dana Kim wants to connect on LinkedIn.', 'fill', ?)`,
  );
  const triage = c.prepare(
    `INSERT INTO triages (id, user_id, invitation_id, status, state, outcome, created_at, updated_at)
     VALUES (?, ?, ?, 'decided', '{}', 'accept', ?, ?)`,
  );
  const answer = c.prepare(
    `INSERT INTO answers (triage_id, question_id, choice, created_at) VALUES (?, 'met_in_person_or_phone', 'yes', ?)`,
  );
  const decision = c.prepare(
    `INSERT INTO decisions (triage_id, user_id, platform, outcome, reasons, explanation, decided_at)
     VALUES (?, ?, 'linkedin', 'accept', '[]', 'Meets every criterion.', ?)`,
  );
  const log = c.prepare(
    `INSERT INTO time_logs (user_id, platform, minutes, place, logged_at) VALUES (?, 'linkedin', 15, 'work', ${T0})`,
  );
  const budget = c.prepare(
    `INSERT INTO budgets (user_id, platform, weekly_minutes, updated_at) VALUES (?, 'linkedin', 60, ${T0})`,
  );
  const claim = c.prepare(
    `INSERT INTO digest_claims (user_id, week, status, attempts, claimed_at) VALUES (?, '2025-01-06', 'sent', 1, ${T0})`,
  );
  const policy = c.prepare(
    `INSERT INTO policy_overrides (scope, owner, platform, criteria, updated_at) VALUES ('user', ?, 'linkedin', '[]', ${T0})`,
  );
  const light = fill.total - fill.heavy * fill.heavyTriages;
  if (light < 0 || light % 1000 !== 0) throw new Error('the light users take whole thousands of triages');
  const users = fill.heavy + light / 1000;
  c.transaction(() => {
    let id = 0;
    for (let u = 1; u <= users; u++) {
      const heavy = u <= fill.heavy;
      user.run(u, heavy ? heavyUser(u - 1).userId : `U${u}`);
      log.run(u);
      budget.run(u);
      claim.run(u);
      policy.run(String(u));
      const own = heavy ? fill.heavyTriages : 1000;
      for (let k = 0; k < own; k++) {
        id++;
        const at = T0 + id;
        invitation.run(id, u, at);
        triage.run(id, u, id, at, at);
        answer.run(id, at);
        decision.run(id, u, at);
      }
    }
  })();
  return users;
}
