import type { App, BlockAction } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { renderNotice } from '../render.js';
import { RECORD_ACTION, renderForgetConfirm } from '../render-records.js';
import { updateInPlace } from '../reply.js';
import { userFrom } from '../to-core.js';
import { guard } from './boundary.js';
import type { Subcommand } from './subcommand.js';

export const forgetCommand: Subcommand = {
  usage: '`/triage forget`: delete everything I keep about you (asks first)',
  async run({ ack }) {
    await ack(renderForgetConfirm());
  },
};

/** Deletion happens only on the explicit confirmation button; Cancel leaves everything as it was. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(RECORD_ACTION.forgetYes, async ({ ack, body, client, respond }) => {
    await ack();
    await guard(deps.log, 'forget', async () => {
      const { triages } = await deps.service.records.forget(userFrom(body));
      const msg = renderNotice(`Done: I deleted everything I kept about you (${triages} triages).`);
      await updateInPlace(client, body, respond, msg);
    });
  });
  app.action<BlockAction>(RECORD_ACTION.forgetNo, async ({ ack, body, client, respond }) => {
    await ack();
    await guard(deps.log, 'forget cancel', async () => {
      await updateInPlace(client, body, respond, renderNotice('Cancelled: nothing was deleted.'));
    });
  });
}
