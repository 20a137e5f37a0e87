import { serviceOver } from '../src/compose.js';
import { silentLogger } from '../src/core/logger.js';
import type { Notifier } from '../src/core/message.js';
import { createPacer } from '../src/scheduler/pacer.js';
import { runReminderTick } from '../src/scheduler/reminder-tick.js';
import { openDatabase } from '../src/store/db.js';
import { NOW } from './reminders-fill.js';

// Runs in a fresh process (bench/reminders.ts starts it), so its memory holds only what a tick needs. Prints
// one JSON line of figures. The tick claims, sends (to a notifier that only counts) and records every due one.
const [path = '', dueArg = '0'] = process.argv.slice(2);
const expected = Number(dueArg);
const MB = 1024 * 1024;

const db = openDatabase(path);
const clock = { now: () => NOW };
const service = serviceOver(db, clock);
const before = process.memoryUsage().rss;
const peaks = { raw: before, tick: before };
let phase: keyof typeof peaks = 'raw';
const sample = () => {
  peaks[phase] = Math.max(peaks[phase], process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);

// The floor: one plain query that selects the same due reminders with everything a tick reads of them to send
// them (the reminder, its invitation's platform and inviter, its user's address), as the tick's claim does.
const raw = db.$client.prepare(
  `SELECT r.triage_id, r.user_id, r.kind, r.due_at, r.send_at, r.attempts, i.platform, i.inviter,
     u.provider, u.workspace, u.external_id
   FROM reminders r JOIN users u ON u.id = r.user_id
   JOIN triages t ON t.id = r.triage_id JOIN invitations i ON i.id = t.invitation_id
   WHERE r.status = 'pending' AND r.send_at <= ?`,
);
const rawQuery = () => {
  let n = 0;
  for (const _ of raw.iterate(NOW)) if (++n % 50_000 === 0) sample();
  return n;
};
let delivered = 0;
const counting: Notifier = {
  provider: 'console',
  send: async () => {
    if (++delivered % 10_000 === 0) sample();
  },
  delivered: async () => false,
};
const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

// Warm the page cache once, then the best of two for the raw query; the tick changes what is due, so it runs once.
const found = rawQuery();
if (found !== expected) throw new Error(`expected ${expected} due, the raw query found ${found}`);
const rawMs = Math.min(await time(rawQuery), await time(rawQuery));
sample();
phase = 'tick';
let sent = 0;
const tickMs = await time(async () => {
  const r = await runReminderTick(
    {
      reminders: service.reminders,
      notifiers: [counting],
      log: silentLogger,
      clock,
      instance: 'bench',
      pacer: createPacer(clock, async () => {}),
    },
    NOW,
  );
  sent = r.sent;
});
clearInterval(timer);
sample();
if (sent !== expected) throw new Error(`expected ${expected} sent, the tick sent ${sent}`);
db.$client.close();
process.stdout.write(
  `${JSON.stringify({ rawMs, tickMs, beforeMb: before / MB, rawPeakMb: peaks.raw / MB, tickPeakMb: peaks.tick / MB })}\n`,
);
