import type pg from 'pg';
import { MET_IN_PERSON_OR_PHONE } from '../src/core/criteria.js';
import { nameKey } from '../src/core/repeat.js';
import type { UserRef } from '../src/core/user.js';
import { createService } from '../src/service/index.js';
import { createPgStores, openPostgres, type PgDb } from '../src/store/pg/index.js';
import { scratchDatabase } from './pg-server.js';
import type { BenchRun } from './types.js';

const USERS = 100;
const ROUNDS = 10;
const user = (i: number): UserRef => ({ provider: 'slack', workspace: 'E1:T1', userId: `U${i % USERS}` });
/** A different person each time: the same one again would be a repeat, shown rather than triaged anew. */
const inviter = (i: number) => `Dana Kim ${i}`;
const text = (i: number) =>
  `${inviter(i)} wants to connect on LinkedIn. Product Lead at Northwind. 12 mutual connections.`;

type Run = (from: number, n: number) => Promise<void>;

/** Through the service: startFromText then one answer, each its own transaction. */
function viaService(db: PgDb, url: string): Run {
  let t = 1_700_000_000_000;
  const clock = { now: () => ++t };
  const service = createService(createPgStores(db, clock, url), clock);
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

const q = (name: string, text: string) => (values: unknown[]) => ({ name, text, values });
const findUser = q('find_user', 'SELECT id FROM users WHERE provider = $1 AND workspace = $2 AND external_id = $3');
const addUser = q(
  'add_user',
  'INSERT INTO users (provider, workspace, external_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
);
// The repeat check a start makes: the same person decided before on this network.
const earlier = q(
  'earlier',
  'SELECT t.id FROM invitations i JOIN triages t ON t.invitation_id = i.id ' +
    "WHERE i.user_id = $1 AND i.platform = 'linkedin' AND i.name_key = $2 AND t.status = 'decided' " +
    'ORDER BY t.updated_at DESC, t.id DESC LIMIT 1',
);
const addInvitation = q(
  'add_invitation',
  'INSERT INTO invitations (user_id, platform, inviter, context, text, source, created_at, name_key) ' +
    'VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
);
const addTriage = q(
  'add_triage',
  'INSERT INTO triages (user_id, invitation_id, status, state, outcome, created_at, updated_at) ' +
    'VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
);
const getTriage = q('get_triage', 'SELECT * FROM triages WHERE id = $1');
const addAnswer = q(
  'add_answer',
  'INSERT INTO answers (triage_id, question_id, choice, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
);
const addDecision = q(
  'add_decision',
  'INSERT INTO decisions (triage_id, user_id, platform, outcome, decided_by, reasons, explanation, decided_at) ' +
    'VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
);
const saveTriage = q(
  'save_triage',
  'UPDATE triages SET status = $1, state = $2, outcome = $3, updated_at = $4, version = version + 1 WHERE id = $5',
);

/** The same rows with hand-written named prepared statements on node-postgres, same transaction boundaries. */
function viaRaw(pool: pg.Pool): Run {
  const userId = async (c: pg.PoolClient, u: UserRef): Promise<number> => {
    const found = await c.query<{ id: number }>(findUser([u.provider, u.workspace, u.userId]));
    if (found.rows[0]) return found.rows[0].id;
    await c.query(addUser([u.provider, u.workspace, u.userId]));
    return (await c.query<{ id: number }>(findUser([u.provider, u.workspace, u.userId]))).rows[0]!.id;
  };
  const inTx = async <T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      c.release();
    }
  };
  let t = 1_700_000_000_000;
  return async (from, n) => {
    for (let i = from; i < from + n; i++) {
      const u = user(i);
      const now = ++t;
      const triageId = await inTx(async (c) => {
        const uid = await userId(c, u);
        const key = nameKey(inviter(i));
        if ((await c.query(earlier([uid, key]))).rows.length) throw new Error('a repeat');
        const inv = await c.query<{ id: number }>(
          addInvitation([uid, 'linkedin', inviter(i), '{}', text(i), 'bench', now, key]),
        );
        const invitation = { platform: 'linkedin', inviter: inviter(i), context: {}, confidence: 0 };
        const state = { invitation, criteria: [MET_IN_PERSON_OR_PHONE], answers: [], decision: null };
        const row = await c.query<{ id: number }>(
          addTriage([uid, inv.rows[0]!.id, 'open', JSON.stringify(state), null, now, now]),
        );
        return row.rows[0]!.id;
      });
      const later = ++t;
      await inTx(async (c) => {
        const uid = await userId(c, u);
        const row = (await c.query<{ user_id: number; state: string }>(getTriage([triageId]))).rows[0]!;
        if (row.user_id !== uid) throw new Error('not yours');
        const state = JSON.parse(row.state);
        await c.query(addAnswer([triageId, 'met_in_person_or_phone', 'yes', later]));
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
        await c.query(
          addDecision([triageId, uid, 'linkedin', 'accept', null, JSON.stringify(reasons), explanation, later]),
        );
        const saved = { ...state, answers: [{ questionId: 'met_in_person_or_phone', choice: 'yes' }], decision };
        await c.query(saveTriage(['decided', JSON.stringify(saved), 'accept', later, triageId]));
      });
    }
  };
}

async function seconds(fn: () => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Complete triages per second through the service on PostgreSQL, against raw node-postgres writing the same rows. */
export const run: BenchRun = async ({ quick }) => {
  const n = quick ? 5_000 : 100_000;
  const warm = Math.min(2_000, n / 10);
  const title = `Store on PostgreSQL (${quick ? 'quick' : 'full'}: ${n.toLocaleString('en')} triages, 2 transactions each, synchronous_commit off)`;
  const [serviceDbOf, rawDbOf] = [await scratchDatabase('store_service'), await scratchDatabase('store_raw')];
  if ('skipped' in serviceDbOf || 'skipped' in rawDbOf) {
    const why = 'skipped' in serviceDbOf ? serviceDbOf.skipped : (rawDbOf as { skipped: string }).skipped;
    return { title: `${title}: skipped, ${why}`, rows: [] };
  }
  const serviceDb = await openPostgres(serviceDbOf.url);
  const rawDb = await openPostgres(rawDbOf.url);
  try {
    const serviceRun = viaService(serviceDb, serviceDbOf.url);
    const rawRun = viaRaw(rawDb.$client);
    await rawRun(0, warm);
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
    const count = async (db: PgDb) =>
      Number((await db.$client.query<{ n: number }>('SELECT count(*) AS n FROM decisions')).rows[0]?.n);
    if ((await count(serviceDb)) !== (await count(rawDb))) {
      throw new Error('the two runs wrote different numbers of decisions');
    }
    const ratio = svc / raw;
    return {
      title,
      rows: [
        {
          name: 'service: startFromText + answer → decision',
          value: n / svc,
          unit: 'triages/s',
          baseline: { name: 'raw pg prepared statements, same rows', value: n / raw },
          ratio: n / svc / (n / raw),
        },
        { name: 'service time / raw time', value: ratio, unit: '×', target: '≤ 2×', pass: ratio <= 2 },
      ],
    };
  } finally {
    await serviceDb.$client.end();
    await rawDb.$client.end();
    await serviceDbOf.drop();
    await rawDbOf.drop();
  }
};
