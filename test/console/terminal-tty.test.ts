import { PassThrough, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console/index.js';
import { createLogger } from '../../src/core/logger.js';
import type { Service } from '../../src/service/index.js';
import type { Db } from '../../src/store/db.js';
import { aService } from '../helpers/builders.js';
import { ME } from './terminal-harness.js';

/** The console adapter on a stream that says it is a terminal, as `npm start` in a real terminal runs it. */
function ttyTerminal(service: Service) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  let screen = '';
  const output = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      screen += chunk.toString();
      done();
    },
  });
  const adapter = createConsoleAdapter({ input, output, user: ME }, { service, log: createLogger('error', () => {}) });
  /** Waits until the screen shows `text` after what it showed before the keys were pressed. */
  const press = async (keys: string, text: string) => {
    const from = screen.length;
    input.write(keys);
    for (let waited = 0; !screen.slice(from).includes(text); waited += 20) {
      if (waited > 10_000) throw new Error(`the screen never showed "${text}":\n${screen.slice(from)}`);
      await sleep(20);
    }
  };
  return { adapter, press, screen: () => screen };
}

describe('the terminal bot in a terminal', () => {
  let db: Db;
  let service: Service;
  beforeEach(() => {
    ({ db, service } = aService());
  });
  afterEach(() => db.$client.close());

  it('GIVEN paste mode WHEN Ctrl-C is pressed THEN the paste is cancelled, nothing is saved, and the bot goes on; Ctrl-C again quits', async () => {
    const t = ttyTerminal(service);
    await t.adapter.start();
    await t.press('paste\r', 'Paste the text, then a line with a single "."');
    await t.press('LinkedIn request from Dana Kim\r', 'LinkedIn request from Dana Kim');
    // Longer than the gap that gathers a burst of pasted lines, so the line has reached the paste.
    await sleep(200);
    await t.press('\u0003', 'Paste cancelled; nothing was saved.');
    await t.press('pending\r', 'Nothing pending.');
    t.press('\u0003', '').catch(() => {});
    await t.adapter.done;
    expect(t.screen()).not.toContain('[#');
    expect(await service.records.pending(ME)).toEqual([]);
    expect((db.$client.prepare('SELECT count(*) AS n FROM triages').get() as { n: number }).n).toBe(0);
  });
});
