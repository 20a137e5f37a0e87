import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceOver } from '../src/compose.js';
import { MET_IN_PERSON_OR_PHONE } from '../src/core/criteria.js';
import { nameKey } from '../src/core/repeat.js';
import type { UserRef } from '../src/core/user.js';
import { type Db, openDatabase } from '../src/store/db.js';
import type { BenchSection } from './types.js';

const USERS = 100;
const ROUNDS = 10;
const user = (i: number): UserRef => ({ provider: 'slack', workspace: 'E1:T1', userId: `U${i % USERS}` });
/** A different person each time: the same one again would be a repeat, shown rather than triaged anew. */
const inviter = (i: number) => `Dana Kim ${i}`;
const text = (i: number) =>
  `${inviter(i)} wants to connect on LinkedIn. Product Lead at Northwind. 12 mutual connections.`;

/** Through the service: startFromText then one answer, each its own transaction, awaited one after another. */
function viaService(db: Db): (from: number, n: number) => Promise<void> {
  let t = 1_700_000_000_000;
  const service = serviceOver(db, { now: () => ++t });
  return async (from, n) => {
    for (let i = from; i < from + n; i++) {
      const u = user(i);
      const v = await service.triage.startFromText(u, text(i), {
        platform: 'linkedin',
        inviter: inviter(i),
        source: 'bench',
      });
      const done = await service.triage.answer(u, v.id, { questionId: 'met_in_person_or_phone', choice: 'yes' });
      if (done.status !== 'decided') throw new Error('service did not decide');
    }
  };
}

/** The same rows with hand-written prepared statements and the same transaction boundaries. */
function viaRaw(db: Db): (from: number, n: number) => void {
  const c = db.$client;
  const findUser = c.prepare('SELECT id FROM users WHERE provider = ? AND workspace = ? AND external_id = ?').pluck();
  const addUser = c.prepare(
    'INSERT INTO users (provider, workspace, external_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  // The repeat check a start makes: the same person decided before on this network.
  const earlier = c.prepare(
    `SELECT t.id FROM invitations i JOIN triages t ON t.invitation_id = i.id
     WHERE i.user_id = ? AND i.platform = 'linkedin' AND i.name_key = ? AND t.status = 'decided'
     ORDER BY t.updated_at DESC, t.id DESC`,
  );
  const addInvitation = c.prepare(
    'INSERT INTO invitations (user_id, platform, inviter, context, text, source, created_at, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const addTriage = c.prepare(
    'INSERT INTO triages (user_id, invitation_id, status, state, outcome, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const getTriage = c.prepare('SELECT * FROM triages WHERE id = ?');
  const addAnswer = c.prepare(
    'INSERT INTO answers (triage_id, question_id, choice, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const addDecision = c.prepare(
    'INSERT INTO decisions (triage_id, user_id, platform, outcome, decided_by, reasons, explanation, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const saveTriage = c.prepare(
    'UPDATE triages SET status = ?, state = ?, outcome = ?, updated_at = ?, version = version + 1 WHERE id = ?',
  );
  const userId = (u: UserRef): number => {
    const found = findUser.get(u.provider, u.workspace, u.userId) as number | undefined;
    if (found !== undefined) return found;
    addUser.run(u.provider, u.workspace, u.userId);
    return findUser.get(u.provider, u.workspace, u.userId) as number;
  };
  let t = 1_700_000_000_000;
  return (from, n) => {
    for (let i = from; i < from + n; i++) {
      const u = user(i);
      const now = ++t;
      const triageId = c
        .transaction(() => {
          const uid = userId(u);
          const key = nameKey(inviter(i));
          if (earlier.get(uid, key)) throw new Error('a repeat');
          const inv = addInvitation.run(uid, 'linkedin', inviter(i), '{}', text(i), 'bench', now, key).lastInsertRowid;
          const invitation = { platform: 'linkedin', inviter: inviter(i), context: {}, confidence: 0 };
          const state = { invitation, criteria: [MET_IN_PERSON_OR_PHONE], answers: [], decision: null };
          return addTriage.run(uid, inv, 'open', JSON.stringify(state), null, now, now).lastInsertRowid;
        })
        .immediate();
      const later = ++t;
      c.transaction(() => {
        const uid = userId(u);
        const row = getTriage.get(triageId) as { user_id: number; state: string };
        if (row.user_id !== uid) throw new Error('not yours');
        const state = JSON.parse(row.state);
        addAnswer.run(triageId, 'met_in_person_or_phone', 'yes', later);
        const reasons = [
          {
            criterion: 'met_in_person_or_phone',
            question: `Have you connected with ${inviter(i)} in person or on the phone at least once?`,
            answer: 'yes',
            answerLabel: 'Yes',
            passed: true,
          },
        ];
        const explanation = `${inviter(i)} meets every one of your LinkedIn criteria.`;
        const decision = { outcome: 'accept', decidedBy: null, reasons, explanation };
        addDecision.run(triageId, uid, 'linkedin', 'accept', null, JSON.stringify(reasons), explanation, later);
        const saved = { ...state, answers: [{ questionId: 'met_in_person_or_phone', choice: 'yes' }], decision };
        saveTriage.run('decided', JSON.stringify(saved), 'accept', later, triageId);
      }).immediate();
    }
  };
}

async function seconds(fn: () => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Complete triages per second through the service, against raw better-sqlite3 writing the same rows. */
export async function run({ quick }: { quick: boolean }): Promise<BenchSection> {
  const n = quick ? 10_000 : 100_000;
  const warm = Math.min(2_000, n / 10);
  const dir = mkdtempSync(join(tmpdir(), 'triage-bench-'));
  try {
    const serviceDb = openDatabase(join(dir, 'service.db'));
    const rawDb = openDatabase(join(dir, 'raw.db'));
    const rawRun = viaRaw(rawDb);
    const serviceRun = viaService(serviceDb);
    rawRun(0, warm);
    await serviceRun(0, warm);
    // alternate in rounds, so a burst of load on the machine hits both sides alike
    let raw = 0;
    let svc = 0;
    const round = n / ROUNDS;
    for (let r = 0; r < ROUNDS; r++) {
      const from = warm + r * round;
      raw += await seconds(() => rawRun(from, round));
      svc += await seconds(() => serviceRun(from, round));
    }
    const count = (db: Db) => db.$client.prepare('SELECT count(*) FROM decisions').pluck().get() as number;
    if (count(serviceDb) !== count(rawDb)) throw new Error('the two runs wrote different numbers of decisions');
    serviceDb.$client.close();
    rawDb.$client.close();
    const ratio = svc / raw;
    return {
      title: `Store (${quick ? 'quick' : 'full'}: ${n.toLocaleString('en')} triages, 2 transactions each, WAL file)`,
      rows: [
        {
          name: 'service: startFromText + answer → decision',
          value: n / svc,
          unit: 'triages/s',
          baseline: { name: 'raw better-sqlite3, same rows', value: n / raw },
          ratio: n / svc / (n / raw),
        },
        { name: 'service time / raw time', value: ratio, unit: '×', target: '≤ 2×', pass: ratio <= 2 },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
