import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';

/** Bolt's and the Web API's log lines, routed into the app's logger. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...a) => log.debug(`slack: ${line(a)}`),
    info: (...a) => log.info(`slack: ${line(a)}`),
    warn: (...a) => log.warn(`slack: ${line(a)}`),
    error: (...a) => log.error(`slack: ${line(a)}`),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
