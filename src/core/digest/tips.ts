import type { Provider } from '../user.js';

/** A command the digest suggests, as data: each surface words it in its own syntax. */
export interface CommandTip {
  command: 'time' | 'budget';
  platform: string;
  duration: string;
  place?: 'work' | 'home';
}

/**
 * How a surface writes a command: the terminal and Slack take the words as typed (`time linkedin 25m at home`,
 * Slack with `/triage` first); Discord's slash command takes named options (`platform:linkedin duration:25m`).
 */
export function phraseTip(tip: CommandTip, surface: Provider = 'console'): string {
  if (surface === 'discord') {
    const place = tip.place ? ` place:${tip.place}` : '';
    return `/triage ${tip.command} platform:${tip.platform} duration:${tip.duration}${place}`;
  }
  const words = [tip.command, tip.platform, tip.duration, ...(tip.place ? ['at', tip.place] : [])].join(' ');
  return surface === 'console' ? words : `/triage ${words}`;
}
