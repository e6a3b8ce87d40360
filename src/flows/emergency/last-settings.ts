import { defaultSettings, type WorkspaceSettings } from '../../config/settings';
import type { Deps } from '../../deps';
import { fastRedis } from './fail-fast';

// Keyed by Redis prefix and team: tests and benchmarks run several apps in one process.
const remembered = new Map<string, WorkspaceSettings>();
const slot = (deps: Pick<Deps, 'keys'>, team: string) => `${deps.keys.prefix}\u0000${team}`;

export function rememberSettings(deps: Pick<Deps, 'keys'>, team: string, settings: WorkspaceSettings): void {
  remembered.set(slot(deps, team), settings);
}

/** The newest settings this process has seen for the team, without touching Redis. */
export function lastKnownSettings(deps: Pick<Deps, 'keys' | 'settings'>, team: string): WorkspaceSettings | undefined {
  return remembered.get(slot(deps, team)) ?? deps.settings.cached(team);
}

/**
 * Settings for the emergency path: fresh from Redis when it answers within `ms`, else the last known ones
 * (memory, then the settings file). `stale` tells the caller it paged from memory.
 */
export async function emergencySettings(deps: Deps, team: string, ms: number): Promise<{ settings: WorkspaceSettings; stale: boolean }> {
  try {
    const settings = await fastRedis(deps.redis, () => deps.settings.get(team), ms);
    rememberSettings(deps, team, settings);
    return { settings, stale: false };
  } catch (err) {
    const known = lastKnownSettings(deps, team);
    if (!known) deps.logger.error({ err, team }, 'Redis did not answer and no settings are known for this workspace: paging with the defaults');
    return { settings: known ?? defaultSettings(), stale: true };
  }
}
