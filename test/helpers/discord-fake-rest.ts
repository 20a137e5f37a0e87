import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { discordLimitErrors } from './discord-limits.js';

/** Raw Discord JSON, as the platform sends it: tests read and change fields freely. */
// biome-ignore lint/suspicious/noExplicitAny: payload JSON is untyped by nature; a type per shape would only restate Discord's docs
export type Json = any;

/** One request the bot made to the fake Discord REST API. `route` has the /api/v10 prefix stripped. */
export interface RestCall {
  method: string;
  route: string;
  /** The JSON body, or a multipart body's payload_json. */
  body: Json;
  /** Names of attached files, and their text, for multipart requests. */
  files: { name: string; text: string }[];
  at: number;
}

/** A scripted failure for the next request matching `method` and `route`. */
interface Failure {
  method: string;
  route: RegExp;
  status: number;
  body: object;
  headers?: Record<string, string>;
}

let snowflake = 1_190_000_000_000_000_000n;
export const nextSnowflake = () => String(++snowflake);

/** A loopback stand-in for Discord's REST API: answers what discord.js asks, and records every call. */
export class FakeDiscordRest extends EventEmitter {
  readonly calls: RestCall[] = [];
  gatewayUrl = '';
  private readonly failures: Failure[] = [];
  /** Why Discord would have refused a message the bot sent (over a limit); tests expect none. */
  readonly refusals: string[] = [];
  /** Messages the bot posted, per channel, oldest first: what GET /channels/:id/messages lists. */
  private readonly posted = new Map<string, Json[]>();
  private server: Server | null = null;
  api = '';

  constructor(readonly appId: string) {
    super();
    this.setMaxListeners(0); // one waiter per in-flight interaction when driven under load
  }

  async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.api = `http://127.0.0.1:${port}/api`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Makes the next matching request fail, e.g. 50007 "Cannot send messages to this user" or a 429. */
  failNext(method: string, route: RegExp, status: number, body: object, headers?: Record<string, string>): void {
    this.failures.push({ method, route, status, body, headers });
  }

  /** Resolves with the first call (already made or still to come) that matches. */
  waitFor(match: (c: RestCall) => boolean, timeoutMs = 5000, from = 0): Promise<RestCall> {
    const found = this.calls.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('call', listener);
        reject(new Error(`no matching REST call; calls were: ${this.calls.map((c) => `${c.method} ${c.route}`)}`));
      }, timeoutMs);
      const listener = (c: RestCall) => {
        if (!match(c)) return;
        clearTimeout(timer);
        this.off('call', listener);
        resolve(c);
      };
      this.on('call', listener);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const route = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const method = req.method ?? 'GET';
    const { body, files } = parseBody(req.headers['content-type'] ?? '', raw);
    const failure = this.failures.findIndex((f) => f.method === method && f.route.test(route));
    const call: RestCall = { method, route, body, files, at: performance.now() };
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      this.calls.push(call);
      this.emit('call', call);
      return send(res, f?.status ?? 500, f?.body ?? {}, f?.headers);
    }
    this.calls.push(call);
    this.emit('call', call);
    const refused = method === 'GET' ? [] : discordLimitErrors(messageBody(route, body));
    if (refused.length > 0) {
      this.refusals.push(...refused);
      return send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: refused });
    }
    if (method === 'GET' && route === '/gateway/bot') {
      const limit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
      return send(res, 200, { url: this.gatewayUrl, shards: 1, session_start_limit: limit });
    }
    if (route.endsWith('/callback')) return send(res, 204, null);
    if (method === 'GET' && route === '/applications/@me')
      return send(res, 200, { id: this.appId, name: 'invite-triage' });
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      const commands = Array.isArray(body) ? body : [];
      return send(
        res,
        200,
        commands.map((c: Json) => ({ ...c, id: nextSnowflake(), application_id: this.appId })),
      );
    }
    if (method === 'POST' && route === '/users/@me/channels') {
      return send(res, 200, { id: dmChannelOf(body?.recipient_id ?? '0'), type: 1, recipients: [] });
    }
    if (method === 'POST' && /^\/channels\/\d+\/typing$/.test(route)) return send(res, 204, null);
    const listed = /^\/channels\/(\d+)\/messages$/.exec(route)?.[1];
    if (listed && method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return send(res, 200, [...(this.posted.get(listed) ?? [])].reverse().slice(0, limit));
    }
    if (listed && method === 'POST') return send(res, 200, this.post(listed, body));
    const channel = /^\/channels\/(\d+)\/messages/.exec(route)?.[1];
    if (channel || route.startsWith('/webhooks/')) return send(res, 200, this.message(channel ?? '1', body));
    send(res, 404, { message: 'Unknown route in fake', code: 0 });
  }

  /** The messages the bot posted in a channel, oldest first. */
  history(channelId: string): Json[] {
    return this.posted.get(channelId) ?? [];
  }

  /** Creates a message; with enforce_nonce, a nonce already used in the channel returns that message instead. */
  private post(channelId: string, body: Json): Json {
    const list = this.posted.get(channelId) ?? [];
    this.posted.set(channelId, list);
    const nonce = body?.nonce;
    const earlier = body?.enforce_nonce && nonce !== undefined ? list.find((m) => m.nonce === nonce) : undefined;
    if (earlier) return earlier;
    const message: Json = { ...this.message(channelId, body), ...(nonce !== undefined ? { nonce } : {}) };
    list.push(message);
    return message;
  }

  /** A message object as Discord returns it for a message the bot sent. */
  message(channelId: string, body: Json): object {
    return {
      id: nextSnowflake(),
      channel_id: channelId,
      type: 0,
      content: body?.content ?? '',
      author: { id: this.appId, username: 'invite-triage', discriminator: '0', avatar: null, bot: true },
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
    };
  }
}

/** The message in a request, if it carries one: a callback's data (replies, updates), else the body itself. */
function messageBody(route: string, body: Json): Json {
  if (route.endsWith('/callback')) return body?.type === 4 || body?.type === 7 ? body.data : null;
  return /\/messages|^\/webhooks\//.test(route) ? body : null;
}

/** The DM channel id the fake gives a user: derived, so tests can predict it. */
export function dmChannelOf(userId: string): string {
  return `9${userId.slice(1)}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseBody(type: string, raw: string): { body: Json; files: RestCall['files'] } {
  if (raw === '') return { body: null, files: [] };
  if (type.includes('application/json')) return { body: JSON.parse(raw), files: [] };
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  if (!boundary) return { body: raw, files: [] };
  let body: Json = null;
  const files: RestCall['files'] = [];
  for (const part of raw.split(`--${boundary}`)) {
    const [head = '', ...rest] = part.split('\r\n\r\n');
    const text = rest.join('\r\n\r\n').replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    if (name === 'payload_json') body = JSON.parse(text);
    else if (filename) files.push({ name: filename, text });
  }
  return { body, files };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === null) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
