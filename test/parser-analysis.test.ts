import { describe, expect, it } from 'vitest';
import { analyseInvitation } from '../src/core/parser-analysis.js';

describe('analyseInvitation', () => {
  it('GIVEN an accepted invitation, a birthday, a comment or a subscription THEN it is not an invitation', () => {
    for (const [text, notice] of [
      ['Julia Fischer accepted your invitation to connect on LinkedIn.', 'an accepted invitation'],
      ["Today is Ben Carter's birthday.", 'a birthday reminder'],
      ['Chloé Girard a commenté votre publication.', 'a comment or reaction'],
      ['You subscribed to Jane Doe’s newsletter.', 'a subscription notice'],
    ]) {
      expect(analyseInvitation(text ?? '')).toMatchObject({ kind: 'not_an_invitation', notice, asks: [] });
    }
  });

  it('GIVEN a birthday or a comment mentioned beside strong invite wording THEN it is still an invitation', () => {
    const a = analyseInvitation("met her at jake's birthday party, she sent me a fb friend request - mia lopez");
    expect(a).toMatchObject({ kind: 'invitation', invitation: { platform: 'facebook', inviter: 'Mia Lopez' } });
    expect(analyseInvitation('Sophia Grant accepted your friend request.').kind).toBe('not_an_invitation');
  });

  it('GIVEN a user name in brackets or a GitHub profile address THEN the handle is kept in the context', () => {
    const gh = analyseInvitation('[GitHub] Mira Sokolova (msokolova) started following you');
    expect(gh.invitation).toMatchObject({
      platform: 'github',
      inviter: 'Mira Sokolova',
      context: { handle: '@msokolova' },
    });
    const url = analyseInvitation('Ayaan Kapoor started following you\nhttps://github.com/ayaank');
    expect(url.invitation.context.handle).toBe('@ayaank');
  });

  it('GIVEN a quick lower-case description THEN the name is capitalised and the relation and handle kept', () => {
    const a = analyseInvitation('linkedin invite from my therapist sophie turner??');
    expect(a).toMatchObject({ kind: 'invitation', asks: [] });
    expect(a.invitation).toMatchObject({ platform: 'linkedin', inviter: 'Sophie Turner' });
    expect(a.invitation.context.relation).toBe('my therapist');
    const fb = analyseInvitation('fb friend request: ahmed karimi, my wife’s coworker');
    expect(fb.invitation).toMatchObject({ platform: 'facebook', inviter: 'Ahmed Karimi' });
    expect(fb.invitation.context.relation).toBe('my wife’s coworker');
    const ig = analyseInvitation('✨ Lila Moon ✨ (@lilamoon.art) requested to follow you');
    expect(ig.invitation).toMatchObject({ platform: 'instagram', inviter: 'Lila Moon' });
    expect(ig.invitation.context.handle).toBe('@lilamoon.art');
  });

  it('GIVEN an email greeting and footer naming the user THEN the user is never the inviter', () => {
    const a = analyseInvitation(
      'Von: Stefan Krüger über LinkedIn <invitations@linkedin.com>\nAn: Lena Hoffmann\n\nHallo Lena,\n' +
        'ich möchte Sie zu meinem beruflichen Netzwerk hinzufügen.\n\nDiese E-Mail ist für Lena Hoffmann bestimmt.',
    );
    expect(a.invitation).toMatchObject({ platform: 'linkedin', inviter: 'Stefan Krüger' });
  });

  it('GIVEN invite wording but no network THEN it asks which network instead of guessing', () => {
    const a = analyseInvitation('got a request from victor lund, no idea which app');
    expect(a).toMatchObject({ kind: 'ask', asks: ['platform'] });
    expect(a.invitation).toMatchObject({ platform: null, inviter: 'Victor Lund' });
  });

  it('GIVEN a network but no name THEN it asks who', () => {
    expect(analyseInvitation('a recruiter added me on linkedin')).toMatchObject({ kind: 'ask', asks: ['inviter'] });
  });

  it('GIVEN anything at all THEN it never throws', () => {
    for (const text of ['', '\u0000\u202e', 'x'.repeat(100_000), '😀'.repeat(5000), 'Von:\nDe :\n差出人:']) {
      expect(() => analyseInvitation(text)).not.toThrow();
    }
    expect(() => analyseInvitation(42 as unknown as string)).not.toThrow();
  });
});
