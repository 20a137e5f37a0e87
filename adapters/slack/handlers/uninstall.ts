import { createHash } from 'node:crypto';
import type { Installations } from '../../../src/service/index.js';
import type { SlackDeps } from '../deps.js';
import { installationKey } from '../installation-store.js';
import type { SlackApp } from '../listeners.js';
import { guard } from './boundary.js';

/** The envelope fields of app_uninstalled and tokens_revoked that say which install they are about. */
interface Envelope {
  team_id?: string | null;
  enterprise_id?: string | null;
  authorizations?: { enterprise_id?: string | null; team_id?: string | null; is_enterprise_install?: boolean }[];
  event?: { type?: string; tokens?: { oauth?: string[]; bot?: string[] } };
}

interface Install {
  enterprise: string;
  team: string;
  orgWide: boolean;
  key: string;
}

function installOf(body: Envelope): Install {
  const auth = body.authorizations?.[0];
  const enterprise = body.enterprise_id ?? auth?.enterprise_id ?? '';
  const team = body.team_id ?? auth?.team_id ?? '';
  const orgWide = auth?.is_enterprise_install === true || (enterprise !== '' && team === '');
  const key = installationKey({ enterpriseId: enterprise, teamId: team, isEnterpriseInstall: orgWide });
  return { enterprise, team, orgWide, key };
}

/** Where a revoked single token (SLACK_BOT_TOKEN) is remembered: by its hash, so a new token is not refused. */
export function revokedKey(token: string): string {
  return `revoked:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
}

/**
 * Uninstall and revocation. `app_uninstalled` removes the installation and every row of that workspace (for an
 * org-wide install, or the last workspace of an enterprise, the org's); `tokens_revoked` removes the revoked
 * tokens from the installation. A revoked single token is remembered, and the notifier sends nothing with it.
 */
export function register(app: SlackApp, deps: SlackDeps, singleToken: string | undefined): void {
  const { installations, workspaces } = deps.service;
  app.event('app_uninstalled', async ({ body }) => {
    await guard(deps.log, 'app_uninstalled', async () => {
      const at = installOf(body as Envelope);
      if (singleToken) await installations.put(revokedKey(singleToken), '{}');
      const scope = at.enterprise ? `${at.enterprise}:${at.orgWide ? '' : at.team}` : `:${at.team}`;
      const extra = at.orgWide ? [at.key] : [];
      let { users } = await workspaces.purge({ provider: 'slack', workspace: scope }, extra);
      // Grid users are keyed by the org: they go with its last installation.
      if (at.enterprise && !at.orgWide && !(await anyInstall(installations, at.enterprise))) {
        users += (await workspaces.purge({ provider: 'slack', workspace: `${at.enterprise}:` })).users;
      }
      deps.log.info('slack app uninstalled: workspace data removed', { users });
    });
  });
  app.event('tokens_revoked', async ({ body, event }) => {
    await guard(deps.log, 'tokens_revoked', async () => {
      const revoked = { bot: event.tokens.bot ?? [], oauth: event.tokens.oauth ?? [] };
      if (singleToken && revoked.bot.length > 0) await installations.put(revokedKey(singleToken), '{}');
      const at = installOf(body as Envelope);
      const data = await installations.get(at.key);
      if (!data) return;
      const install = JSON.parse(data) as { bot?: { userId?: string }; user?: { id?: string; token?: string } };
      if (install.bot && revoked.bot.length > 0) delete install.bot;
      if (install.user?.id && revoked.oauth.includes(install.user.id)) install.user = { id: install.user.id };
      if (!install.bot && !install.user?.token) await installations.delete(at.key);
      else await installations.put(at.key, JSON.stringify(install));
      deps.log.info('slack tokens revoked', { bot: revoked.bot.length, user: revoked.oauth.length });
    });
  });
}

async function anyInstall(rows: Installations, enterprise: string): Promise<boolean> {
  return Boolean((await rows.get(`org:${enterprise}`)) ?? (await rows.firstWithPrefix(`${enterprise}:`)));
}
