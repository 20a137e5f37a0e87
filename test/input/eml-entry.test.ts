import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { systemClock } from '../../src/core/ports.js';
import { openDatabase } from '../../src/store/db.js';
import { type CliRun, runCli } from '../console/cli-harness.js';
import { session } from '../console/terminal-harness.js';
import { tempDir } from '../helpers/run-process.js';

const FIXTURES = new URL('../fixtures/eml/', import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES).pathname;

describe('whole emails (.eml) through the CLI and the terminal', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    for (const name of ['linkedin-qp.eml', 'facebook-base64.eml', 'instagram-multipart.eml', 'linkedin-de.eml']) {
      copyFileSync(fixture(name), join(dir, name));
    }
    writeFileSync(join(dir, 'statement.pdf'), '%PDF-1.7\n1 0 obj << >> endobj\n');
  });
  afterAll(() => cleanup());

  const cli = (args: string[]) => runCli(args, { env: { DATABASE_PATH: join(dir, 'cli.db') }, cwd: dir });
  const json = (r: CliRun) => JSON.parse(r.stdout) as Record<string, unknown>;

  it.each([
    ['linkedin-qp.eml', 'linkedin', 'Amara Okafor'],
    ['facebook-base64.eml', 'facebook', 'Rosa Delgado'],
    ['instagram-multipart.eml', 'instagram', 'Lukas Brenner'],
  ])('parse --file %s: the decoded mail gives the platform and the inviter', async (name, platform, inviter) => {
    const r = await cli(['parse', '--json', '--file', name]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ platform, inviter });
  });

  it('parse --file on a German mail (quoted-printable HTML, encoded headers) reads the network from the sender', async () => {
    const r = await cli(['parse', '--json', '--file', 'linkedin-de.eml']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ platform: 'linkedin' });
  });

  it('triage --file records the invitation read from the mail', async () => {
    const r = await cli(['triage', '--json', '--file', 'facebook-base64.eml', '--answer', 'would_invite_home=yes']);
    expect(r.code, r.stderr).toBe(0);
    const rows = new Database(join(dir, 'cli.db'), { readonly: true })
      .prepare('select platform, inviter from invitations')
      .all();
    expect(rows).toEqual([{ platform: 'facebook', inviter: 'Rosa Delgado' }]);
  });

  it('refuses a PDF with one line, and --image on an email', async () => {
    const pdf = await cli(['parse', '--file', 'statement.pdf']);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toBe(
      'invite-triage parse: I can read .eml and .txt files and screenshots (PNG, JPEG, WebP); that is a PDF.\n',
    );
    const notImage = await cli(['parse', '--image', 'linkedin-qp.eml']);
    expect(notImage.code).toBe(1);
    expect(notImage.stderr).toMatch(/linkedin-qp\.eml is not an image: --image reads screenshots/);
    const both = await cli(['parse', '--file', 'a.eml', '--image', 'b.png']);
    expect(both.code).toBe(2);
  });

  it('the terminal: a raw .eml pasted, "file <path>", and a path dragged onto the window', async () => {
    const db = join(dir, 'terminal.db');
    const service = serviceOver(openDatabase(db), systemClock);
    const raw = readFileSync(fixture('linkedin-qp.eml'), 'utf8').replace(/\r\n/g, '\n');
    const screen = await session(service, [
      'paste',
      raw,
      '.',
      `file ${join(dir, 'instagram-multipart.eml')}`,
      `'${join(dir, 'facebook-base64.eml')}'`,
      join(dir, 'statement.pdf'),
      `file ${join(dir, 'missing.eml')}`,
    ]);
    expect(screen).toContain('[#1] LinkedIn invitation from Amara Okafor');
    // The quoted-printable body was decoded: "=E2=80=93" is the dash in the headline.
    expect(screen).toContain('Head of Partnerships at Brightline Analytics – Lagos & London');
    expect(screen).toContain('[#2] Instagram invitation from Lukas Brenner');
    expect(screen).toContain('[#3] Facebook invitation from Rosa Delgado');
    // The base64 body was decoded: the mutual friends are only in it.
    expect(screen).toContain('4 mutual connections');
    expect(screen).toContain('I can read .eml and .txt files and screenshots (PNG, JPEG, WebP); that is a PDF.');
    expect(screen).toContain(`Cannot read ${join(dir, 'missing.eml')}: no such file.`);
    expect(screen).not.toMatch(/at .*\.ts:\d+/);
  });
});
