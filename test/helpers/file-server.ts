import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback stand-in for a CDN: serves the files a test puts on it, and records what was asked for. */
export interface FileServer {
  /** The address of `path` on this server. */
  url(path: string): string;
  /** Serves `bytes` at `path`; `delayMs` holds the answer back (a slow CDN). */
  put(path: string, bytes: Uint8Array | string, contentType: string, opts?: { delayMs?: number }): void;
  /** The requests so far, in order: path, and the Authorization header if one was sent. */
  requests: { path: string; authorization?: string }[];
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, { bytes: Buffer; type: string; delayMs: number }>();
  const requests: FileServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const auth = req.headers.authorization;
    requests.push({ path, ...(auth ? { authorization: auth } : {}) });
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    setTimeout(() => {
      res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.length) });
      res.end(file.bytes);
    }, file.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    put(path, bytes, contentType, opts = {}) {
      files.set(path, { bytes: Buffer.from(bytes), type: contentType, delayMs: opts.delayMs ?? 0 });
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
