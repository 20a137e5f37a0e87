/**
 * How long a handler may work before it must acknowledge. Slack and Discord both give 3 seconds; the rest is
 * margin for the network and a busy event loop. Work that is not done by then (the database may be locked by
 * another process) is acknowledged with a placeholder and delivered when it finishes.
 */
export const ACK_DEADLINE_MS = 2000;

export type Settled<T> = { done: true; value: T } | { done: false };

/**
 * Waits for `work` at most `ms`: its value when it finishes in time, else `{ done: false }` while it goes on.
 * A rejection within the time is thrown here; one after it is left for the caller, who awaits `work` again.
 */
export async function within<T>(work: Promise<T>, ms: number = ACK_DEADLINE_MS): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
