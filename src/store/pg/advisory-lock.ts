import pg from 'pg';
import type { HeldLock, LockPort } from '../../service/ports.js';

const PING_MS = 10_000;

/**
 * Leader locks as PostgreSQL session advisory locks, each on a connection of its own: the server lets go of
 * the lock the moment that connection dies, so a killed leader frees it without any timeout of ours.
 */
export function advisoryLocks(url: string): LockPort {
  return {
    async tryHold(name: string): Promise<HeldLock | null> {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
        [name],
      );
      if (!rows[0]?.ok) {
        await client.end();
        return null;
      }
      let markLost: () => void = () => undefined;
      const lost = new Promise<void>((resolve) => {
        markLost = resolve;
      });
      client.on('error', () => markLost());
      client.on('end', () => markLost());
      // A dead server or network shows up here rather than never.
      const ping = setInterval(() => {
        client.query('SELECT 1').catch(() => markLost());
      }, PING_MS);
      ping.unref();
      return {
        lost,
        async release() {
          clearInterval(ping);
          await client.end().catch(() => undefined);
          markLost();
        },
      };
    },
  };
}
