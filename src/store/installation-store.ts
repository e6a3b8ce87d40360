import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import { QuadrantError } from '../core/errors';
import type { Logger } from '../log';
import { createWebClient } from '../slack/client';
import type { Keys } from './keys';

/**
 * Bolt's installation store (multi-workspace OAuth), one Redis key per workspace, or per org for an
 * Enterprise Grid org-wide install. Tokens are stored, never logged: log lines carry team ids only, and
 * errors name the workspace, not the installation.
 */
export function createInstallationStore(redis: Redis, keys: Keys, logger?: Logger): InstallationStore & {
  /** Removes the workspace's installation; true when there was one. */
  remove(team: string): Promise<boolean>;
} {
  return {
    async storeInstallation(installation) {
      const id = installationId(installation);
      if (!id) throw new QuadrantError('quadrant_payload_invalid', 'the installation names neither a workspace nor an org');
      await redis.multi().set(keys.installation(id), JSON.stringify(installation)).sadd(keys.teams(), id).exec();
      logger?.info({ team: id, enterprise: installation.isEnterpriseInstall === true }, 'Quadrant installed');
    },
    async fetchInstallation(query) {
      const id = queryId(query);
      const raw = id ? await redis.get(keys.installation(id)) : null;
      // Bolt treats a throw as "not authorized" and drops the request; the message must not carry secrets.
      if (!raw) throw new QuadrantError('quadrant_slack_error', `no installation for workspace ${id ?? '(none)'}`);
      return JSON.parse(raw) as Installation;
    },
    async deleteInstallation(query) {
      const id = queryId(query);
      if (id) await this.remove(id);
    },
    async remove(team) {
      const [[, removed] = [null, 0]] = (await redis.multi().del(keys.installation(team)).srem(keys.teams(), team).exec()) ?? [];
      if (removed) logger?.info({ team }, 'installation removed');
      return removed === 1;
    },
  };
}

function installationId(installation: Installation): string | undefined {
  return installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
}

function queryId(query: InstallationQuery<boolean>): string | undefined {
  return query.isEnterpriseInstall && query.enterpriseId ? query.enterpriseId : query.teamId ?? query.enterpriseId;
}

/**
 * The Web API client for a workspace in OAuth mode (`deps.slackFor`). The installation is read from Redis on
 * every call, so a reinstall (new token) or an uninstall handled by another process is seen at once; the
 * client itself is reused while the token stays the same.
 */
export function createInstallationClients(store: InstallationStore, slackApiUrl: string, logger: Logger): { slackFor(team: string): Promise<WebClient> } {
  const clients = new Map<string, { token: string; client: WebClient }>();
  return {
    async slackFor(team) {
      const installation = await store.fetchInstallation({ teamId: team, isEnterpriseInstall: false, enterpriseId: undefined });
      const token = installation.bot?.token;
      if (!token) throw new QuadrantError('quadrant_slack_error', `the installation for workspace ${team} has no bot token`);
      const known = clients.get(team);
      if (known?.token === token) return known.client;
      const client = createWebClient(token, slackApiUrl, logger);
      clients.set(team, { token, client });
      return client;
    },
  };
}
