import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** A loopback Discord gateway: HELLO, IDENTIFY → READY, heartbeat ACKs, and dispatches on demand. */
export class FakeDiscordGateway {
  private server: WebSocketServer | null = null;
  private readonly sockets = new Set<WebSocket>();
  private seq = 1;
  private readonly identifyWaiters: { n: number; resolve: () => void }[] = [];
  /** How many IDENTIFYs (logins) the gateway has seen. */
  identified = 0;
  url = '';

  constructor(private readonly appId: string) {}

  async listen(): Promise<void> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (raw) => this.onFrame(socket, JSON.parse(String(raw)) as { op: number }));
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    });
  }

  private onFrame(socket: WebSocket, frame: { op: number }): void {
    if (frame.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    if (frame.op === 2) {
      this.identified++;
      for (const w of this.identifyWaiters.filter((x) => x.n <= this.identified)) w.resolve();
      const user = { id: this.appId, username: 'invite-triage', discriminator: '0', avatar: null, bot: true };
      const ready = {
        v: 10,
        user,
        guilds: [],
        session_id: 'fake-session',
        resume_gateway_url: this.url,
        application: { id: this.appId, flags: 0 },
        shard: [0, 1],
      };
      socket.send(JSON.stringify({ op: 0, t: 'READY', s: this.seq++, d: ready }));
    }
  }

  /** Resolves once `n` clients in all have identified. */
  whenIdentified(n: number): Promise<void> {
    if (this.identified >= n) return Promise.resolve();
    return new Promise((resolve) => this.identifyWaiters.push({ n, resolve }));
  }

  /** Clients connected right now. */
  get connected(): number {
    return this.sockets.size;
  }

  /** Sends a dispatch (op 0) to every connected client. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, t, s: this.seq++, d });
    for (const s of this.sockets) s.send(frame);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
