import type { AdapterDeps, ChatAdapter } from './adapter.js';
import type { Config } from './config.js';

/** The chat adapters whose credentials are set. With none, the composition root runs the terminal bot. */
export function chatAdapters(_config: Config, _deps: AdapterDeps): ChatAdapter[] {
  const list: ChatAdapter[] = [];
  return list;
}
