import type { WorkspacePurge } from '../service/ports.js';

/** A value a column must equal, or (prefix) begin with. */
export interface KeyMatch {
  value: string;
  prefix: boolean;
}

/**
 * What a workspace purge matches, column by column, for both dialects. A workspace ending in ':' (a Slack
 * enterprise, 'E1:') is the whole org: every workspace that begins with it. Team-level rows are keyed
 * 'provider:workspace' (policies, guidance, send pacing), seen events 'provider:event:workspace:id'.
 */
export function workspaceKeys(p: WorkspacePurge): {
  users: KeyMatch;
  team: KeyMatch;
  events: KeyMatch;
  installations: KeyMatch | null;
} {
  const org = p.workspace.endsWith(':');
  return {
    users: { value: p.workspace, prefix: org },
    team: { value: `${p.provider}:${p.workspace}`, prefix: org },
    events: { value: `${p.provider}:event:${p.workspace}${org ? '' : ':'}`, prefix: true },
    installations: p.provider === 'slack' ? { value: p.workspace, prefix: org } : null,
  };
}
