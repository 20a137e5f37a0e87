import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { openDatabase } from '../../src/store/db.js';
import { firstAnswerClicks } from '../helpers/discord-clicks.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { ROOT, tempDir } from '../helpers/run-process.js';

// Another process (a second bot, the CLI) holds the write lock for a while, as SQLite allows.
const LOCKER = `
const db = new (require('better-sqlite3'))(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
console.log('locked');
setTimeout(() => { db.exec('COMMIT'); console.log('released ' + Date.now()); db.close(); }, 1500);
`;

function lockDatabase(file: string): Promise<{ released: Promise<number> }> {
  const child = spawn(process.execPath, ['-e', LOCKER, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolveLocked) => {
    const released = new Promise<number>((resolveReleased) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('locked')) resolveLocked({ released });
        const at = /released (\d+)/.exec(out)?.[1];
        if (at) resolveReleased(Number(at));
      });
    });
  });
}

let h: DiscordHarness | undefined;
const folder = tempDir();
afterEach(async () => {
  await h?.close();
  folder.cleanup();
});

describe('a click while another process has the database locked', () => {
  it('GIVEN the lock outlasts the click THEN the click is acknowledged at once and recorded once the lock is gone', async () => {
    const file = join(folder.dir, 'locked.db');
    h = await startDiscordHarness({ service: serviceOver(openDatabase(file), { now: () => Date.now() }) });
    const [click] = firstAnswerClicks(h.service, 1);
    if (!click) throw new Error('no click');
    const lock = await lockDatabase(file);

    const acked = h.rest.waitFor((c) => c.route.startsWith(`/interactions/${click.id}/`)).then(() => Date.now());
    const edited = h.rest.waitFor((c) => c.method === 'PATCH' && c.route.includes(click.token), 8000);
    h.gateway.dispatch('INTERACTION_CREATE', click);

    const [ackedAt, releasedAt, edit] = await Promise.all([acked, lock.released, edited]);
    expect(ackedAt).toBeLessThan(releasedAt);
    expect(edit.body.embeds[0].title).toBe('Accept: LinkedIn invitation from Dana Kim');
    const count = h.service.stores.db.$client.prepare('select count(*) as n from answers').get();
    expect(count).toEqual({ n: 1 });
  });
});
