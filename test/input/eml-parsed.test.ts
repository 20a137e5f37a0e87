import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseInvitation } from '../../src/core/parser-analysis.js';
import { aService, aUser } from '../helpers/builders.js';

const eml = (name: string) => readFileSync(new URL(`../fixtures/eml/${name}`, import.meta.url));

describe('an email file, read and then parsed', () => {
  const { service } = aService();

  it.each([
    ['linkedin-qp.eml', 'linkedin', 'Amara Okafor'],
    ['facebook-base64.eml', 'facebook', 'Rosa Delgado'],
    ['github-html-only.eml', 'github', 'Kenji Watanabe'],
    ['instagram-multipart.eml', 'instagram', 'Lukas Brenner'],
    ['linkedin-de.eml', 'linkedin', 'Jens Albrecht'],
    ['facebook-fr-latin1.eml', 'facebook', 'Hélène Lefèvre'],
  ])('%s names the network and the inviter, never the recipient', async (name, platform, inviter) => {
    const { text } = await service.input.read({ bytes: eml(name), name });
    const { invitation } = analyseInvitation(text);
    expect(invitation.platform).toBe(platform);
    expect(invitation.inviter).toBe(inviter);
  });

  it('pasted raw into a chat message, is decoded before the triage starts', async () => {
    // Base64: without decoding, only the headers would be readable.
    const raw = eml('facebook-base64.eml').toString('utf8');
    const view = await service.triage.startFromText(aUser(), raw, { source: 'dm' });
    expect(view.platform).toBe('facebook');
    expect(view.inviter).toBe('Rosa Delgado');
    // Only the decoded body says how many friends they share.
    expect(view.context.mutuals).toBe(4);
  });
});
