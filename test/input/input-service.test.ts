import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileReaders } from '../../src/input/index.js';
import { InputService } from '../../src/service/index.js';

const eml = (name: string) => readFileSync(new URL(`../fixtures/eml/${name}`, import.meta.url));
const readers = createFileReaders();
const input = new InputService(readers);
afterAll(() => readers.close());
const bytes = (s: string) => new TextEncoder().encode(s);

/** A PNG of the given size whose pixel data is never looked at: the header is enough to refuse it. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

const refusal = async (file: Parameters<InputService['read']>[0], code: string, message: string | RegExp) => {
  const err = await input.read(file).then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(err?.code).toBe(code);
  expect(err?.message).toMatch(message);
  expect(err?.message.split('\n')).toHaveLength(1);
};

describe('reading .eml files', () => {
  it.each([
    ['linkedin-qp.eml', 'Subject: Amara Okafor wants to connect', 'Brightline Analytics – Lagos & London'],
    [
      'facebook-base64.eml',
      'From: Facebook <friendupdates@facebookmail.com>',
      'Rosa Delgado sent you a friend request.',
    ],
    [
      'github-html-only.eml',
      'Subject: [GitHub] @kenji-watanabe started following you',
      'Kenji has 42 public repositories & 310 followers.',
    ],
    [
      'instagram-multipart.eml',
      'To: Morgan Lee <morgan@example.com>',
      'Lukas Brenner (@lukas.brenner) requested to follow you',
    ],
    [
      'linkedin-de.eml',
      'From: Jens Albrecht über LinkedIn <invitations@linkedin.com>',
      'Vertriebsleiter bei Müller & Söhne GmbH',
    ],
    [
      'facebook-fr-latin1.eml',
      'Subject: Hélène Lefèvre vous a envoyé une invitation',
      'Hélène Lefèvre\n3 amis en commun',
    ],
  ])('%s: headers first, then the decoded body', async (name, header, body) => {
    const read = await input.read({ bytes: eml(name), name });
    expect(read.kind).toBe('email');
    expect(read.text.split('\n\n')[0]).toContain(header);
    expect(read.text).toContain(body);
  });

  it('drops what an HTML body hides: styles, scripts, preheaders and markup', async () => {
    const { text } = await input.read({ bytes: eml('github-html-only.eml') });
    expect(text.split('\n\n').slice(1).join('\n\n')).not.toMatch(
      /font-family|track\(\)|You have a new follower|<|&amp;/,
    );
  });

  it('reads a hostile HTML body (thousands of unclosed hidden tags) in well under a second', async () => {
    for (const unit of ['<style>', '<!--', '<div style="display:none">', '<p>']) {
      const html = `<p>Dana Kim wants to connect</p>${unit.repeat(Math.floor(900_000 / unit.length))}`;
      const mail = `MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n${html}`;
      const started = performance.now();
      const { text } = await input.read({ bytes: bytes(mail), name: 'x.eml' });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(text).toContain('Dana Kim wants to connect');
    }
  });

  it('knows a raw email by its headers without a name, and a forwarded text that begins "From:" stays text', async () => {
    expect((await input.read({ bytes: eml('linkedin-qp.eml') })).kind).toBe('email');
    const forwarded = 'From: Dana Kim <dana@example.com>\nSubject: hi\n\nDana Kim wants to connect on LinkedIn';
    expect(await input.read({ bytes: bytes(forwarded), name: 'notes.txt' })).toEqual({ text: forwarded, kind: 'text' });
    expect((await input.readPasted(eml('facebook-base64.eml').toString())).text).toContain('4 mutual friends');
    expect((await input.read({ bytes: bytes(forwarded), name: 'saved.eml' })).kind).toBe('email');
  });

  it('refuses an email with no text, an email over 1 MB and a damaged file named .eml', async () => {
    await refusal(
      { bytes: bytes('MIME-Version: 1.0\nContent-Type: text/plain\n\n   \n') },
      'no_text_found',
      'no readable text in that email',
    );
    const big = `MIME-Version: 1.0\nContent-Type: text/plain\n\n${'x'.repeat(1_100_000)}`;
    await refusal(
      { bytes: bytes(big), name: 'big.eml' },
      'file_too_large',
      'That file is 1.1 MB; I read files up to 1 MB',
    );
  });
});

describe('refusing files that are not invitations, each with one line', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'statement.pdf'],
    ['a zip archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...deflateSync('x')]), 'mails.zip'],
    ['a HEIC photo', new Uint8Array([0, 0, 0, 24, ...bytes('ftypheic'), 0, 0, 0, 0]), 'IMG_0001.HEIC'],
    ['a GIF', bytes('GIF89a\u0001\u0000\u0001\u0000'), 'x.gif'],
  ])('%s', async (what, file, name) => {
    await refusal(
      { bytes: file, name },
      'unsupported_file',
      `I can read .eml and .txt files and screenshots (PNG, JPEG, WebP); that is ${what}`,
    );
  });

  it('binary data, whatever its name says', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    await refusal({ bytes: random, name: 'invite.txt' }, 'unsupported_file', 'that is binary data.');
  });

  it('an image too large in bytes or in pixels, before any OCR', async () => {
    const huge = new Uint8Array(10_500_000);
    huge.set(pngHeader(1000, 1000));
    await refusal({ bytes: huge }, 'file_too_large', 'That file is 10.5 MB; I read files up to 10 MB');
    await refusal(
      { bytes: pngHeader(8000, 6000) },
      'file_too_large',
      'That image is 8000×6000 pixels; I read screenshots up to 25 million pixels',
    );
    await refusal({ bytes: pngHeader(0, 0) }, 'bad_argument', 'That image is damaged');
  });

  it('a damaged image: OCR fails and says so, and the process goes on', async () => {
    await refusal({ bytes: pngHeader(100, 100) }, 'bad_argument', 'That image is damaged: I could not read it.');
  });

  it('a .txt saved as Windows-1252 is still text, accents and all', async () => {
    const latin = new Uint8Array([
      ...bytes('H'),
      0xe9,
      ...bytes('l'),
      0xe8,
      ...bytes('ne Lef'),
      0xe8,
      ...bytes('vre wants to connect'),
    ]);
    expect(await input.read({ bytes: latin, name: 'note.txt' })).toEqual({
      text: 'Hélène Lefèvre wants to connect',
      kind: 'text',
    });
  });

  it('an empty file, and a text file over the text limit', async () => {
    await refusal({ bytes: new Uint8Array() }, 'empty_input', 'That file is empty.');
    await refusal({ bytes: bytes('a'.repeat(30_000)) }, 'too_long', 'That text is 30,000 characters long');
  });

  it('without readers (a service built without them), an .eml or an image says reading files is not set up', async () => {
    const bare = new InputService();
    const err = await bare.read({ bytes: eml('linkedin-qp.eml') }).catch((e: unknown) => e as { code: string });
    expect(err).toMatchObject({ code: 'reader_unavailable' });
    expect(await bare.read({ bytes: bytes('Dana Kim wants to connect') })).toEqual({
      text: 'Dana Kim wants to connect',
      kind: 'text',
    });
  });
});
