import type { Deps } from '../../deps';
import { stopFramework } from '../evaluation/forget';
import { createInstallationStore } from '../../store/installation-store';
import { deleteWorkspaceKeys, keyKind } from './scan-keys';

/**
 * `app_uninstalled`: everything Quadrant stored for the workspace goes: its installation (tokens),
 * settings and their history, items, digests, emergencies, learning and caches. Every process is told, so
 * cached settings and digest schedules follow.
 */
export async function forgetWorkspace(deps: Deps, team: string): Promise<{ keys: number }> {
  const { keys, redis } = deps;
  // Off the scheduler's list first, so nothing is scheduled for the workspace while it goes.
  await redis.srem(keys.teams(), team);
  await stopFramework(deps, team);
  let count = (await createInstallationStore(redis, keys).remove(team)) ? 1 : 0;
  count += await deleteWorkspaceKeys(redis, { prefix: keys.prefix, team, before: (found) => freeReplyCodes(deps, team, found) });
  await redis.publish(keys.settingsChanged(), team);
  deps.logger.info({ team, keys: count }, 'workspace uninstalled; its data was deleted');
  return { keys: count };
}

/** Reply codes point at emergencies by value, not by key name: free them before the emergencies go. */
async function freeReplyCodes(deps: Deps, team: string, found: string[]): Promise<void> {
  const { keys, redis } = deps;
  // The records (`emergency:<team>:<id>`), not their timelines or call lists; the open set matches too and reads as nil.
  const records = found.filter((key) => keyKind(keys.prefix, key) === 'emergency' && key.slice(keys.prefix.length + 1).split(':').length === 3);
  if (records.length === 0) return;
  const raws = await redis.mget(records);
  for (const raw of raws) {
    const code = raw?.startsWith('{') ? (JSON.parse(raw) as { code?: string }).code : undefined;
    if (code && (await redis.get(keys.emergencyCode(code)))?.startsWith(`${team}/`)) await redis.del(keys.emergencyCode(code));
  }
}

/** `tokens_revoked` for the bot: the stored token is dead, so the installation goes; the data stays for a reinstall. */
export async function forgetBotToken(deps: Deps, team: string): Promise<boolean> {
  const removed = await createInstallationStore(deps.redis, deps.keys).remove(team);
  deps.logger.warn({ team, removed }, 'bot token revoked');
  return removed;
}
