import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { systemClock } from '../../src/core/ports.js';
import { createFileReaders, MAX_OCR_QUEUE } from '../../src/input/index.js';
import { InputService } from '../../src/service/index.js';
import { openDatabase } from '../../src/store/db.js';
import { type CliRun, runCli } from '../console/cli-harness.js';
import { session } from '../console/terminal-harness.js';
import { tempDir } from '../helpers/run-process.js';
import { blank, facebookRequest, linkedinCard, linkedinCardGerman, xFollow } from './screens.js';

// OCR takes a few tenths of a second an image: few images, and one warm worker for the service and terminal
// checks (the CLI's, like the real one, starts and ends its own each command).
const readers = createFileReaders();
const input = new InputService(readers);

describe('screenshots, drawn by the test and read by OCR', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    writeFileSync(join(dir, 'linkedin.png'), linkedinCard());
    writeFileSync(join(dir, 'x-follow.jpg'), xFollow(2, 'jpeg'));
    writeFileSync(join(dir, 'blank.png'), blank());
    writeFileSync(join(dir, 'anleitung.pdf'), '%PDF-1.4\n');
    writeFileSync(join(dir, 'Facebook request.webp'), facebookRequest(1.5, 'webp'));
    writeFileSync(join(dir, 'anfrage.png'), linkedinCardGerman(2));
  });
  afterAll(async () => {
    await readers.close();
    cleanup();
  });

  const cli = (args: string[]) => runCli(args, { env: { DATABASE_PATH: join(dir, 'cli.db') }, cwd: dir });
  const json = (r: CliRun) => JSON.parse(r.stdout) as Record<string, unknown>;

  it('parse --image: a LinkedIn card gives the platform, the inviter and the headline', async () => {
    const r = await cli(['parse', '--json', '--image', 'linkedin.png']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({
      platform: 'linkedin',
      inviter: 'Priya Raman',
      context: { headline: expect.stringContaining('Product Lead at Northwind') },
    });
  });

  it('triage --image: an X follow at twice the size, as a JPEG, is recorded', async () => {
    const r = await cli(['triage', '--json', '--dry-run', '--image', 'x-follow.jpg']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Lena Fischer');
    expect(json(r)).toMatchObject({ platform: 'x' });
  });

  it('a blank screenshot says no readable text; a PDF given as --image is refused before any OCR', async () => {
    const none = await cli(['parse', '--image', 'blank.png']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      'invite-triage parse: I found no readable text in that image. Send a screenshot of the invitation, or paste its text.\n',
    );
    const pdf = await cli(['parse', '--image', 'anleitung.pdf']);
    expect(pdf.stderr).toBe(
      'invite-triage parse: I can read .eml and .txt files and screenshots (PNG, JPEG, WebP); that is a PDF.\n',
    );
  });

  it('reads German with its umlauts (the deu model ships with the project)', async () => {
    const { text, kind } = await input.read({ bytes: linkedinCardGerman(2) });
    expect(kind).toBe('image');
    expect(text).toContain('möchte sich mit Ihnen vernetzen');
    expect(text).toContain('Müller & Söhne GmbH');
  });

  it('the terminal: "image <path>" and a dragged-in path with a space, each shown as a triage', async () => {
    const db = join(dir, 'terminal.db');
    const service = serviceOver(openDatabase(db), systemClock, readers);
    const screen = await session(service, [
      `image ${join(dir, 'linkedin.png')}`,
      `${join(dir, 'Facebook request.webp').replace(/ /g, '\\ ')}`,
      `image ${join(dir, 'blank.png')}`,
    ]);
    expect(screen).toContain('[#1] LinkedIn invitation from Priya Raman');
    expect(screen).toContain('[#2] Facebook invitation from Rosa Delgado');
    expect(screen).toContain('I found no readable text in that image.');
    const rows = new Database(db, { readonly: true }).prepare('select platform, inviter from invitations').all();
    expect(rows).toEqual([
      { platform: 'linkedin', inviter: 'Priya Raman' },
      { platform: 'facebook', inviter: 'Rosa Delgado' },
    ]);
  });

  it(`the queue: past ${MAX_OCR_QUEUE} images at once, the next is told to wait; a damaged one fails alone`, async () => {
    const small = xFollow(1, 'png');
    const damaged = Buffer.from(small.subarray(0, 200));
    const all = await Promise.allSettled([
      input.read({ bytes: damaged }),
      ...Array.from({ length: MAX_OCR_QUEUE }, () => input.read({ bytes: small })),
    ]);
    const reasons = all.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'read'));
    expect(reasons[0]).toBe('bad_argument');
    expect(reasons.slice(1, MAX_OCR_QUEUE).every((r) => r === 'read')).toBe(true);
    expect(reasons[MAX_OCR_QUEUE]).toBe('reader_busy');
    // The worker survived the damaged image.
    expect((await input.read({ bytes: small })).text).toContain('Lena Fischer');
  });
});
