import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the app made: a Web API method, a response_url post, or a file upload. */
export interface RecordedCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  raw: string;
  /** The bearer token the call carried, if any. */
  token?: string;
}

/** A message kept in a channel's history: what conversations.history returns. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text: unknown;
  bot_id: string;
  metadata?: unknown;
}

/** A 429, a 500, or any Slack error code answered as `{ ok: false, error }` (channel_not_found, cannot_dm_bot…). */
export type Failure = 'ratelimited' | 'server_error' | (string & {});

/** A fake Slack Web API on loopback: answers like Slack, records every call, fails on request. */
export interface FakeSlack {
  url: string;
  apiUrl: string;
  calls: RecordedCall[];
  /** A fresh response_url on this server; what the app posts there is recorded as method 'response_url'. */
  responseUrl(): string;
  /** Makes the next `times` calls of a method fail the given way. */
  fail(method: string, failure: Failure, times?: number): void;
  /** Makes every later call of a method wait `ms` before Slack answers it. */
  delay(method: string, ms: number): void;
  /** Adds fields (is_admin, is_owner, tz) to what users.info answers for one user. */
  setUser(userId: string, fields: Record<string, unknown>): void;
  /** Messages the app posted in a channel, newest first, as conversations.history answers with metadata. */
  history(channel: string): StoredMessage[];
  /** Where apps.connections.open sends a Socket Mode client. */
  socketUrl: string;
  /**
   * Serves a file at `path` (as files.slack.com does, under /files-pri/…) to a GET with a bearer token;
   * each download is recorded as method 'file'. `delayMs` holds the answer back (a slow download); `chunked`
   * sends no Content-Length, so only the bytes tell the size.
   */
  /** What files.info answers for a file id. */
  setFileInfo(id: string, file: Record<string, unknown>): void;
  serveFile(
    path: string,
    bytes: Uint8Array | string,
    contentType: string,
    opts?: { delayMs?: number; chunked?: boolean },
  ): void;
  waitFor(match: (c: RecordedCall) => boolean, from?: number, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'files', 'metadata'];

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  if (!type?.includes('x-www-form-urlencoded')) return {};
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const f of JSON_FIELDS) if (typeof body[f] === 'string') body[f] = JSON.parse(body[f] as string);
  return body;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const profiles = new Map<string, Record<string, unknown>>();
  const fileInfos = new Map<string, Record<string, unknown>>();
  const events = new EventEmitter();
  const channels = new Map<string, StoredMessage[]>();
  let ts = 1_700_000_000;
  let responses = 0;
  let base = '';

  const answer = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'apps.connections.open':
        return { url: fakeSlack.socketUrl };
      case 'auth.test':
        return { user_id: 'U0BOT0001', bot_id: 'B0BOT0001', team_id: 'T0001', user: 'triage' };
      case 'oauth.v2.access':
        // What Slack answers when a workspace installs the app (enterprise E0001, workspace T0001).
        return {
          app_id: 'A0001',
          authed_user: { id: 'U2147483697' },
          scope: 'commands,chat:write,im:write,users:read',
          token_type: 'bot',
          access_token: 'xoxb-installed-token',
          bot_user_id: 'U0BOT0001',
          team: { id: 'T0001', name: 'Example' },
          enterprise: { id: 'E0001', name: 'Example Org' },
          is_enterprise_install: false,
        };
      case 'conversations.open':
        return { channel: { id: `D${String(body.users ?? 'X').slice(1)}` } };
      case 'chat.postMessage': {
        const message: StoredMessage = { type: 'message', ts: `${ts++}.000100`, text: body.text, bot_id: 'B0BOT0001' };
        if (body.metadata) message.metadata = body.metadata;
        const channel = String(body.channel);
        channels.set(channel, [message, ...(channels.get(channel) ?? [])]);
        return { channel: body.channel, ts: message.ts };
      }
      case 'chat.update':
        return { channel: body.channel, ts: `${ts++}.000100` };
      case 'conversations.history': {
        // Slack returns metadata only when asked for it.
        const withMeta = String(body.include_all_metadata) === 'true';
        const limit = Number(body.limit ?? 100);
        const messages = (channels.get(String(body.channel)) ?? [])
          .slice(0, limit)
          .map(({ metadata, ...m }) => (withMeta && metadata ? { ...m, metadata } : m));
        return { messages, has_more: false };
      }
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { view: { id: 'V0001' } };
      case 'users.info':
        return { user: { id: body.user, tz: 'Europe/Berlin', ...profiles.get(String(body.user)) } };
      case 'files.info': {
        const file = fileInfos.get(String(body.file));
        return file ? { file } : { ok: false, error: 'file_not_found' };
      }
      case 'files.getUploadURLExternal':
        return { upload_url: `${base}/upload/F0001`, file_id: 'F0001' };
      case 'files.completeUploadExternal':
        return { files: [{ id: 'F0001', title: 'export' }] };
      default:
        return {};
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const path = req.url ?? '/';
    const method = path.startsWith('/api/')
      ? path.slice(5).split('?')[0]!
      : path.startsWith('/respond/')
        ? 'response_url'
        : path.startsWith('/upload/')
          ? 'upload'
          : path;
    const body = method === 'upload' ? {} : parseBody(raw, req.headers['content-type']);
    const failure = failures.get(method)?.shift();
    if (failure === 'ratelimited') {
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    if (failure === 'server_error') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return res.end('Internal Server Error');
    }
    if (failure) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: false, error: failure }));
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const call = { method, path, body, raw, ...(bearer ? { token: bearer } : {}) };
    calls.push(call);
    events.emit('call', call);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      method === 'response_url' || method === 'upload'
        ? '{"ok":true}'
        : JSON.stringify({ ok: true, ...answer(method, body) }),
    );
  };

  const delays = new Map<string, number>();
  const files = new Map<string, { bytes: Buffer; type: string; delayMs: number; chunked: boolean }>();
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const file = files.get(req.url ?? '');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const call = { method: 'file', path: req.url ?? '', body: {}, raw: '', ...(bearer ? { token: bearer } : {}) };
    calls.push(call);
    events.emit('call', call);
    // Slack answers a request without a valid token with its sign-in page, not an error.
    if (!file || bearer !== 'xoxb-test-token') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
    }
    setTimeout(() => {
      const length: Record<string, string> = file.chunked ? {} : { 'content-length': String(file.bytes.length) };
      res.writeHead(200, { 'content-type': file.type, ...length });
      res.end(file.bytes);
    }, file.delayMs);
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/files-pri/')) return serve(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const wait = delays.get((req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '') ?? 0;
      setTimeout(() => handle(req, res, Buffer.concat(chunks).toString('utf8')), wait);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fakeSlack: FakeSlack = {
    url: base,
    apiUrl: `${base}/api/`,
    socketUrl: '',
    calls,
    history: (channel) => channels.get(channel) ?? [],
    responseUrl: () => `${base}/respond/${++responses}`,
    fail(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array<Failure>(times).fill(failure)]);
    },
    delay(method, ms) {
      delays.set(method, ms);
    },
    setFileInfo(id, file) {
      fileInfos.set(id, file);
    },
    serveFile(path, bytes, contentType, opts = {}) {
      files.set(path, {
        bytes: Buffer.from(bytes),
        type: contentType,
        delayMs: opts.delayMs ?? 0,
        chunked: !!opts.chunked,
      });
    },
    setUser(userId, fields) {
      profiles.set(userId, { ...profiles.get(userId), ...fields });
    },
    waitFor(match, from = 0, timeoutMs = 8000) {
      const found = calls.slice(from).find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('call', listener);
          reject(new Error(`No matching Slack call; calls so far: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        const listener = (c: RecordedCall) => {
          if (!match(c)) return;
          clearTimeout(timer);
          events.off('call', listener);
          resolve(c);
        };
        events.on('call', listener);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fakeSlack;
}
