import { webApi } from '@slack/bolt';

// Through Bolt's re-export: @slack/web-api is Bolt's dependency, not a direct one of ours.
export const WebClient = webApi.WebClient;
export type WebClient = webApi.WebClient;
export type WebClientOptions = webApi.WebClientOptions;
