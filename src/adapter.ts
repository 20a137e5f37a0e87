import type { Logger } from './core/logger.js';
import type { Notifier } from './core/message.js';
import type { LockPort, Service } from './service/index.js';

/** What every adapter gets from the composition root. */
export interface AdapterDeps {
  service: Service;
  log: Logger;
  /**
   * Who may run what only one instance may (the Discord gateway connection). Absent means this process is the
   * only instance (soleLeader); several instances on one database pass the database's locks.
   */
  locks?: LockPort;
}

/** A chat front end: Slack, Discord or the terminal. */
export interface ChatAdapter {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** How the digest reaches this adapter's users. */
  notifier: Notifier;
}
