import { serviceOver } from '../src/compose.js';
import { digestMessage } from '../src/core/digest/message.js';
import { openDatabase } from '../src/store/db.js';
import { NOW } from './digest-fill.js';

// Runs in a fresh process (bench/digest.ts starts it), so its memory holds only what building digests needs,
// not the leftovers of filling 5 million rows. Prints one JSON line of figures.
const [path = '', usersArg = '0'] = process.argv.slice(2);
const users = Number(usersArg);
const BATCH = 1000;
const MB = 1024 * 1024;

const db = openDatabase(path);
const service = serviceOver(db, { now: () => NOW });
const before = process.memoryUsage().rss;
const peaks = { raw: before, digests: before };
let phase: keyof typeof peaks = 'raw';
const sample = () => {
  peaks[phase] = Math.max(peaks[phase], process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);

const raw = db.$client.prepare(
  `SELECT user_id, platform, outcome AS k, count(*) AS n FROM decisions WHERE superseded_at IS NULL
   GROUP BY user_id, platform, outcome
   UNION ALL
   SELECT user_id, platform, place, sum(minutes) FROM time_logs GROUP BY user_id, platform, place`,
);
const rawQuery = () => {
  let n = 0;
  for (const _ of raw.iterate()) if (++n % 50_000 === 0) sample();
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
const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

// Warm the page cache once, then take the best of two for each.
rawQuery();
const rawMs = Math.min(await time(rawQuery), await time(rawQuery));
sample();
phase = 'digests';
const digestMs = Math.min(await time(allDigests), await time(allDigests));
clearInterval(timer);
sample();
db.$client.close();
process.stdout.write(
  `${JSON.stringify({ rawMs, digestMs, beforeMb: before / MB, rawPeakMb: peaks.raw / MB, digestPeakMb: peaks.digests / MB })}\n`,
);
