import type { BlockAction } from '@slack/bolt';
import type { UserRef } from '../../../src/core/user.js';
import { weekOf } from '../../../src/core/week.js';
import type { HistoryItem } from '../../../src/service/index.js';
import { section } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import { HOME_ACTION, type HomeData, renderHome, WELCOME } from '../render-home.js';
import { syncTimezone } from '../timezone.js';
import { userFrom } from '../to-core.js';
import type { WebClient } from '../web.js';
import { guard } from './boundary.js';

/** Reads what the home tab shows; counts this week's decisions by paging back until the week began. */
export async function homeData(deps: SlackDeps, user: UserRef): Promise<HomeData> {
  const { records, settings } = deps.service;
  const current = await settings.get(user);
  const since = weekOf(deps.service.clock.now(), current.timezone ?? 'UTC').start;
  const week: Record<string, number> = {};
  let recent: HistoryItem[] = [];
  for (let offset = 0; offset < 500; offset += 50) {
    const page = await records.history(user, { limit: 50, offset });
    if (offset === 0) recent = page.items.slice(0, 5);
    const thisWeek = page.items.filter((i) => i.at >= since);
    for (const i of thisWeek) week[i.outcome ?? 'open'] = (week[i.outcome ?? 'open'] ?? 0) + 1;
    if (thisWeek.length < page.items.length || page.items.length < 50) break;
  }
  const reminders = await deps.service.reminders.list(user);
  return { pending: await records.pending(user), recent, week, settings: current, reminders };
}

/** The first visit to the Messages tab: a DM with nothing in it yet gets the welcome. */
async function welcomeOnce(client: WebClient, channel: string): Promise<void> {
  const earlier = await client.conversations.history({ channel, limit: 1 });
  if ((earlier.messages ?? []).length > 0) return;
  await client.chat.postMessage({ channel, text: 'Welcome to Invite Triage', blocks: [section(WELCOME)] });
}

export async function publishHome(client: WebClient, deps: SlackDeps, user: UserRef): Promise<void> {
  await client.views.publish({ user_id: user.userId, view: renderHome(await homeData(deps, user)) });
}

/** The App Home tab, and its digest settings, which republish the tab once saved. */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    const user = userFrom(body);
    if (event.tab === 'messages') {
      await guard(deps.log, 'welcome', () => welcomeOnce(client, event.channel));
      return;
    }
    if (event.tab !== 'home') return;
    await guard(deps.log, 'home', async () => {
      await syncTimezone(client, deps, user);
      await publishHome(client, deps, user);
    });
  });
  const setting = (
    actionId: string,
    change: (user: UserRef, a: BlockAction['actions'][number], client: WebClient) => Promise<void>,
  ) =>
    app.action<BlockAction>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const user = userFrom(body);
      await guard(deps.log, actionId, async () => {
        await change(user, action, client);
        await publishHome(client, deps, user);
      });
    });
  const { settings } = deps.service;
  setting(HOME_ACTION.day, async (user, a) => {
    if (a.type === 'static_select') await settings.update(user, { digest: { day: Number(a.selected_option.value) } });
  });
  setting(HOME_ACTION.hour, async (user, a) => {
    if (a.type === 'static_select') await settings.update(user, { digest: { hour: Number(a.selected_option.value) } });
  });
  setting(HOME_ACTION.toggle, async (user, a) => {
    if (a.type === 'button') await settings.update(user, { digest: { off: a.value === 'off' } });
  });
  setting(HOME_ACTION.role, async (user, a) => {
    if (a.type === 'static_select') await settings.update(user, { role: a.selected_option.value });
  });
  setting(HOME_ACTION.timezone, async (user, _a, client) => {
    const info = await client.users.info({ user: user.userId });
    if (info.user?.tz) await settings.update(user, { timezone: info.user.tz });
  });
}
