import type { Logger } from './core/logger.js';
import type { Notifier } from './core/message.js';
import type { Service } from './service/index.js';

/** What every adapter gets from the composition root. */
export interface AdapterDeps {
  service: Service;
  log: Logger;
}

/** A chat front end: Slack, Discord or the terminal. */
export interface ChatAdapter {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** How the digest reaches this adapter's users. */
  notifier: Notifier;
}
