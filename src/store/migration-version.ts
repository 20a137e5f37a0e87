import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The newest schema this build can write: its migrations folder's journal. */
export interface CodeSchema {
  /** How many migrations the build ships: its schema version. */
  version: number;
  tag: string;
  when: number;
}

export function codeSchema(migrationsFolder: string): CodeSchema {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const last = journal.entries.at(-1);
  if (!last) throw new Error(`no migrations in ${migrationsFolder}`);
  return { version: journal.entries.length, tag: last.tag, when: last.when };
}

/**
 * Throws when the database holds a migration newer than any this build ships. drizzle's migrator would skip
 * every migration and report success, and this build would then write rows a newer schema may not accept.
 * `applied` is the created_at (the journal's `when`) of each row in drizzle's migrations table.
 */
export function refuseNewer(applied: readonly number[], code: CodeSchema): void {
  const newest = Math.max(...applied);
  if (applied.length === 0 || newest <= code.when) return;
  throw new Error(
    `its schema is newer than this build of invite-triage knows: the database is at schema version ` +
      `${applied.length} (last migration dated ${day(newest)}), this build at schema version ${code.version} ` +
      `(${code.tag}, dated ${day(code.when)}). Upgrade invite-triage to use it.`,
  );
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
