export type Provider = 'console' | 'slack' | 'discord';

/** Who is acting: provider, workspace (Slack 'enterprise:team', Discord '' since its user ids are global, console 'local') and user id. */
export interface UserRef {
  provider: Provider;
  workspace: string;
  userId: string;
}
