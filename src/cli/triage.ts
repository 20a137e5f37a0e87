import { resolvePlatform } from '../core/platforms.js';
import type { TriageView } from '../service/index.js';
import { parse, UsageError } from './args.js';
import type { CliContext } from './commands.js';

class DryRun {
  constructor(readonly view: TriageView) {}
}

/** `triage`: start from text, apply the given answers in the order the questions come, print where it ends. */
export function runTriage(argv: string[], ctx: CliContext): void {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    platform: { type: 'string' },
    inviter: { type: 'string' },
    answer: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
  });
  const answers = new Map<string, string>();
  for (const a of (values.answer as string[] | undefined) ?? []) {
    const m = /^([a-z0-9_-]+)=(.+)$/i.exec(a);
    if (!m?.[1] || !m[2])
      throw new UsageError(`--answer takes <criterion>=<choice>, like met_in_person_or_phone=yes (got "${a}")`);
    answers.set(m[1], m[2]);
  }
  let platform: ReturnType<typeof resolvePlatform> | undefined;
  if (values.platform !== undefined) {
    platform = resolvePlatform(String(values.platform));
    if (!platform) throw new UsageError(`--platform "${values.platform}" is not a platform I know`);
  }
  const service = ctx.service();
  const run = () => {
    const opts = { source: 'cli', platform: platform ?? undefined, inviter: values.inviter as string | undefined };
    let view = service.triage.startFromText(ctx.user, positionals.join(' '), opts);
    while (view.step.kind === 'question') {
      const q = view.step.question;
      const choice = answers.get(q.id);
      if (choice === undefined) break;
      answers.delete(q.id);
      const input = q.freeText ? { questionId: q.id, choice: 'name', text: choice } : { questionId: q.id, choice };
      view = service.triage.answer(ctx.user, view.id, input);
    }
    if (view.platform) {
      const known = new Set(service.policies.show(ctx.user, view.platform).criteria.map((c) => c.id));
      const unknown = [...answers.keys()].filter((id) => !known.has(id));
      if (unknown.length > 0) {
        const list = [...known].join(', ') || 'none';
        throw new UsageError(
          `--answer names ${unknown.join(', ')}, not among your ${view.platformName} criteria: ${list}`,
        );
      }
    }
    return view;
  };
  const view = values['dry-run'] ? dryRun(service, run) : run();
  print(view, !values['dry-run'], Boolean(values.json), ctx.out);
}

/** Runs inside a transaction that is rolled back, so nothing is recorded. */
function dryRun(service: ReturnType<CliContext['service']>, run: () => TriageView): TriageView {
  try {
    service.stores.triages.tx(() => {
      throw new DryRun(run());
    });
  } catch (err) {
    if (err instanceof DryRun) return err.view;
    throw err;
  }
  throw new Error('unreachable');
}

function print(view: TriageView, recorded: boolean, json: boolean, out: (s: string) => void) {
  const base = { triageId: recorded ? view.id : null, platform: view.platform, inviter: view.inviter, recorded };
  const step = view.step;
  if (step.kind === 'decision') {
    const d = step.decision;
    if (json) return out(JSON.stringify({ ...base, ...d }));
    out(`${d.outcome.toUpperCase()}: ${d.explanation}`);
    for (const r of d.reasons) out(`  ${r.criterion}=${r.answer}${r.passed ? '' : '  (decided)'}`);
    return;
  }
  const q = step.question;
  const question = { id: q.id, text: q.text, choices: q.choices.map((c) => c.id), freeText: q.freeText };
  if (json) return out(JSON.stringify({ ...base, outcome: null, question }));
  out(`Needs an answer: ${q.text}\n  --answer ${q.id}=${question.choices.join('|')}`);
}
