import { DiscordAPIError } from 'discord.js';

/** Discord's JSON error codes this adapter answers specially. */
export const DiscordCode = {
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  InvalidWebhookToken: 50027,
  AlreadyAcknowledged: 40060,
  CannotDmUser: 50007,
} as const;

/** A DM could not be delivered; `code` says why, so the digest scheduler can log it and retry or skip. */
export class DiscordDeliveryError extends Error {
  constructor(
    readonly code: 'dm_closed' | 'discord_error',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'DiscordDeliveryError';
  }
}

export function discordCode(err: unknown): number | string | null {
  return err instanceof DiscordAPIError ? err.code : null;
}
