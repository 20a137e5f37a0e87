import type { App } from '@slack/bolt';

/** What the features register their listeners on: Bolt's App, with actions and events routed (see routed). */
export type SlackApp = Pick<App, 'action' | 'command' | 'view' | 'event' | 'shortcut' | 'use'>;

type Listener = (args: never) => Promise<void>;
type Route = { on: string | RegExp; run: Listener };

/**
 * Bolt runs the middleware of every listener for every request, matching or not: with 25 action listeners and
 * 4 event listeners, that was a large part of a slash command's time in the app. So one Bolt listener takes
 * every action, and one every event, and runs those of ours whose action id (or event type) matches, all of
 * them as Bolt would.
 */
export function routed(app: App): SlackApp {
  const actions = routes();
  const events = routes();
  app.action(/^/, (args) => actions.run((args.payload as { action_id?: string }).action_id, args));
  app.event(/^/, (args) => events.run(args.event.type, args));
  return {
    action: actions.add as App['action'],
    event: events.add as App['event'],
    command: app.command.bind(app),
    view: app.view.bind(app),
    shortcut: app.shortcut.bind(app),
    use: app.use.bind(app),
  };
}

function routes() {
  const all: Route[] = [];
  return {
    add(on: unknown, ...listeners: Listener[]): void {
      const pattern = on instanceof RegExp;
      if (!(typeof on === 'string' || pattern) || listeners.length !== 1 || (pattern && on.flags.includes('g')))
        throw new Error('a routed listener takes an id or a pattern without the g flag, and one function');
      all.push({ on, run: listeners[0] as Listener });
    },
    async run(key: string | undefined, args: unknown): Promise<void> {
      if (key === undefined) return;
      const matching = all.filter((r) => (typeof r.on === 'string' ? r.on === key : r.on.test(key)));
      const results = await Promise.allSettled(matching.map((r) => r.run(args as never)));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
