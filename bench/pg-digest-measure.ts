import { digestMessage } from '../src/core/digest/message.js';
import { createService } from '../src/service/index.js';
import { createPgStores, openPostgres } from '../src/store/pg/index.js';
import { NOW } from './digest-fill.js';

// Runs in a fresh process (bench/pg-digest.ts starts it), so its memory holds only what building digests
// needs. Prints one JSON line of figures.
const [url = '', usersArg = '0'] = process.argv.slice(2);
const users = Number(usersArg);
const BATCH = 1000;
const MB = 1024 * 1024;

const db = await openPostgres(url);
const clock = { now: () => NOW };
const service = createService(createPgStores(db, clock, url), clock);
const before = process.memoryUsage().rss;
const peaks = { raw: before, digests: before };
let phase: keyof typeof peaks = 'raw';
const sample = () => {
  peaks[phase] = Math.max(peaks[phase], process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);

// The floor: every figure a digest needs, for every user, in one aggregate query, read through a cursor so
// that it streams as the SQLite floor's iterate() does.
const RAW = `
  SELECT user_id, platform, outcome AS k, count(*) AS n FROM decisions WHERE superseded_at IS NULL
  GROUP BY user_id, platform, outcome
  UNION ALL
  SELECT user_id, platform, place, sum(minutes) FROM time_logs GROUP BY user_id, platform, place`;
const rawQuery = async () => {
  const c = await db.$client.connect();
  let n = 0;
  try {
    await c.query('BEGIN');
    await c.query(`DECLARE raw NO SCROLL CURSOR FOR ${RAW}`);
    for (;;) {
      const { rows } = await c.query('FETCH 10000 FROM raw');
      if (rows.length === 0) break;
      n += rows.length;
      sample();
    }
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  return n;
};
const allDigests = async () => {
  let lines = 0;
  let due = 0;
  for await (const batch of service.digest.dueBatches(NOW, 'UTC', 5, BATCH)) {
    due += batch.length;
    for (const d of (await service.digest.build(batch, NOW)).values()) lines += digestMessage(d).sections.length;
    sample();
  }
  if (due !== users) throw new Error(`expected ${users} due, got ${due}`);
  return lines;
};
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

// Warm the server's cache once, then take the best of two for each.
await rawQuery();
const rawMs = Math.min(await time(rawQuery), await time(rawQuery));
sample();
phase = 'digests';
const digestMs = Math.min(await time(allDigests), await time(allDigests));
clearInterval(timer);
sample();
await db.$client.end();
process.stdout.write(
  `${JSON.stringify({ rawMs, digestMs, beforeMb: before / MB, rawPeakMb: peaks.raw / MB, digestPeakMb: peaks.digests / MB })}\n`,
);
