import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's Socket Mode end on loopback: greets each connection with `hello`, sends envelopes as Slack does,
 * and hands back what the app acknowledges for each.
 */
export class FakeSlackSocket {
  private readonly server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  private readonly sockets = new Set<WebSocket>();
  private connected: Promise<WebSocket>;

  constructor() {
    this.connected = new Promise((resolve) => {
      this.server.on('connection', (ws) => {
        this.sockets.add(ws);
        ws.on('close', () => this.sockets.delete(ws));
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A123456' } }));
        resolve(ws);
      });
    });
  }

  async listen(): Promise<string> {
    if (!this.server.address()) await new Promise((resolve) => this.server.once('listening', resolve));
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  /** Sends one envelope and resolves with the app's acknowledgement of it (its payload, if any). */
  async send(type: string, payload: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    const ws = await this.connected;
    const id = randomUUID();
    const acked = new Promise<Record<string, unknown> | undefined>((resolve) => {
      const onMessage = (raw: Buffer) => {
        const msg = JSON.parse(raw.toString()) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (msg.envelope_id !== id) return;
        ws.off('message', onMessage);
        resolve(msg.payload);
      };
      ws.on('message', onMessage);
    });
    ws.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: true, retry_attempt: 0 }));
    return acked;
  }

  close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
