import { analyseInvitation } from '../src/core/parser-analysis.js';
import { loadCorpus } from '../test/corpus/score.js';
import type { BenchRow, BenchSection } from './types.js';

// A floor any reader of these texts pays: one case-insensitive regex scan for invitation wording over each text.
const SCAN = /wants to connect|friend request|follow(?:ed|s|ing)? you|vernetzen|invitation|solicitud|リクエスト/i;

/** Texts per second through fn, over the texts in turn, after a warm-up pass. */
function perSecond(texts: readonly string[], rounds: number, fn: (text: string) => number): number {
  for (let r = 0; r < Math.min(rounds, 10); r++) for (const t of texts) fn(t);
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) sink += fn(t);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (sink < 0) throw new Error('unreachable');
  return (rounds * texts.length) / secs;
}

/** The parser's analysis over the whole corpus, against a plain regex scan of the same texts in the same run. */
export async function run({ quick }: { quick: boolean }): Promise<BenchSection> {
  const corpus = loadCorpus();
  const texts = corpus.map((e) => e.text);
  const lines = corpus.map((e) => JSON.stringify(e));
  const rounds = quick ? 30 : 300;
  const scan = perSecond(texts, rounds, (t) => (SCAN.test(t) ? 1 : 0));
  const json = perSecond(lines, rounds, (l) => (JSON.parse(l) === null ? 0 : 1));
  const parsed = perSecond(texts, rounds, (t) => (analyseInvitation(t).kind.length > 0 ? 1 : 0));
  const row = (floorName: string, floor: number): BenchRow => ({
    name: `analyseInvitation over the ${texts.length}-text corpus`,
    value: parsed,
    unit: 'texts/s',
    baseline: { name: floorName, value: floor },
    ratio: parsed / floor,
    target: '> 20k/s',
    pass: parsed > 20_000,
  });
  const rows = [row('bare JSON.parse of the corpus lines', json), row('one regex scan', scan)];
  return { title: `Parser (${quick ? 'quick' : 'full'}: ${(rounds * texts.length).toLocaleString('en')} texts)`, rows };
}
