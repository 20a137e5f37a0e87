import type { Provider } from '../user.js';

/** A command the digest suggests, as data: each surface words it in its own syntax. */
export interface CommandTip {
  command: 'time' | 'budget';
  args: string[];
}

/** How a surface writes a command: the terminal types it bare, Slack and Discord as `/triage …`. */
export function phraseTip(tip: CommandTip, surface: Provider = 'console'): string {
  const bare = [tip.command, ...tip.args].join(' ');
  return surface === 'console' ? bare : `/triage ${bare}`;
}
