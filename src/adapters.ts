import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Env } from './config/env';
import { formatIssues, loadSettingsFile, type SettingsSource } from './config/load';
import { QuadrantError } from './core/errors';
import type { Deps } from './deps';
import { pagersConfigFromEnv } from './pagers';
import { createQueues } from './queue/queues';
import { bullConnectionOptions, createCommandConnection } from './redis';
import { createEmergencySpool } from './store/emergency-spool';
import { createEmergencyStore } from './store/emergency-store';
import { createItemStore } from './store/item-store';
import { createKeys, type Keys } from './store/keys';
import { createSettingsStore } from './store/settings-store';

/**
 * What every entry point (`quadrant start` and `quadrant emergency`) builds the same way: Redis
 * connections, queues and the stores. Each adds what only it needs (the Slack app and workers, or a
 * command line's stand-ins) on top.
 */

export interface RedisConnections {
  keys: Keys;
  redis: Redis;
  /** For settings-change notifications; a subscribed connection can send nothing else. */
  subscriber: Redis;
}

/** Connections named after the process (`quadrant-web`, `quadrant-cli`, … in CLIENT LIST). */
export function openRedis(env: Env, name: string): RedisConnections {
  const redis = createCommandConnection(env.REDIS_URL, name);
  const subscriber = createCommandConnection(env.REDIS_URL, `${name}-sub`);
  // Outages surface as failed commands where they matter; an unhandled 'error' event would end the process.
  redis.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  return { keys: createKeys(env.QUADRANT_REDIS_PREFIX), redis, subscriber };
}

/** QUADRANT_CONFIG, parsed and validated; a bad file stops start-up with every issue and its line. */
export function loadSettingsSource(file: string | undefined): SettingsSource | undefined {
  if (!file) return undefined;
  const outcome = loadSettingsFile(file);
  if (!outcome.ok) throw new QuadrantError('quadrant_config_invalid', `QUADRANT_CONFIG is not valid.\n${formatIssues(file, outcome.issues)}`);
  return outcome.value;
}

export type SharedAdapters = Pick<Deps, 'keys' | 'redis' | 'queues' | 'settings' | 'items' | 'emergencies' | 'spool' | 'pagersConfig'>;

export function createSharedAdapters(env: Env, connections: RedisConnections, settingsSource: SettingsSource | undefined): SharedAdapters {
  const { keys, redis, subscriber } = connections;
  return {
    keys,
    redis,
    queues: createQueues(bullConnectionOptions(env.REDIS_URL), keys.bullPrefix),
    settings: createSettingsStore({ redis, subscriber, keys, source: settingsSource, authoritative: env.QUADRANT_CONFIG_AUTHORITATIVE }),
    items: createItemStore(redis, keys),
    emergencies: createEmergencyStore(redis, keys),
    // One default folder per Redis prefix, so `quadrant emergency` journals where a server on this machine replays.
    spool: createEmergencySpool(env.QUADRANT_SPOOL_DIR ?? path.join(tmpdir(), `quadrant-spool-${env.QUADRANT_REDIS_PREFIX}`)),
    pagersConfig: pagersConfigFromEnv(env),
  };
}
