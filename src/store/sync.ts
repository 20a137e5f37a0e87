/**
 * A port as the synchronous SQLite classes implement it: the same methods returning plain values. The wrapper in
 * sqlite-stores.ts turns them back into the port, through the connection's gate.
 */
export type Sync<P> = {
  [K in keyof P]: P[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : P[K];
};
