import type { Stores, WorkspacePurge } from './ports.js';

/** What a chat platform tells the app when a workspace removes it or revokes its tokens. */
export class WorkspaceService {
  constructor(private readonly stores: Stores) {}

  /**
   * Removes everything held for a workspace (or, for 'E1:', a whole Slack enterprise), in one transaction:
   * its users with all their records, its team policies and guidance, send pacing, seen events, and the
   * installations named in `installations` besides those keyed by the workspace itself. Then the files are
   * scrubbed, as after `forget`, so none of it stays readable on disk.
   */
  async purge(p: WorkspacePurge, installations: readonly string[] = []): Promise<{ users: number }> {
    const done = await this.stores.tx(async (s) => {
      for (const key of installations) await s.installations.delete(key);
      return s.workspaces.purge(p);
    });
    await this.stores.scrub();
    return done;
  }
}
