import type { Subcommand } from './subcommand.js';

export function usageLines(table: Record<string, Subcommand>): string[] {
  return Object.values(table).map((s) => s.usage);
}
