import type { App } from '@slack/bolt';

/** What the features register their listeners on: Bolt's App, with every listener routed (see routed). */
export type SlackApp = Pick<App, 'action' | 'command' | 'view' | 'event' | 'shortcut' | 'use'>;

type Listener = (args: never) => Promise<void>;
type Route = { on: string | RegExp; run: Listener };
/** Bolt's listener arguments, as far as routing reads them: each request carries the key of its kind only. */
type Args = {
  body: { type?: string; callback_id?: string };
  payload: { action_id?: string };
  command?: { command: string };
  action?: unknown;
  event?: { type: string };
  view?: { callback_id: string };
  shortcut?: unknown;
  next: () => Promise<void>;
};
type Middleware = (args: Args) => Promise<void>;
type Kind = 'command' | 'action' | 'event' | 'view' | 'shortcut';

/**
 * What each kind of listener is matched on, as Bolt matches it: the command's name, the action's id, the event's
 * type, a submitted view's callback id (Bolt's `view(id)` takes submissions only) and a shortcut's callback id.
 */
const KEY: Record<Kind, (a: Args) => string | undefined> = {
  command: (a) => a.command?.command,
  action: (a) => (a.action ? a.payload.action_id : undefined),
  event: (a) => a.event?.type,
  view: (a) => (a.body.type === 'view_submission' ? a.view?.callback_id : undefined),
  shortcut: (a) => (a.shortcut ? a.body.callback_id : undefined),
};
const KINDS = Object.keys(KEY) as Kind[];

/**
 * Bolt runs the middleware of every listener for every request, matching or not, and each listener costs about
 * as much again as Bolt's own handling of a command. So no listener of ours is a Bolt listener: one global
 * middleware runs our own middleware (`use`), then every listener whose id matches, all of them as Bolt would,
 * with a failure going to Bolt's error handler. A request nothing matches goes on to Bolt, unanswered.
 */
export function routed(app: App): SlackApp {
  const table = Object.fromEntries(KINDS.map((k) => [k, routes()])) as Record<Kind, ReturnType<typeof routes>>;
  const before: Middleware[] = [];
  app.use(async (args) => {
    const a = args as unknown as Args;
    await through(before, a, async () => {
      for (const kind of KINDS) {
        const key = KEY[kind](a);
        if (key !== undefined && (await table[kind].run(key, a))) return;
      }
      await a.next();
    });
  });
  return {
    action: table.action.add as App['action'],
    event: table.event.add as App['event'],
    command: table.command.add as App['command'],
    view: table.view.add as App['view'],
    shortcut: table.shortcut.add as App['shortcut'],
    use: ((mw: Middleware) => {
      before.push(mw);
      return app;
    }) as unknown as App['use'],
  };
}

/** Runs middleware in order, each going on with `next()`, then `last`. */
async function through(chain: readonly Middleware[], args: Args, last: () => Promise<void>) {
  const step = async (i: number): Promise<void> => {
    const mw = chain[i];
    if (!mw) return last();
    await mw({ ...args, next: () => step(i + 1) });
  };
  await step(0);
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
    /** Whether any listener matched; each that did has run. */
    async run(key: string, args: Args): Promise<boolean> {
      const matching = all.filter((r) => (typeof r.on === 'string' ? r.on === key : r.on.test(key)));
      if (matching.length === 0) return false;
      const listenerArgs = { ...args, next: () => {} };
      const results = await Promise.allSettled(matching.map((r) => r.run(listenerArgs as never)));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      return true;
    },
  };
}
