import { createHash } from 'node:crypto';
import { type REST, Routes } from 'discord.js';
import type { DigestTag, Notifier, OutboundMessage, OutboundTag, ReminderTag } from '../../src/core/message.js';
import type { UserRef } from '../../src/service/index.js';
import { DiscordCode, DiscordDeliveryError, discordCode } from './errors.js';
import { fitEmbed } from './limits.js';
import { renderOutbound } from './render-records.js';

/** How many of the DM's newest messages to look through for an earlier send (Discord's maximum per request). */
const HISTORY_LIMIT = 100;

/** The footer a scheduled digest carries, and the one looked for again: it names the week. */
export function digestFooter(tag: DigestTag): string {
  return `Weekly digest · week of ${tag.week}`;
}

/** One nonce per user and week (Discord allows 25 characters): a repeated send within minutes returns the first. */
export function digestNonce(userId: string, tag: DigestTag): string {
  return createHash('sha256').update(`${userId}:${tag.week}`).digest('base64url').slice(0, 25);
}

const REMINDER_FOOTER = 'Reminder · ref ';
/** Discord's limit on a footer's text. */
const FOOTER_MAX = 2048;

/**
 * The footer a reminder message carries: its reminders' keys. Keys past Discord's footer limit (a day of over a
 * hundred reminders) are left out, and would be sent again after a crash rather than lost.
 */
export function reminderFooter(tag: ReminderTag): string {
  let text = REMINDER_FOOTER.trimEnd();
  for (const key of tag.reminders) {
    if (text.length + 1 + key.length > FOOTER_MAX) break;
    text += ` ${key}`;
  }
  return text;
}

/** One nonce per user and set of reminders, unlike any digest's. */
export function reminderNonce(userId: string, tag: ReminderTag): string {
  const keys = tag.reminders.join(',');
  return createHash('sha256').update(`${userId}:reminders:${keys}`).digest('base64url').slice(0, 25);
}

const footerOf = (tag: OutboundTag) => ('week' in tag ? digestFooter(tag) : reminderFooter(tag));
const nonceOf = (userId: string, tag: OutboundTag) =>
  'week' in tag ? digestNonce(userId, tag) : reminderNonce(userId, tag);

/**
 * Delivers unprompted messages (the digest) to a Discord user's DM; rejects with a coded error on failure.
 * Works on REST alone, so an instance without the gateway connection sends too: it speaks to the routes
 * directly, because discord.js's channel and message objects need the logged-in client user.
 */
export function createDiscordNotifier(rest: REST): Notifier {
  const openDm = async (userId: string): Promise<string> => {
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
    return channel.id;
  };
  return {
    provider: 'discord',
    async send(user: UserRef, message: OutboundMessage, tag?: OutboundTag): Promise<void> {
      if (user.provider !== 'discord') throw new DiscordDeliveryError('discord_error', 'Not a Discord user.');
      try {
        const channel = await openDm(user.userId);
        const rendered = renderOutbound(message);
        const embed = rendered.embeds[0];
        if (tag && embed) fitEmbed(embed.setFooter({ text: footerOf(tag) }).data);
        const body = {
          content: rendered.content,
          embeds: rendered.embeds.map((e) => e.toJSON()),
          components: rendered.components,
          allowed_mentions: rendered.allowedMentions,
          ...(tag ? { nonce: nonceOf(user.userId, tag), enforce_nonce: true } : {}),
        };
        await rest.post(Routes.channelMessages(channel), { body });
      } catch (err) {
        if (discordCode(err) === DiscordCode.CannotDmUser) {
          throw new DiscordDeliveryError(
            'dm_closed',
            `Discord user ${user.userId} does not accept DMs from the bot.`,
            err,
          );
        }
        throw new DiscordDeliveryError(
          'discord_error',
          `Could not DM Discord user ${user.userId}: ${String(err)}`,
          err,
        );
      }
    },
    async delivered(user: UserRef, tag: OutboundTag): Promise<boolean> {
      if (user.provider !== 'discord') throw new DiscordDeliveryError('discord_error', 'Not a Discord user.');
      const channel = await openDm(user.userId);
      const query = new URLSearchParams({ limit: String(HISTORY_LIMIT) });
      const recent = (await rest.get(Routes.channelMessages(channel), { query })) as RecentMessage[];
      // Only the bot can post embeds in its DM with the user; the author check keeps that explicit.
      const footers = recent
        .filter((m) => m.author?.id !== user.userId)
        .flatMap((m) => (m.embeds ?? []).map((e) => e.footer?.text ?? ''));
      if ('week' in tag) return footers.includes(digestFooter(tag));
      const keys = new Set(
        footers.filter((f) => f.startsWith(REMINDER_FOOTER)).flatMap((f) => f.slice(REMINDER_FOOTER.length).split(' ')),
      );
      return tag.reminders.every((k) => keys.has(k));
    },
  };
}

/** The fields of a message, as GET /channels/:id/messages returns it, that the check reads. */
interface RecentMessage {
  author?: { id: string };
  embeds?: { footer?: { text?: string } }[];
}
