import { createRequire } from 'node:module';
import type { RESTOptions } from 'discord.js';

type Agent = NonNullable<RESTOptions['agent']>;

/**
 * An HTTP agent from the very undici that @discordjs/rest sends with. Without one it uses the process's global
 * dispatcher, and another undici in the process (Slack's Socket Mode brings version 7) may have installed its
 * own there: multipart sends (an export's CSV file) then fail inside undici with "action is not a function".
 */
export function discordAgent(): Agent {
  const fromRest = createRequire(createRequire(import.meta.url).resolve('@discordjs/rest'));
  const undici = fromRest('undici') as { Agent: new () => Agent };
  return new undici.Agent();
}
