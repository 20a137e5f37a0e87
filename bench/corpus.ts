import { analyseInvitation } from '../src/core/parser-analysis.js';
import {
  type CorpusEntry,
  loadCorpus,
  pct,
  type Reading,
  type Score,
  score,
  type Tally,
} from '../test/corpus/score.js';

// `npm run corpus` prints how well the parser reads the corpus; `-- --misses` lists what it got wrong.
const showMisses = process.argv.includes('--misses');

function read(text: string): Reading {
  const a = analyseInvitation(text);
  return { kind: a.kind, platform: a.invitation.platform, inviter: a.invitation.inviter };
}

function line(label: string, t: Tally): string {
  const f = (x: number, of: number) => (of === 0 ? '     -' : `${pct(x, of).toFixed(1).padStart(5)}%`);
  return `  ${label.padEnd(16)} n=${String(t.n).padStart(3)}  platform ${f(t.platform, t.scored)}  inviter ${f(t.inviter, t.scored)}  kind ${f(t.kinds, t.n)}`;
}

function report(title: string, entries: CorpusEntry[], misses: boolean): Score {
  const s = score(entries, read);
  process.stdout.write(`\n${title}\n${line('all', s.all)}\n  by kind of text:\n`);
  for (const [k, t] of [...s.byType].sort()) process.stdout.write(`  ${line(k, t)}\n`);
  process.stdout.write('  by language:\n');
  for (const [k, t] of [...s.byLang].sort()) process.stdout.write(`  ${line(k, t)}\n`);
  if (misses) {
    for (const { entry, got } of s.misses) {
      const want = `${entry.kind} ${entry.platform} ${entry.inviter}`;
      process.stdout.write(`  MISS ${entry.id} want ${want} | got ${got.kind} ${got.platform} ${got.inviter}\n`);
      process.stdout.write(`       ${JSON.stringify(entry.text.slice(0, 140))}\n`);
    }
  }
  return s;
}

const corpus = loadCorpus();
// Misses are listed for the tuning set only: looking at the held-back ones would be tuning on them.
report(
  'Held-back third (written before tuning)',
  corpus.filter((e) => e.heldBack),
  false,
);
report(
  'Tuning two thirds',
  corpus.filter((e) => !e.heldBack && !e.fresh),
  showMisses,
);
report(
  'Fresh check 1 (written after tuning round 1)',
  corpus.filter((e) => e.fresh && e.round === undefined),
  showMisses,
);
report(
  'Fresh check 2 (written after tuning round 2)',
  corpus.filter((e) => e.round === 2),
  showMisses,
);
report(
  'Fresh check 3 (written after tuning round 3)',
  corpus.filter((e) => e.round === 3),
  showMisses,
);
report(
  'Fresh check 4 (written after tuning round 4)',
  corpus.filter((e) => e.round === 4),
  showMisses,
);
report(
  'Fresh check 5 (written after tuning round 5)',
  corpus.filter((e) => e.round === 5),
  showMisses,
);
// Written after the last round and never tuned on: its misses stay hidden, like the held-back set's.
report(
  'Fresh check 6 (written after the last round, never tuned on)',
  corpus.filter((e) => e.round === 6),
  false,
);
