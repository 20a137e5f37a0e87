import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answer, type PolicyLookup, start } from '../src/core/flow.js';
import type { Invitation } from '../src/core/invitation.js';
import { parseInvitation } from '../src/core/parser.js';
import { builtInPolicy } from '../src/core/policy.js';
import type { BenchRow, BenchSection } from './types.js';

const policies: PolicyLookup = (p) => builtInPolicy(p);

/** Invitations and the answers that decide them: LinkedIn, Facebook and generic policies, every outcome. */
const SCRIPTS: { invitation: Invitation; replies: string[] }[] = [
  { invitation: inv('linkedin'), replies: ['yes'] },
  { invitation: inv('linkedin'), replies: ['planned'] },
  { invitation: inv('facebook'), replies: ['yes'] },
  { invitation: inv('facebook'), replies: ['no', 'yes'] },
  { invitation: inv('facebook'), replies: ['no', 'work'] },
  { invitation: inv('instagram'), replies: ['no', 'no'] },
  { invitation: inv('github'), replies: ['no', 'unsure'] },
  { invitation: inv(null), replies: ['x', 'no', 'yes'] },
];

function inv(platform: Invitation['platform']): Invitation {
  return { platform, inviter: 'Dana Kim', context: {}, confidence: 1 };
}

/** Runs the pure flow from start to decision; returns 1 per decision reached. */
function decideOnce(script: (typeof SCRIPTS)[number]): number {
  let { state, step } = start(script.invitation, policies);
  for (const choice of script.replies) {
    if (step.kind !== 'question') break;
    const r = answer(state, { questionId: step.question.id, choice }, policies);
    if (!r.ok) throw new Error(r.message);
    state = r.state;
    step = r.step;
  }
  if (step.kind !== 'decision') throw new Error('script did not reach a decision');
  return 1;
}

/** The same outcomes from a hand-written if/else: the floor any engine is measured against. */
function handWritten(script: (typeof SCRIPTS)[number]): number {
  const r = script.replies;
  const platform = script.invitation.platform ?? r[0];
  const a = script.invitation.platform ? r : r.slice(1);
  let outcome: string;
  if (platform === 'linkedin') outcome = a[0] === 'yes' ? 'accept' : a[0] === 'planned' ? 'defer' : 'decline';
  else if (a[0] === 'yes') outcome = 'decline';
  else if (platform === 'facebook') outcome = a[1] === 'yes' ? 'accept' : a[1] === 'work' ? 'redirect' : 'decline';
  else outcome = a[1] === 'yes' ? 'accept' : a[1] === 'unsure' ? 'defer' : 'decline';
  return outcome.length > 0 ? 1 : 0;
}

function perSecond(n: number, fn: (i: number) => number): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) fn(i); // warm up the JIT
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += fn(i);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (sink < 0) throw new Error('unreachable');
  return n / secs;
}

function fixtureTexts(): string[] {
  const file = join(import.meta.dirname, '..', 'test', 'fixtures', 'invitations.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Decisions per second of the pure flow, and texts per second of the parser. */
export async function run({ quick }: { quick: boolean }): Promise<BenchSection> {
  const n = quick ? 30_000 : 300_000;
  const script = (i: number) => SCRIPTS[i % SCRIPTS.length] as (typeof SCRIPTS)[number];
  const floor = perSecond(n, (i) => handWritten(script(i)));
  const flow = perSecond(n, (i) => decideOnce(script(i)));

  const texts = fixtureTexts();
  const m = quick ? 20_000 : 200_000;
  const text = (i: number) => texts[i % texts.length] as string;
  const scan = perSecond(m, (i) => (text(i).toLowerCase().includes('linkedin') ? 1 : 0));
  const parsed = perSecond(m, (i) => (parseInvitation(text(i)).confidence >= 0 ? 1 : 0));

  const rows: BenchRow[] = [
    {
      name: `flow: start + answers to a decision (${SCRIPTS.length} mixed scripts)`,
      value: flow,
      unit: 'decisions/s',
      baseline: { name: 'hand-written if/else', value: floor },
      ratio: flow / floor,
      target: '> 100k/s',
      pass: flow > 100_000,
    },
    {
      name: `parser: parseInvitation over ${texts.length} fixture texts`,
      value: parsed,
      unit: 'texts/s',
      baseline: { name: 'lower-case + includes scan', value: scan },
      ratio: parsed / scan,
      target: '> 20k/s',
      pass: parsed > 20_000,
    },
  ];
  return {
    title: `Core (${quick ? 'quick' : 'full'}: ${n.toLocaleString('en')} decisions, ${m.toLocaleString('en')} texts)`,
    rows,
  };
}
