import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleDriver } from './console-driver.js';
import { discordDriver } from './discord-driver.js';
import type { ChatDriver } from './driver.js';
import { slackDriver } from './slack-driver.js';

/** Every adapter with a driver. */
const drivers: (() => ChatDriver)[] = [consoleDriver, slackDriver, discordDriver];

/** Answers by question id; the inviter is typed. Whatever the parser already knew is simply not asked. */
async function converse(d: ChatDriver, user: string, text: string, answers: Record<string, string>) {
  await d.sendInvitation(user, text);
  for (let step = 0; step < 12; step++) {
    const q = await d.offered(user);
    if (!q) return;
    const choice = answers[q.questionId];
    if (choice === undefined) throw new Error(`no scripted answer for ${q.questionId}`);
    if (q.questionId === 'inviter') await d.answer(user, 'name', choice);
    else await d.answer(user, choice);
  }
}

for (const make of drivers) {
  describe(`the ${make().name} adapter keeps the chat contract`, () => {
    let d: ChatDriver;
    beforeEach(async () => {
      d = make();
      await d.start();
    });
    afterEach(async () => {
      await d.stop();
    });

    it('GIVEN a Facebook request from someone known only through work THEN it stores a redirect to LinkedIn', async () => {
      await converse(d, 'u1', 'Facebook friend request from Sam Lee', {
        platform: 'facebook',
        inviter: 'Sam Lee',
        serves_professionally: 'no',
        would_invite_home: 'work',
      });
      expect(await d.decision('u1')).toEqual({
        outcome: 'redirect',
        decidedBy: 'would_invite_home',
        platform: 'facebook',
      });
    });

    it('GIVEN a LinkedIn request from someone never spoken to THEN it stores a decline', async () => {
      await converse(d, 'u2', 'LinkedIn invitation from Pat Doe', {
        platform: 'linkedin',
        inviter: 'Pat Doe',
        met_in_person_or_phone: 'no',
      });
      expect(await d.decision('u2')).toEqual({
        outcome: 'decline',
        decidedBy: 'met_in_person_or_phone',
        platform: 'linkedin',
      });
    });

    it('GIVEN an unnamed LinkedIn request, the name typed and a call planned THEN it stores a deferral, pending for that user alone', async () => {
      await converse(d, 'u3', 'Someone wants to connect on LinkedIn', {
        platform: 'linkedin',
        inviter: 'Kim Park',
        met_in_person_or_phone: 'planned',
      });
      expect(await d.decision('u3')).toEqual({
        outcome: 'defer',
        decidedBy: 'met_in_person_or_phone',
        platform: 'linkedin',
      });
      expect(await d.pending('u3')).toEqual([{ platform: 'linkedin', inviter: 'Kim Park', outcome: 'defer' }]);
      expect(await d.pending('u4')).toEqual([]);
    });

    it('GIVEN an invitation with a headline THEN the card shows the shared title, context line and progress, Back goes back a question, and the decision carries the shared label', async () => {
      await d.sendInvitation('u5', 'Facebook friend request from Sam Lee, Teacher at Lincoln High');
      expect(await d.seen('u5')).toEqual({
        title: 'Facebook invitation from Sam Lee',
        context: 'Teacher at Lincoln High · Lincoln High',
        progress: 'Question 1 of up to 2',
        outcome: null,
        actions: [],
      });
      await d.answer('u5', 'no');
      expect(await d.seen('u5')).toMatchObject({ progress: 'Question 2 of up to 2', actions: ['back'] });
      expect((await d.offered('u5'))?.questionId).toBe('would_invite_home');

      await d.back('u5');
      expect(await d.seen('u5')).toMatchObject({ progress: 'Question 1 of up to 2', actions: [] });
      expect((await d.offered('u5'))?.questionId).toBe('serves_professionally');

      await d.answer('u5', 'no');
      await d.answer('u5', 'work');
      expect(await d.seen('u5')).toEqual({
        title: 'Facebook invitation from Sam Lee',
        context: 'Teacher at Lincoln High · Lincoln High',
        progress: null,
        outcome: 'Redirect to LinkedIn',
        actions: ['revise', 'undo'],
      });
    });

    it('GIVEN a call planned THEN the deferral is labelled Defer', async () => {
      await converse(d, 'u6', 'LinkedIn invitation from Pat Doe', { met_in_person_or_phone: 'planned' });
      expect(await d.seen('u6')).toMatchObject({ outcome: 'Defer', progress: null });
    });
  });
}
