import type { Deps } from '../../deps';
import { forgetFramework } from '../evaluation/forget';
import { createInstallationStore } from '../../store/installation-store';
import { deleteMatching, scanKeys } from './scan-keys';

/**
 * `app_uninstalled`: everything Quadrant stored for the workspace goes: its installation (tokens),
 * settings and their history, items, digests, emergencies, learning and caches. Every process is told, so
 * cached settings and digest schedules follow.
 */
export async function forgetWorkspace(deps: Deps, team: string): Promise<{ keys: number }> {
  const { keys, redis } = deps;
  let count = 0;

  // Reply codes point at emergencies by value, not by key name: free them before the emergencies go.
  await scanKeys(redis, keys.emergency(team, '*'), async (found) => {
    const raws = await redis.mget(found);
    const codes = raws.flatMap((raw) => {
      const code = raw?.startsWith('{') ? (JSON.parse(raw) as { code?: string }).code : undefined;
      return code ? [keys.emergencyCode(code)] : [];
    });
    for (const key of codes) if ((await redis.get(key))?.startsWith(`${team}/`)) count += await redis.del(key);
  });

  const patterns = [
    keys.item(team, '*'),
    keys.itemBySource(team, '*', '*'),
    keys.openItems(team, '*'),
    keys.userItems(team, '*'),
    keys.digest(team, '*', '*'),
    keys.digestLast(team, '*'),
    keys.digestRecent(team, '*'),
    keys.digestLock(team, '*'),
    keys.digestRefreshPending(team, '*', '*'),
    keys.digestSeq(team, '*'),
    keys.authorName(team, '*'),
    keys.nudged(team, '*', '*'),
    keys.nudgeContext(team, '*', '*'),
    keys.emergency(team, '*'),
    keys.emergencyPostLock(team, '*'),
    keys.oncallTest(team, '*'),
    keys.seen(team, '*', '*'),
    keys.userInfo(team, '*'),
  ];
  for (const pattern of patterns) count += await deleteMatching(redis, pattern);
  count += await redis.del(keys.settings(team), keys.settingsHistory(team), keys.settingsSeq(team), keys.itemSeq(team), keys.corrections(team), keys.digestSchedule(team), keys.oncallTestLatest(team));
  if (await createInstallationStore(redis, keys).remove(team)) count++;
  await redis.srem(keys.teams(), team);
  count += await forgetFramework(deps, team);
  await redis.publish(keys.settingsChanged(), team);
  deps.logger.info({ team, keys: count }, 'workspace uninstalled; its data was deleted');
  return { keys: count };
}

/** `tokens_revoked` for the bot: the stored token is dead, so the installation goes; the data stays for a reinstall. */
export async function forgetBotToken(deps: Deps, team: string): Promise<boolean> {
  const removed = await createInstallationStore(deps.redis, deps.keys).remove(team);
  deps.logger.warn({ team, removed }, 'bot token revoked');
  return removed;
}
