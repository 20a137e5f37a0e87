import { createSlackAdapter, type SlackAdapter, type SlackAdapterConfig } from '../../adapters/slack/index.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import type { UserRef } from '../../src/core/user.js';
import type { Service } from '../../src/service/index.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from './slack-fake-api.js';
import { allViolations } from './slack-limits.js';
import {
  type Actor,
  blockActionsForm,
  type Clicked,
  type Container,
  STEVE,
  slashCommandForm,
} from './slack-payloads.js';
import { type SendOptions, SIGNING_SECRET, sendSigned } from './slack-sign.js';

const FORM = 'application/x-www-form-urlencoded';

/** A clock that ticks a millisecond per reading, so every change has its own timestamp; `set` jumps in time. */
export function tickingClock(start = Date.UTC(2025, 0, 8, 9, 0, 0)) {
  let t = start;
  return {
    now: () => t++,
    set: (ms: number) => {
      t = ms;
    },
  };
}

/** A real Bolt app in HTTP mode on loopback, a real SQLite service, and a fake Slack API that records calls. */
export interface SlackHarness {
  url: string;
  fake: FakeSlack;
  service: Service;
  /** The service's clock: tests move it to a digest's send time. */
  clock: ReturnType<typeof tickingClock>;
  db: Db;
  adapter: SlackAdapter;
  logs: string[];
  send(body: string, contentType?: string, opts?: SendOptions): Promise<Response>;
  /** Runs `/triage <text>` and returns the ephemeral reply the user sees. */
  command(text: string, actor?: Actor): Promise<RecordedCall>;
  /** Clicks the button labelled `label` in a shown message, returning the next call the app makes. */
  click(shown: RecordedCall, label: string, where?: Container | 'same', actor?: Actor): Promise<RecordedCall>;
  act(action: Clicked, where: Container, actor?: Actor): Promise<RecordedCall>;
  userRef(actor?: Actor): UserRef;
  /** Limit violations across every call recorded so far. */
  violations(): string[];
  close(): Promise<void>;
}

/**
 * `file` puts the database in a file, for tests in which a second process opens it too; `prepare` sets up the
 * fake Slack before the app starts (a slow auth.test, say).
 */
export async function startSlackHarness(
  overrides: Partial<SlackAdapterConfig> = {},
  opts: { file?: string; prepare?: (fake: FakeSlack) => void } = {},
): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  opts.prepare?.(fake);
  const db = openDatabase(opts.file ?? ':memory:');
  const clock = tickingClock();
  const service = serviceOver(db, clock);
  const logs: string[] = [];
  const log = createLogger('debug', (l) => logs.push(l));
  const adapter = createSlackAdapter(
    {
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      port: 0,
      host: '127.0.0.1',
      apiUrl: fake.apiUrl,
      retry: { retries: 2, minTimeout: 10, maxTimeout: 50 },
      ...overrides,
    },
    { service, log },
  );
  await adapter.start();
  const url = adapter.url();
  if (!url) throw new Error('the Slack adapter did not start an HTTP server');
  const send = (body: string, contentType = FORM, opts?: SendOptions) => sendSigned(url, body, contentType, opts);
  const respondedAt = (responseUrl: string, from: number) =>
    fake.waitFor((c) => c.method === 'response_url' && responseUrl.endsWith(c.path), from);

  const h: SlackHarness = {
    url,
    fake,
    service,
    clock,
    db,
    adapter,
    logs,
    send,
    async command(text, actor = STEVE) {
      const responseUrl = fake.responseUrl();
      const from = fake.calls.length;
      const res = await send(slashCommandForm(text, responseUrl, actor));
      if (res.status !== 200) throw new Error(`slash command got HTTP ${res.status}`);
      const raw = await res.text();
      if (raw === '') return respondedAt(responseUrl, from);
      // A reply in the ack itself: recorded beside the API calls so the limit checks cover it too.
      const call: RecordedCall = { method: 'ack', path: '', body: JSON.parse(raw) as Record<string, unknown>, raw };
      fake.calls.push(call);
      return call;
    },
    async act(action, where, actor = STEVE) {
      const from = fake.calls.length;
      const res = await send(blockActionsForm(action, where, actor));
      if (res.status !== 200) throw new Error(`action got HTTP ${res.status}`);
      return fake.waitFor(() => true, from);
    },
    async click(shown, label, where = 'same', actor = STEVE) {
      const button = findButton(shown, label);
      const container = where === 'same' ? containerOf(shown, fake) : where;
      return h.act({ action_id: button.action_id, value: button.value, block_id: button.block_id }, container, actor);
    },
    userRef: (actor = STEVE) => ({
      provider: 'slack',
      workspace: `${actor.enterpriseId}:${actor.teamId}`,
      userId: actor.userId,
    }),
    violations: () => allViolations(fake.calls),
    async close() {
      await adapter.stop();
      await fake.close();
      db.$client.close();
    },
  };
  return h;
}

interface FoundButton {
  action_id: string;
  value: string;
  block_id?: string;
}

/** The buttons a message offers, by label. */
export function buttons(call: RecordedCall): string[] {
  return blocksOf(call).flatMap((b) =>
    b.type === 'actions' ? (b.elements as { text?: { text: string } }[]).map((e) => e.text?.text ?? '') : [],
  );
}

export function findButton(call: RecordedCall, label: string): FoundButton {
  for (const b of blocksOf(call)) {
    if (b.type !== 'actions') continue;
    for (const e of b.elements as { text?: { text: string }; action_id: string; value: string }[]) {
      if (e.text?.text === label) return { action_id: e.action_id, value: e.value, block_id: b.block_id as string };
    }
  }
  throw new Error(`No "${label}" button; offered: ${buttons(call).join(', ')}`);
}

/** All the mrkdwn and plain text a message shows, joined, to assert on what the user reads. */
export function visibleText(call: RecordedCall): string {
  const texts: string[] = [];
  const walk = (o: unknown) => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      const r = o as Record<string, unknown>;
      if ((r.type === 'mrkdwn' || r.type === 'plain_text') && typeof r.text === 'string') texts.push(r.text);
      for (const v of Object.values(r)) if (typeof v === 'object') walk(v);
    }
  };
  walk(blocksOf(call));
  return texts.join('\n');
}

export function blocksOf(call: RecordedCall): Record<string, unknown>[] {
  const view = call.body.view as { blocks?: unknown } | undefined;
  return ((call.body.blocks ?? view?.blocks ?? []) as Record<string, unknown>[]) ?? [];
}

function containerOf(call: RecordedCall, fake: FakeSlack): Container {
  if (call.method === 'response_url' || call.method === 'ack')
    return { kind: 'ephemeral', responseUrl: fake.responseUrl() };
  if (call.method === 'views.publish') return { kind: 'home' };
  const channel = String(call.body.channel ?? 'D0ABCDEF1');
  return { kind: 'message', channel, ts: '1548261231.000200', responseUrl: fake.responseUrl() };
}
