import { type Client, Events, Routes } from 'discord.js';
import { createClient } from '../adapters/discord/client.js';
import { interactionRest } from '../adapters/discord/edit-original.js';
import type { Db } from '../src/store/db.js';
import type { Json } from '../test/helpers/discord-fake-rest.js';

/**
 * A second floor beside the bare handler: the same two calls, and between them the rows an answer that decides
 * a triage writes (the answer, the decision, the triage's new state, its reminder gone), with raw better-sqlite3
 * statements in one transaction. No flow, policy or drawing: what any bot that records the click must at least do.
 */
export async function startDiscordFloor(apiUrl: string, db: Db, edit: Json): Promise<Client> {
  const c = db.$client;
  const user = c.prepare('SELECT id FROM users WHERE provider = ? AND workspace = ? AND external_id = ?');
  const triage = c.prepare('SELECT id, user_id, state FROM triages WHERE id = ?');
  const answer = c.prepare(
    'INSERT INTO answers (triage_id, question_id, choice, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const decision = c.prepare(
    `INSERT INTO decisions (triage_id, user_id, platform, outcome, decided_by, reasons, explanation, decided_at)
     VALUES (?, ?, 'linkedin', 'decline', 'criteria', '[]', 'You have never spoken with them.', ?)`,
  );
  const save = c.prepare(
    "UPDATE triages SET status = 'decided', outcome = 'decline', state = ?, version = version + 1, updated_at = ? WHERE id = ?",
  );
  const unremind = c.prepare('DELETE FROM reminders WHERE triage_id = ?');
  const record = c.transaction((userId: string, customId: string) => {
    const [, id, question, choice] = customId.split(':');
    const now = Date.now();
    user.get('discord', '', userId);
    const row = triage.get(Number(id)) as { id: number; user_id: number; state: string };
    answer.run(row.id, question, choice, now);
    decision.run(row.id, row.user_id, now);
    save.run(row.state, now, row.id);
    unremind.run(row.id);
  });
  const client = createClient({ apiUrl });
  const hooks = interactionRest(client);
  client.on(Events.InteractionCreate, (i) => {
    if (!i.isButton()) return;
    void i
      .deferUpdate()
      .then(() => {
        record.immediate(i.user.id, i.customId);
        return hooks.patch(Routes.webhookMessage(i.applicationId, i.token), { auth: false, body: edit });
      })
      .catch(() => {});
  });
  const ready = new Promise((r) => client.once(Events.ClientReady, r));
  await client.login('fake.bot.token');
  await ready;
  return client;
}

/** The floor's own copy of the triages the clicks answer: a user, and a triage under each clicked id. */
export function seedFloor(db: Db, clicks: Json[]): void {
  const c = db.$client;
  const now = Date.now();
  const addUser = c.prepare(
    "INSERT INTO users (provider, workspace, external_id, prefs, created_at) VALUES ('discord', '', ?, '{}', ?) ON CONFLICT DO NOTHING",
  );
  const userId = c.prepare("SELECT id FROM users WHERE provider = 'discord' AND workspace = '' AND external_id = ?");
  const invitation = c.prepare(
    `INSERT INTO invitations (user_id, platform, inviter, context, text, source, created_at)
     VALUES (?, 'linkedin', 'Dana Kim', '{}', 'LinkedIn request', 'text', ?) RETURNING id`,
  );
  const triage = c.prepare(
    "INSERT INTO triages (id, user_id, invitation_id, status, state, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?, ?)",
  );
  const state = JSON.stringify({ invitation: { platform: 'linkedin', inviter: 'Dana Kim' }, answers: [] });
  c.transaction(() => {
    for (const p of clicks) {
      addUser.run(p.user.id, now);
      const uid = (userId.get(p.user.id) as { id: number }).id;
      const inv = invitation.get(uid, now) as { id: number };
      triage.run(Number(String(p.data.custom_id).split(':')[1]), uid, inv.id, state, now, now);
    }
  })();
}
