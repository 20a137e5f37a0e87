import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttons, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import {
  eventBody,
  fixtureModalValues,
  messageActionForm,
  STEVE,
  viewSubmissionForm,
} from '../helpers/slack-payloads.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const JSON_BODY = 'application/json';
const triages = () => (h.db.$client.prepare('select count(*) as n from triages').get() as { n: number }).n;

/** An email forwarded into Slack: empty text, and a file of type email with its text inline. */
const EMAIL_FILE = {
  id: 'F0EMAIL01',
  filetype: 'email',
  mimetype: 'text/html',
  subject: 'Priya Raman wants to connect on LinkedIn',
  from: [{ address: 'invitations@linkedin.com', name: 'LinkedIn', original: 'LinkedIn <invitations@linkedin.com>' }],
  plain_text: "Priya Raman\nEngineering Manager at Globex\nI'd like to add you to my professional network on LinkedIn.",
  preview: "Priya Raman\nEngineering Manager at Globex\nI'd like to add you to my professional network",
};

const RICH_TEXT = [
  {
    type: 'rich_text',
    block_id: 'rt1',
    elements: [
      {
        type: 'rich_text_section',
        elements: [
          { type: 'text', text: 'Facebook: ' },
          { type: 'text', text: 'Matt Brown', style: { bold: true } },
          { type: 'text', text: ' sent you a friend request. ' },
          { type: 'link', url: 'https://facebook.com/matt', text: '4 mutual friends' },
        ],
      },
    ],
  },
];

/** The message shortcut, and the DM card it posts (or whatever the app posts next). */
async function shortcut(text: string, extra: Record<string, unknown>) {
  const from = h.fake.calls.length;
  await h.send(messageActionForm(text, h.fake.responseUrl(), STEVE, extra));
  return h.fake.waitFor((c) => c.method === 'chat.postMessage' || c.method === 'response_url', from);
}

/** A DM to the app, and the app's reply in it. */
async function dm(event: Record<string, unknown>, id: string) {
  const from = h.fake.calls.length;
  await h.send(eventBody('message_im.json', event, id), JSON_BODY);
  return h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
}

describe('the message shortcut on a forwarded email or rich text', () => {
  it('reads an email file’s plain text when the message text is empty', async () => {
    const card = await shortcut('', { files: [EMAIL_FILE] });
    expect(card.method).toBe('chat.postMessage');
    expect(visibleText(card)).toContain('LinkedIn invitation from Priya Raman');
  });

  it('reads the preview when the email file has no plain text', async () => {
    const { plain_text: _, ...file } = EMAIL_FILE;
    const card = await shortcut('', { files: [file] });
    expect(visibleText(card)).toContain('Priya Raman');
  });

  it('reads rich_text blocks when the message text is empty', async () => {
    const card = await shortcut('', { blocks: RICH_TEXT });
    expect(visibleText(card)).toContain('Matt Brown');
    expect(visibleText(card)).toContain('Facebook');
  });

  it('says clearly when Slack gives no address to download a file from, and starts nothing', async () => {
    const from = h.fake.calls.length;
    await h.send(messageActionForm('', h.fake.responseUrl(), STEVE, { files: [{ id: 'F0IMG', filetype: 'png' }] }));
    const said = await h.fake.waitFor((c) => c.method === 'response_url' && c.body.replace_original === true, from);
    expect(visibleText(said)).toBe('Slack did not give me a png file to download. Share it again, or paste its text.');
    expect(triages()).toBe(0);
  });
});

describe('direct messages', () => {
  it('a DM file share of a forwarded email is triaged like the shortcut', async () => {
    const card = await dm({ subtype: 'file_share', text: '', files: [EMAIL_FILE] }, 'EvFILE01');
    expect(visibleText(card)).toContain('LinkedIn invitation from Priya Raman');
  });

  it('a DM of a file Slack gives no address for says so, and starts nothing', async () => {
    const from = h.fake.calls.length;
    const files = [{ name: 'shot.jpg', filetype: 'jpg' }];
    await h.send(eventBody('message_im.json', { subtype: 'file_share', text: '', files }, 'EvFILE02'), JSON_BODY);
    const said = await h.fake.waitFor((c) => c.method === 'chat.update', from);
    expect(visibleText(said)).toBe('Slack did not give me shot.jpg to download. Share it again, or paste its text.');
    expect(triages()).toBe(0);
  });

  it.each([
    ['history', 'No decisions yet'],
    ['pending', 'Nothing pending'],
    ['help', '/triage history'],
    ['forget', 'This deletes every invitation'],
    ['policy linkedin', 'Have you connected with them'],
  ])('"%s" typed in the DM runs that command and starts no triage', async (text, shown) => {
    const said = await dm({ text }, `EvCMD${text.length}`);
    expect(visibleText(said)).toContain(shown);
    expect(triages()).toBe(0);
  });

  it('"export" typed in the DM sends the file there', async () => {
    const from = h.fake.calls.length;
    await h.send(eventBody('message_im.json', { text: 'export json' }, 'EvEXPORT'), JSON_BODY);
    await h.fake.waitFor((c) => c.method === 'files.completeUploadExternal', from);
    expect(triages()).toBe(0);
  });

  it('an invitation that begins with a command word is still an invitation', async () => {
    const card = await dm({ text: 'Time to connect! Dana Kim wants to connect on LinkedIn' }, 'EvTIME01');
    expect(visibleText(card)).toContain('Dana Kim');
    expect(triages()).toBe(1);
  });
});

describe('when the DM cannot be opened', () => {
  it('the shortcut shows the triage card ephemerally where the user is', async () => {
    h.fake.fail('conversations.open', 'cannot_dm_bot');
    const shown = await shortcut('LinkedIn invitation from Dana Kim', {});
    expect(shown.method).toBe('response_url');
    expect(shown.body.response_type).toBe('ephemeral');
    expect(visibleText(shown)).toContain('Dana Kim');
    expect(buttons(shown).length).toBeGreaterThan(0);
  });

  it('the modal answers with chat.postEphemeral in the channel /triage was typed in', async () => {
    h.fake.fail('conversations.open', 'cannot_dm_bot');
    const from = h.fake.calls.length;
    await h.send(viewSubmissionForm(fixtureModalValues(), 'triage_modal', 'C2147483705'));
    const shown = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', from);
    expect(shown.body.channel).toBe('C2147483705');
    expect(shown.body.user).toBe(STEVE.userId);
    expect(visibleText(shown)).toContain('Sam Lee');
  });
});
