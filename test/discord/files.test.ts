import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowedUrl } from '../../adapters/discord/attachments.js';
import { serviceOver } from '../../src/compose.js';
import { createFileReaders } from '../../src/input/index.js';
import { openDatabase } from '../../src/store/db.js';
import { type Json, nextSnowflake } from '../helpers/discord-fake-rest.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { DANA, dm, messageCommand } from '../helpers/discord-payloads.js';
import { type FileServer, startFileServer } from '../helpers/file-server.js';
import { emlFixture, PDF_BYTES } from '../helpers/invitation-files.js';
import { facebookRequest, linkedinCard } from '../input/screens.js';

// The real readers: postal-mime, and one tesseract.js worker the whole file shares (OCR takes about a second an
// image, so only two screenshots are read here).
const readers = createFileReaders();
const INVITATION_EML = emlFixture('linkedin-qp.eml');
afterAll(async () => {
  await readers.close();
});

let h: DiscordHarness;
let cdn: FileServer;
beforeEach(async () => {
  cdn = await startFileServer();
  const service = serviceOver(openDatabase(':memory:'), { now: () => Date.UTC(2026, 10, 23, 9) }, readers);
  h = await startDiscordHarness({ service, download: { timeoutMs: 1500 } });
});
afterEach(async () => {
  expect(h.rest.refusals).toEqual([]);
  await h.close();
  await cdn.close();
});

/** The first image starts the OCR worker (eight languages): seconds on a busy machine. */
const OCR_WAIT = 30_000;
const count = (table: string) =>
  (h.service.stores.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** An attachment as Discord sends it, served by the loopback CDN unless `serve` is false. */
function attach(name: string, contentType: string, bytes: Uint8Array | string, serve = true): Json {
  const id = nextSnowflake();
  const path = `/attachments/1160000000000000001/${id}/${name}`;
  if (serve) cdn.put(path, bytes, contentType);
  return {
    id,
    filename: name,
    size: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength,
    url: cdn.url(path),
    proxy_url: cdn.url(path),
    content_type: contentType,
  };
}

/** DMs the bot a message with attachments, and resolves with the bot's answer in that DM. */
async function dmWith(attachments: Json[], content = '') {
  const payload = dm(content, DANA);
  payload.attachments = attachments;
  const from = h.rest.calls.length;
  const reply = h.rest.waitFor((c) => c.route === `/channels/${payload.channel_id}/messages`, OCR_WAIT, from);
  h.gateway.dispatch('MESSAGE_CREATE', payload);
  return { reply: (await reply).body, from, channel: payload.channel_id as string };
}

/** "Triage invitation" on a server message with these attachments. */
function menuOn(attachments: Json[]) {
  const payload = messageCommand('');
  const target = Object.values(payload.data.resolved.messages)[0] as Json;
  target.attachments = attachments;
  return payload;
}

/** Dispatches the interaction and resolves with its callback (not waiting for the edit, as h.interact does). */
function invoke(payload: Json) {
  const callback = h.rest.waitFor((c) => c.route === `/interactions/${payload.id}/${payload.token}/callback`, OCR_WAIT);
  h.gateway.dispatch('INTERACTION_CREATE', payload);
  return callback;
}

/** The deferred reply's final content: the edit of @original after the interaction's callback. */
const edited = (payload: Json) =>
  h.rest.waitFor((c) => c.method === 'PATCH' && c.route.endsWith(`/${payload.token}/messages/@original`), OCR_WAIT);

describe('attachments in the DM', () => {
  it('an .eml attachment is downloaded without the bot token and triaged, naming the inviter', async () => {
    const { reply, from, channel } = await dmWith([attach('invite.eml', 'message/rfc822', INVITATION_EML)]);
    expect(reply.embeds[0].title).toContain('LinkedIn invitation from Amara Okafor');
    expect(JSON.stringify(reply)).not.toContain('Morgan');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(cdn.requests).toHaveLength(1);
    expect(cdn.requests[0]?.authorization).toBeUndefined();
    // Discord shows "typing…" while the file is read.
    expect(h.rest.calls.slice(from).some((c) => c.route === `/channels/${channel}/typing`)).toBe(true);
    expect(count('triages')).toBe(1);
  });

  it('a screenshot is read into a triage card', async () => {
    // A Facebook request at a phone's scale.
    const { reply } = await dmWith([attach('Screenshot.png', 'image/png', facebookRequest(2))]);
    expect(reply.embeds[0].title).toContain('Facebook invitation from Rosa Delgado');
    expect(count('triages')).toBe(1);
  });

  it('a .txt attachment is read as pasted text', async () => {
    const { reply } = await dmWith([
      attach('invite.txt', 'text/plain; charset=utf-8', 'Matt Brown sent you a friend request.'),
    ]);
    expect(reply.embeds[0].title).toContain('Facebook invitation from Matt Brown');
  });

  it('a long paste Discord turned into message.txt is read, as the raw email it is', async () => {
    const { reply } = await dmWith([attach('message.txt', 'text/plain; charset=utf-8', INVITATION_EML)]);
    expect(reply.embeds[0].title).toContain('LinkedIn invitation from Amara Okafor');
  });

  it('a PDF is refused in one clear line, and nothing is stored', async () => {
    const { reply } = await dmWith([attach('invite.pdf', 'application/pdf', PDF_BYTES)]);
    expect(reply.embeds).toEqual([]);
    expect(reply.content.split('\n')).toHaveLength(1);
    expect(reply.content).toMatch(/PDF/i);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(count('triages')).toBe(0);
    expect(count('invitations')).toBe(0);
  });

  it('an attachment Discord declares over the limit is refused before download, its name escaped', async () => {
    const big = attach('**<@1150000000000000002>**_x_.png', 'image/png', '', false);
    big.size = 25_000_000;
    const { reply } = await dmWith([big]);
    expect(reply.content).toBe(
      "\\*\\*\\<@1150000000000000002>\\*\\*\\_x\\_.png is 25 MB: I read files up to 10 MB. Paste the invitation's text, or a smaller screenshot.",
    );
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(cdn.requests).toEqual([]);
    expect(count('triages')).toBe(0);
  });

  it('an email Discord declares over the email limit is refused before download', async () => {
    const big = attach('invite.eml', 'message/rfc822', '', false);
    big.size = 2_000_000;
    const { reply } = await dmWith([big]);
    expect(reply.content).toMatch(/^invite\.eml is 2 MB: I read files up to 1 MB\./);
    expect(cdn.requests).toEqual([]);
  });

  it('an attachment not on Discord’s servers is not downloaded', async () => {
    const elsewhere = attach('invite.eml', 'message/rfc822', INVITATION_EML, false);
    elsewhere.url = 'https://files.example.net/invite.eml';
    const { reply } = await dmWith([elsewhere]);
    expect(reply.content).toBe("invite.eml is not on Discord's servers, so I did not download it.");
    expect(count('triages')).toBe(0);
  });
});

describe('"Triage invitation" on a message with attachments', () => {
  it('on a screenshot: defers privately first, then edits the reply into the triage card', async () => {
    const payload = menuOn([attach('card.png', 'image/png', linkedinCard(2))]);
    const callback = await invoke(payload);
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const shown = (await edited(payload)).body;
    expect(shown.embeds[0].title).toContain('LinkedIn invitation from Priya Raman');
    expect(shown.allowed_mentions).toEqual({ parse: [] });
    expect(count('triages')).toBe(1);
  });

  it('on a PDF: the deferred reply becomes the refusal, and nothing is stored', async () => {
    const payload = menuOn([attach('invite.pdf', 'application/pdf', PDF_BYTES)]);
    const callback = await invoke(payload);
    expect(callback.body.type).toBe(5);
    const said = (await edited(payload)).body;
    expect(said.content).toMatch(/PDF/i);
    expect(count('triages')).toBe(0);
  });
});

describe('where an attachment is downloaded from', () => {
  it('Discord’s CDN over https, or DISCORD_API_URL’s host; nowhere else', () => {
    expect(allowedUrl('https://cdn.discordapp.com/attachments/1/2/a.png?ex=1&is=2&hm=3')).toBe(true);
    expect(allowedUrl('https://media.discordapp.net/attachments/1/2/a.png')).toBe(true);
    expect(allowedUrl('http://cdn.discordapp.com/attachments/1/2/a.png')).toBe(false);
    expect(allowedUrl('https://cdn.discordapp.com.evil.example/a.png')).toBe(false);
    expect(allowedUrl('http://169.254.169.254/latest/meta-data')).toBe(false);
    expect(allowedUrl('http://127.0.0.1:9000/a.png', 'http://127.0.0.1:4000/api')).toBe(true);
  });
});
