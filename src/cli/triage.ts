import { resolvePlatform } from '../core/platforms.js';
import type { Service, TriageView } from '../service/index.js';
import { parse, UsageError } from './args.js';
import type { CliContext } from './context.js';
import { readText } from './text-input.js';

const OPTIONS = {
  json: { type: 'boolean' },
  file: { type: 'string' },
  image: { type: 'string' },
  platform: { type: 'string' },
  inviter: { type: 'string' },
  answer: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  again: { type: 'boolean' },
} as const;

/** `triage`: start from text, apply the given answers in the order the questions come, print where it ends. */
export async function runTriage(argv: string[], ctx: CliContext): Promise<void> {
  const { values, positionals } = parse(argv, OPTIONS);
  const answers = new Map<string, string>();
  for (const a of values.answer ?? []) {
    const m = /^([a-z0-9_-]+)=(.+)$/is.exec(a);
    if (!m?.[1] || !m[2])
      throw new UsageError(`--answer takes <criterion>=<choice>, like met_in_person_or_phone=yes (got "${a}")`);
    answers.set(m[1], m[2]);
  }
  let platform: ReturnType<typeof resolvePlatform> | undefined;
  if (values.platform !== undefined) {
    platform = resolvePlatform(values.platform);
    if (!platform) throw new UsageError(`--platform "${values.platform.slice(0, 40)}" is not a platform I know`);
  }
  const text = await readText(positionals, values, ctx.io, ctx.input);
  const service = await ctx.service();
  // A script is never asked its role (`settings --role` sets it), and its --answer beats what the text implies.
  const opts = {
    source: 'cli',
    platform: platform ?? undefined,
    inviter: values.inviter,
    again: Boolean(values.again),
    askRole: false,
    notInferred: [...answers.keys()],
  };
  const run = async (svc: Service) =>
    answerAll(svc, ctx, await svc.triage.startFromText(ctx.user, text, opts), new Map(answers));
  const dryRun = Boolean(values['dry-run']);
  // The start and every answer in one transaction: an answer that turns out wrong halfway, or a write the
  // database refuses, leaves no half-made triage behind, so a retry makes exactly one.
  const view = dryRun ? await service.triage.dryRun(run) : await service.atomic(run);
  print(view, !dryRun, Boolean(values.json), ctx.out);
}

/** Answers each question the answers cover; an answer the questions never ask for is a usage error. */
async function answerAll(
  service: Service,
  ctx: CliContext,
  start: TriageView,
  answers: Map<string, string>,
): Promise<TriageView> {
  let view = start;
  if (view.repeat) return view;
  while (view.step.kind === 'question') {
    const q = view.step.question;
    const choice = answers.get(q.id);
    if (choice === undefined) break;
    answers.delete(q.id);
    if (!q.freeText && !q.choices.some((c) => c.id === choice)) {
      const ids = q.choices.map((c) => c.id).join(', ');
      throw new UsageError(`--answer ${q.id}=${choice.slice(0, 40)}: the choices are ${ids}`);
    }
    const input = q.freeText ? { questionId: q.id, choice: 'name', text: choice } : { questionId: q.id, choice };
    view = await service.triage.answer(ctx.user, view.id, input);
  }
  if (view.platform && answers.size > 0) {
    const known = new Set((await service.policies.show(ctx.user, view.platform)).criteria.map((c) => c.id));
    const unknown = [...answers.keys()].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const list = [...known].join(', ') || 'none';
      throw new UsageError(
        `--answer names ${unknown.join(', ')}, not among your ${view.platformName} criteria: ${list}`,
      );
    }
  }
  return view;
}

function print(view: TriageView, recorded: boolean, json: boolean, out: (s: string) => void) {
  if (view.repeat) return printRepeat(view, json, out);
  const base = {
    triageId: recorded ? view.id : null,
    platform: view.platform,
    inviter: view.inviter,
    recorded,
    inferred: inferredOf(view),
  };
  const step = view.step;
  if (step.kind === 'decision') {
    const d = step.decision;
    if (json) return out(JSON.stringify({ ...base, ...d }));
    out(`${d.outcome.toUpperCase()}: ${d.explanation}`);
    for (const [id, i] of Object.entries(base.inferred)) out(`  ${id}=${i.answer}  (you said: ${i.because})`);
    for (const r of d.reasons) out(`  ${r.criterion}=${r.answer}${r.passed ? '' : '  (decided)'}`);
    return;
  }
  const q = step.question;
  const question = { id: q.id, text: q.text, choices: q.choices.map((c) => c.id), freeText: q.freeText };
  if (json) return out(JSON.stringify({ ...base, outcome: null, question }));
  out(`Needs an answer: ${q.text}\n  --answer ${q.id}=${question.choices.join('|')}`);
}

/** The answers taken from the text: criterion id → the choice and the words it came from. */
function inferredOf(view: TriageView): Record<string, { answer: string; because: string }> {
  const step = view.step;
  const taken =
    step.kind === 'question'
      ? (step.question.inferred ?? []).map((i) => ({ criterion: i.criterion, answer: i.answer, because: i.because }))
      : step.decision.reasons.flatMap((r) =>
          r.inferred === undefined ? [] : [{ criterion: r.criterion, answer: r.answer, because: r.inferred }],
        );
  return Object.fromEntries(taken.map((t) => [t.criterion, { answer: t.answer, because: t.because }]));
}

/** The person was triaged before on that network: nothing new is recorded unless --again. */
function printRepeat(view: TriageView, json: boolean, out: (s: string) => void) {
  const repeat = { triageId: view.id, outcome: view.repeat?.outcome, decidedAt: view.repeat?.decidedAt };
  if (json) {
    return out(
      JSON.stringify({ triageId: null, platform: view.platform, inviter: view.inviter, recorded: false, repeat }),
    );
  }
  const when = new Date(view.repeat?.decidedAt ?? 0).toISOString().slice(0, 10);
  out(
    `REPEAT: ${view.inviter ?? 'This person'} was triaged on ${view.platformName} on ${when} (#${view.id}): ${repeat.outcome}.`,
  );
  out('  --again triages them again.');
}
