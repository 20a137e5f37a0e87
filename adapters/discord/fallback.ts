import { type BaseMessageOptions, DiscordAPIError, type User } from 'discord.js';
import { DiscordCode } from './errors.js';
import { NO_PINGS } from './render.js';

const LATE =
  'Your answer took me too long, and Discord no longer lets me update that message, so here is where it stands:';

/** Whether an edit failed because the interaction's token is no longer valid (it lasts 15 minutes). */
export function tokenExpired(err: unknown): boolean {
  if (!(err instanceof DiscordAPIError)) return false;
  return err.code === DiscordCode.UnknownWebhook || err.code === DiscordCode.InvalidWebhookToken || err.status === 401;
}

/**
 * Runs an edit through the interaction's token; when the token has expired, sends the same message to the
 * user's DM instead, so what was recorded is not lost from sight. The DM is theirs alone, like the edit.
 * Resolves true when it went to the DM.
 */
export async function editOrDm(
  i: { user: User },
  message: BaseMessageOptions,
  edit: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await edit();
    return false;
  } catch (err) {
    if (!tokenExpired(err)) throw err;
    const dm = await i.user.createDM();
    const content = [LATE, message.content].filter(Boolean).join('\n');
    await dm.send({ ...message, content, ...NO_PINGS });
    return true;
  }
}
