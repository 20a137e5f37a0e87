import type { BenchRun, BenchSection } from './types.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

/** Each suite loads lazily, so `--only=core` does not pay for starting Slack. */
const suites: Record<string, () => Promise<BenchRun>> = {
  discord: async () => (await import('./discord.js')).run,
  core: async () => (await import('./core.js')).run,
  parser: async () => (await import('./parser.js')).run,
  store: async () => (await import('./store.js')).run,
  'pg-store': async () => (await import('./pg-store.js')).run,
  forget: async () => (await import('./forget.js')).run,
  slack: async () => (await import('./slack.js')).run,
  digest: async () => (await import('./digest.js')).run,
  'pg-digest': async () => (await import('./pg-digest.js')).run,
  reminders: async () => (await import('./reminders.js')).run,
  cli: async () => (await import('./cli.js')).run,
  ocr: async () => (await import('./ocr.js')).run,
};

const sections: BenchSection[] = [];
for (const [name, load] of Object.entries(suites)) {
  if (only && only !== name) continue;
  const run = await load();
  sections.push(await run({ quick }));
}

if (json) {
  process.stdout.write(`${JSON.stringify({ node: process.version, quick, sections }, null, 2)}\n`);
} else {
  for (const s of sections) {
    process.stdout.write(`\n${s.title}\n`);
    for (const r of s.rows) {
      const base = r.baseline ? `  baseline ${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : '';
      const ratio = r.ratio === undefined ? '' : `  ratio ${r.ratio.toFixed(2)}×`;
      const target = r.target ? `  target ${r.target} ${r.pass ? 'PASS' : 'MISS'}` : '';
      process.stdout.write(`  ${r.name.padEnd(44)} ${fmt(r.value).padStart(12)} ${r.unit}${base}${ratio}${target}\n`);
    }
  }
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(2);
}
