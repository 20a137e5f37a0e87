import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Installations } from '../../src/service/index.js';

/** Where an installation lives: an org-wide install by enterprise, otherwise by enterprise and team. */
export function installationKey(q: { enterpriseId?: string; teamId?: string; isEnterpriseInstall?: boolean }): string {
  return q.isEnterpriseInstall ? `org:${q.enterpriseId ?? ''}` : `${q.enterpriseId ?? ''}:${q.teamId ?? ''}`;
}

/** Bolt's installation store over the app's own database, so OAuth installs survive restarts. */
export function sqliteInstallationStore(rows: Installations): InstallationStore {
  return {
    async storeInstallation(installation) {
      const key = installationKey({
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      await rows.put(key, JSON.stringify(installation));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const data =
        (await rows.get(installationKey(query))) ??
        (query.enterpriseId ? await rows.get(`org:${query.enterpriseId}`) : undefined);
      if (!data) throw new Error(`No Slack installation for ${installationKey(query)}: install the app first.`);
      return JSON.parse(data) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await rows.delete(installationKey(query));
    },
  };
}

/**
 * The bot token for a user's workspace ('enterprise:team'), with no request to authorize: the workspace's own
 * installation, else the org-wide one, else (a grid user, keyed by the org alone) any workspace of the org.
 * Undefined when the app was uninstalled or its bot token revoked.
 */
export async function botTokenFor(rows: Installations, workspace: string): Promise<string | undefined> {
  const [enterprise = '', team = ''] = workspace.split(':');
  const key = installationKey({ enterpriseId: enterprise, teamId: team });
  const data =
    (team ? await rows.get(key) : undefined) ??
    (enterprise
      ? ((await rows.get(`org:${enterprise}`)) ?? (await rows.firstWithPrefix(`${enterprise}:`)))
      : undefined);
  if (!data) return undefined;
  return (JSON.parse(data) as Installation<'v1' | 'v2', boolean>).bot?.token;
}
