import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** A loopback Discord gateway: HELLO, IDENTIFY → READY, heartbeat ACKs, and dispatches on demand. */
export class FakeDiscordGateway {
  private server: WebSocketServer | null = null;
  private readonly sockets = new Set<WebSocket>();
  private seq = 1;
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
