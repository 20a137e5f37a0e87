import { analyseInvitation } from '../src/core/parser-analysis.js';
import { loadCorpus, pct, score } from '../test/corpus/score.js';

const round = Number(process.argv[2]);
const rows = loadCorpus().filter((e) => e.round === round);
const s = score(rows, (t) => {
  const a = analyseInvitation(t);
  return { kind: a.kind, platform: a.invitation.platform, inviter: a.invitation.inviter };
});
console.log(
  rows.length,
  'platform',
  pct(s.all.platform, s.all.scored).toFixed(1),
  'inviter',
  pct(s.all.inviter, s.all.scored).toFixed(1),
  'kind',
  pct(s.all.kinds, s.all.n).toFixed(1),
);
for (const m of s.misses)
  console.log(
    m.entry.id,
    m.entry.kind,
    m.entry.platform,
    m.entry.inviter,
    '| got',
    m.got.kind,
    m.got.platform,
    m.got.inviter,
    '|',
    JSON.stringify(m.entry.text.slice(0, 110)),
  );
