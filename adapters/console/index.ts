import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AdapterDeps, ChatAdapter } from '../../src/adapter.js';
import type { UserRef } from '../../src/core/user.js';
import { featureCommands } from './features.js';
import { reminderCommands } from './reminders.js';
import { renderMessage } from './render.js';
import { ConsoleSession } from './session.js';

export interface ConsoleConfig {
  input: Readable;
  output: Writable;
  user: UserRef;
}

/** The terminal bot: numbered choices, line by line, so it also runs from a script or a pipe. */
export interface ConsoleAdapter extends ChatAdapter {
  /** Settles when the input ends or the user quits. */
  done: Promise<void>;
}

const PASTE_GAP_MS = 40;

export function createConsoleAdapter(config: ConsoleConfig, deps: AdapterDeps): ConsoleAdapter {
  const print = (text: string) => config.output.write(`${text}\n`);
  const session = new ConsoleSession(config.user, deps, print, {
    ...featureCommands(deps.service),
    ...reminderCommands(deps.service),
  });
  const interactive = Boolean((config.input as Readable & { isTTY?: boolean }).isTTY);
  let rl: ReturnType<typeof createInterface> | null = null;
  let closed = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  // A paste into a terminal arrives as a burst of lines; gather it into one invitation.
  let burst: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  const afterEach = () => {
    if (session.quit) rl?.close();
    else if (!closed && interactive) rl?.prompt();
  };
  const flush = () => {
    timer = null;
    const lines = burst;
    burst = [];
    const handled = lines.length === 1 ? session.handleLine(lines[0] ?? '') : session.handleBlock(lines.join('\n'));
    void handled.then(afterEach);
  };

  return {
    name: 'console',
    done,
    notifier: {
      provider: 'console',
      send: async (_user, message) => {
        print(renderMessage(message));
      },
      // The terminal keeps no history to look in: a digest or reminder taken over after a crash is shown again.
      delivered: async () => false,
    },
    async start() {
      rl = createInterface({
        input: config.input,
        output: interactive ? config.output : undefined,
        terminal: interactive,
      });
      rl.setPrompt('> ');
      const greeted = session.greet();
      rl.on('line', (line) => {
        if (!interactive) {
          void session.handleLine(line).then(afterEach);
          return;
        }
        burst.push(line);
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, PASTE_GAP_MS);
      });
      // Ctrl-C in the middle of a paste drops the paste; otherwise it ends the session, as before.
      rl.on('SIGINT', () => {
        if (timer) {
          clearTimeout(timer);
          flush();
        }
        void session.interrupt().then((cancelled) => (cancelled ? afterEach() : rl?.close()));
      });
      rl.on('close', () => {
        closed = true;
        if (timer) {
          clearTimeout(timer);
          flush();
        }
        void session.endOfInput().then(finish);
      });
      await greeted;
      if (interactive) rl.prompt();
    },
    async stop() {
      rl?.close();
      await done;
    },
  };
}
