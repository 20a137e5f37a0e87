import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileUrl } from '../../adapters/slack/files.js';
import { createFileReaders } from '../../src/input/index.js';
import { emlFixture, PDF_BYTES } from '../helpers/invitation-files.js';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { eventBody, messageActionForm, STEVE } from '../helpers/slack-payloads.js';
import { facebookRequest, linkedinCard } from '../input/screens.js';

// The harness's service has the real readers: postal-mime, and the process's one tesseract.js worker, which this
// file shares and stops at the end (OCR takes about a second an image, so only two screenshots are read here).
const readers = createFileReaders();
const INVITATION_EML = emlFixture('linkedin-qp.eml');
afterAll(async () => {
  await readers.close();
});

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness({ download: { timeoutMs: 1500 } });
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const JSON_BODY = 'application/json';
/** The first image starts the OCR worker (eight languages): seconds on a busy machine. */
const OCR_WAIT = 30_000;
const count = (table: string) => (h.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** A file as Slack describes it in a file_share event, hosted on files.slack.com under `id`. */
function slackFile(id: string, name: string, mimetype: string, filetype: string, size: number) {
  return {
    id,
    created: 1_700_000_000,
    name,
    title: name,
    mimetype,
    filetype,
    pretty_type: filetype.toUpperCase(),
    user: STEVE.userId,
    mode: 'hosted',
    size,
    url_private: `https://files.slack.com/files-pri/T0001-${id}/${encodeURIComponent(name)}`,
    url_private_download: `https://files.slack.com/files-pri/T0001-${id}/download/${encodeURIComponent(name)}`,
  };
}

/** Puts a file on the fake Slack where its url_private_download points, and returns Slack's description of it. */
function share(id: string, name: string, mimetype: string, filetype: string, bytes: Uint8Array | string) {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  h.fake.serveFile(`/files-pri/T0001-${id}/download/${encodeURIComponent(name)}`, bytes, mimetype);
  return slackFile(id, name, mimetype, filetype, size);
}

/**
 * A file_share DM: resolves with how long the ack took, the "Reading…" message, and what it became (the
 * chat.update of that message).
 */
async function dmFiles(files: unknown[], id: string, text = '') {
  const from = h.fake.calls.length;
  const started = performance.now();
  const res = await h.send(eventBody('message_im.json', { subtype: 'file_share', text, files }, id), JSON_BODY);
  const ackMs = performance.now() - started;
  expect(res.status).toBe(200);
  const reading = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
  const shown = await h.fake.waitFor((c) => c.method === 'chat.update', from, OCR_WAIT);
  return { ackMs, reading, shown, from };
}

const downloads = (from = 0) => h.fake.calls.slice(from).filter((c) => c.method === 'file');

describe('files shared in the DM', () => {
  it('a raw .eml file is downloaded with the bot token and its invitation triaged, naming the inviter', async () => {
    const eml = share('F0EML0001', 'invite.eml', 'message/rfc822', 'eml', INVITATION_EML);
    const { ackMs, reading, shown, from } = await dmFiles([eml], 'EvEML001');
    expect(ackMs).toBeLessThan(3000);
    expect(visibleText(reading)).toBe('Reading invite.eml…');
    expect(shown.body.ts).toBe((await h.fake.history('D0ABCDEF1'))[0]?.ts);
    expect(visibleText(shown)).toContain('LinkedIn invitation from Amara Okafor');
    expect(visibleText(shown)).not.toContain('Morgan');
    const [got] = downloads(from);
    expect(got?.path).toBe('/files-pri/T0001-F0EML0001/download/invite.eml');
    expect(got?.token).toBe('xoxb-test-token');
    expect(count('triages')).toBe(1);
  });

  it('a screenshot is read after the ack, under "Reading your screenshot…", into a triage card', async () => {
    // A LinkedIn card at a Retina screen's scale.
    const shot = share('F0PNG0001', 'Screenshot 2026-12-01.png', 'image/png', 'png', linkedinCard(2));
    const { ackMs, reading, shown } = await dmFiles([shot], 'EvPNG001');
    expect(ackMs).toBeLessThan(3000);
    expect(visibleText(reading)).toBe('Reading your screenshot…');
    expect(visibleText(shown)).toContain('LinkedIn invitation from Priya Raman');
    expect(count('triages')).toBe(1);
  });

  it('a .txt file is read as pasted text', async () => {
    const txt = share(
      'F0TXT0001',
      'invite.txt',
      'text/plain',
      'text',
      'Matt Brown sent you a friend request.\n4 mutual friends',
    );
    const { shown } = await dmFiles([txt], 'EvTXT001');
    expect(visibleText(shown)).toContain('Facebook invitation from Matt Brown');
  });

  it('a long paste Slack turned into a text snippet is read, as the raw email it is', async () => {
    const snippet = share('F0SNIP001', 'Untitled', 'text/plain', 'text', INVITATION_EML);
    const { shown } = await dmFiles([snippet], 'EvSNIP01');
    expect(visibleText(shown)).toContain('LinkedIn invitation from Amara Okafor');
  });

  it('a stub of a file (file_access: check_file_info) is completed with files.info, then read', async () => {
    const txt = share('F0TXT0002', 'invite.txt', 'text/plain', 'text', 'Matt Brown sent you a friend request.');
    h.fake.setFileInfo('F0TXT0002', txt);
    const { shown } = await dmFiles([{ id: 'F0TXT0002', file_access: 'check_file_info' }], 'EvSTUB01');
    expect(visibleText(shown)).toContain('Facebook invitation from Matt Brown');
    expect(h.fake.calls.some((c) => c.method === 'files.info' && c.body.file === 'F0TXT0002')).toBe(true);
  });

  it('a PDF is refused in one clear line, and nothing is stored', async () => {
    const pdf = share('F0PDF0001', 'invite.pdf', 'application/pdf', 'pdf', PDF_BYTES);
    const { shown } = await dmFiles([pdf], 'EvPDF001');
    const said = visibleText(shown);
    expect(said.split('\n')).toHaveLength(1);
    expect(said).toMatch(/PDF/i);
    expect(said).not.toMatch(/Error|at \//);
    expect(count('triages')).toBe(0);
    expect(count('invitations')).toBe(0);
  });

  it('a file Slack declares over the limit is refused before any byte is downloaded, its name escaped', async () => {
    const big = slackFile('F0BIG0001', '<!channel> huge.png', 'image/png', 'png', 25_000_000);
    const { shown, from } = await dmFiles([big], 'EvBIG001');
    expect(visibleText(shown)).toBe(
      "&lt;!channel&gt; huge.png is 25 MB: I read files up to 10 MB. Paste the invitation's text, or a smaller screenshot.",
    );
    expect(downloads(from)).toEqual([]);
    expect(count('triages')).toBe(0);
  });

  it('a file larger than Slack declared is cut off while streaming and refused', async () => {
    const lying = slackFile('F0LIE0001', 'invite.txt', 'text/plain', 'text', 1000);
    const path = '/files-pri/T0001-F0LIE0001/download/invite.txt';
    h.fake.serveFile(path, 'x'.repeat(1_200_000), 'text/plain', { chunked: true });
    const { shown } = await dmFiles([lying], 'EvLIE001');
    expect(visibleText(shown)).toMatch(/^invite\.txt is too large: I read files up to 1 MB\./);
    expect(count('triages')).toBe(0);
  });

  it('a download that does not answer in time gives up with one line', async () => {
    const slow = share('F0SLOW001', 'invite.eml', 'message/rfc822', 'eml', INVITATION_EML);
    h.fake.serveFile('/files-pri/T0001-F0SLOW001/download/invite.eml', INVITATION_EML, 'message/rfc822', {
      delayMs: 4000,
    });
    const { shown } = await dmFiles([slow], 'EvSLOW01');
    expect(visibleText(shown)).toBe(
      "I couldn't download invite.eml from Slack (no answer within 1.5 s). Try again, or paste the invitation's text.",
    );
    expect(count('triages')).toBe(0);
  });

  it('a sign-in page instead of the file (no files:read scope) says what to ask the admin', async () => {
    const missing = slackFile('F0GONE001', 'invite.eml', 'message/rfc822', 'eml', 900);
    const { shown } = await dmFiles([missing], 'EvGONE01');
    expect(visibleText(shown)).toMatch(
      /sign-in page instead of invite\.eml: the app may lack the files:read permission/,
    );
    expect(count('triages')).toBe(0);
  });

  it('the bot’s own upload in the DM (an export) is not read', async () => {
    await h.fake.waitFor((c) => c.method === 'auth.test');
    const csv = share('F0CSV0001', 'decisions.csv', 'text/csv', 'csv', 'platform,inviter\n');
    const event = { subtype: 'file_share', text: '', files: [csv], user: 'U0BOT0001' };
    const from = h.fake.calls.length;
    const res = await h.send(eventBody('message_im.json', event, 'EvOWN001'), JSON_BODY);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls.slice(from).map((c) => c.method)).toEqual([]);
  });

  it('words typed beside an unreadable file are triaged, with a note about the file', async () => {
    const pdf = share('F0PDF0002', 'cv.pdf', 'application/pdf', 'pdf', PDF_BYTES);
    const { shown } = await dmFiles([pdf], 'EvPDF002', 'LinkedIn request from Dana Kim, recruiter at Acme');
    expect(visibleText(shown)).toContain('LinkedIn invitation from Dana Kim');
    expect(visibleText(shown)).toMatch(/PDF/i);
    expect(count('triages')).toBe(1);
  });
});

describe('the message shortcut on a message with files', () => {
  async function shortcutOn(files: unknown[]): Promise<{ reading: RecordedCall; card: RecordedCall }> {
    const from = h.fake.calls.length;
    const started = performance.now();
    const res = await h.send(messageActionForm('', h.fake.responseUrl(), STEVE, { files }));
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3000);
    const reading = await h.fake.waitFor((c) => c.method === 'response_url', from);
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from, OCR_WAIT);
    return { reading, card };
  }

  it('on a screenshot: "Reading your screenshot…" where the user is, then the triage card in the DM', async () => {
    // A Facebook request, as WebP.
    const shot = share('F0WEBP001', 'request.webp', 'image/webp', 'webp', facebookRequest(1, 'webp'));
    const { reading, card: shown } = await shortcutOn([shot]);
    expect(reading.body.response_type).toBe('ephemeral');
    expect(visibleText(reading)).toBe('Reading your screenshot…');
    expect(shown.body.channel).toBe(`D${STEVE.userId.slice(1)}`);
    expect(visibleText(shown)).toContain('Facebook invitation from Rosa Delgado');
    const moved = await h.fake.waitFor((c) => c.method === 'response_url' && c.body.replace_original === true);
    expect(visibleText(moved)).toBe('I started that triage in our direct messages.');
  });

  it('on a PDF: the refusal replaces the "Reading…" line, privately, and nothing is stored', async () => {
    const pdf = share('F0PDF0003', 'invite.pdf', 'application/pdf', 'pdf', PDF_BYTES);
    const from = h.fake.calls.length;
    await h.send(messageActionForm('', h.fake.responseUrl(), STEVE, { files: [pdf] }));
    const refusal = await h.fake.waitFor((c) => c.method === 'response_url' && c.body.replace_original === true, from);
    expect(refusal.body.response_type).toBe('ephemeral');
    expect(visibleText(refusal)).toMatch(/PDF/i);
    expect(h.fake.calls.slice(from).some((c) => c.method === 'chat.postMessage')).toBe(false);
    expect(count('triages')).toBe(0);
  });
});

describe('where a file is downloaded from, with the bot token', () => {
  const url = 'https://files.slack.com/files-pri/T0001-F1/download/invite.eml';

  it('Slack’s own https hosts only, unless SLACK_API_URL names another', () => {
    expect(fileUrl(url)).toBe(url);
    expect(fileUrl('https://evil.example/files-pri/T0001-F1/download/invite.eml')).toBeNull();
    expect(fileUrl('http://files.slack.com/files-pri/x')).toBeNull();
    expect(fileUrl('https://files.slack.com.evil.example/x')).toBeNull();
    expect(fileUrl('not a url')).toBeNull();
  });

  it('GovSlack’s hosts too, and SLACK_API_URL on a Slack domain leaves the file’s own host', () => {
    const gov = 'https://files.slack-gov.com/files-pri/T0001-F1/download/invite.eml';
    expect(fileUrl(gov, 'https://slack-gov.com/api/')).toBe(gov);
  });

  it('with SLACK_API_URL set elsewhere (a proxy, the fake), the same path on that host', () => {
    expect(fileUrl(url, 'http://127.0.0.1:4000/api/')).toBe(
      'http://127.0.0.1:4000/files-pri/T0001-F1/download/invite.eml',
    );
  });
});
