import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import type { Db } from '../src/store/db.js';
import { SIGNING_SECRET } from '../test/helpers/slack-sign.js';

/**
 * A second floor: bare Bolt that writes the rows a started triage needs (the user read, the invitation, the
 * triage and its reminder) with raw better-sqlite3 statements in one transaction, and acks with a fixed card
 * of the real card's size. No parsing, policy, flow or drawing: what any app that records the triage and answers
 * with it in the ack must at least do.
 */
export async function startFloor(db: Db, card: object): Promise<{ url: string; stop: () => Promise<void> }> {
  const client = db.$client;
  const user = client.prepare('SELECT id, prefs FROM users WHERE provider = ? AND workspace = ? AND external_id = ?');
  const addUser = client.prepare(
    "INSERT INTO users (provider, workspace, external_id, prefs, created_at) VALUES (?, ?, ?, '{}', ?)",
  );
  const invitation = client.prepare(
    `INSERT INTO invitations (user_id, platform, inviter, context, text, source, created_at, name_key)
     VALUES (?, 'linkedin', ?, '{}', ?, 'slash', ?, ?) RETURNING id`,
  );
  const triage = client.prepare(
    `INSERT INTO triages (user_id, invitation_id, status, state, created_at, updated_at)
     VALUES (?, ?, 'open', ?, ?, ?) RETURNING id`,
  );
  const reminder = client.prepare(
    `INSERT INTO reminders (triage_id, user_id, kind, due_at, send_at, status, attempts)
     VALUES (?, ?, 'unfinished', ?, ?, 'pending', 0)`,
  );
  const state = JSON.stringify(card).slice(0, 600);
  const start = client.transaction((text: string, userId: string, teamId: string) => {
    const now = Date.now();
    const found = user.get('slack', teamId, userId) as { id: number } | undefined;
    const id = found?.id ?? Number(addUser.run('slack', teamId, userId, now).lastInsertRowid);
    const inv = invitation.get(id, text.slice(0, 40), text, now, text.slice(0, 40).toLowerCase()) as { id: number };
    const t = triage.get(id, inv.id, state, now, now) as { id: number };
    reminder.run(t.id, id, now + 86_400_000, now + 86_400_000);
  });
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET });
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-floor', botId: 'B1', botUserId: 'U1' }) });
  app.command('/triage', async ({ ack, command }) => {
    start.immediate(command.text, command.user_id, command.team_id);
    await ack(card as never);
  });
  const server = await receiver.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => receiver.stop() };
}
