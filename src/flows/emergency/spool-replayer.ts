import type { Deps } from '../../deps';
import { isRedisReady } from './fail-fast';
import { rememberSettings } from './last-settings';
import { postPendingEmergencies } from './post-pending';
import { replaySpool } from './replay-spool';

const EVERY_MS = 5_000;

/**
 * The emergency path's upkeep, in every process: records emergencies journalled while Redis was away, posts
 * emergencies Slack did not take (the command line's, when Slack is down), and keeps every known workspace's
 * settings in memory so a declaration during a Redis outage pages the right people. Quiet while Redis is away.
 */
export function startSpoolReplay(deps: Deps): NodeJS.Timeout {
  let running = false;
  const tick = () => {
    if (running || !isRedisReady(deps.redis)) return;
    running = true;
    runUpkeep(deps)
      .catch((err: unknown) => deps.logger.debug({ err }, 'emergency upkeep waiting for Redis'))
      .finally(() => {
        running = false;
      });
  };
  // ioredis connects asynchronously; the first tick waits for it.
  if (isRedisReady(deps.redis)) tick();
  else deps.redis.once('ready', tick);
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return timer;
}

async function runUpkeep(deps: Deps): Promise<void> {
  await registerSoleTeam(deps);
  if (deps.spool.list().length > 0) {
    const recorded = await replaySpool(deps);
    if (recorded) deps.logger.info({ recorded }, 'recorded emergencies declared while Redis was away');
  }
  await postPendingEmergencies(deps);
  await warmSettings(deps);
}

async function warmSettings(deps: Deps): Promise<void> {
  const teams = await deps.redis.smembers(deps.keys.teams());
  for (const team of teams) rememberSettings(deps, team, await deps.settings.get(team));
}

// Per Redis prefix: asked once per process.
const registered = new Set<string>();

/**
 * With one bot token, Quadrant's workspace is the token's own. Listing it among the known teams lets the API
 * and the command line declare without naming it, even while Slack is down later.
 */
async function registerSoleTeam(deps: Deps): Promise<void> {
  if (deps.env.mode === 'oauth' || registered.has(deps.keys.prefix)) return;
  registered.add(deps.keys.prefix);
  try {
    const auth = await (await deps.slackFor('')).auth.test();
    if (typeof auth.team_id === 'string') await deps.redis.sadd(deps.keys.teams(), auth.team_id);
  } catch (err) {
    registered.delete(deps.keys.prefix);
    deps.logger.debug({ err }, 'could not learn the workspace id yet');
  }
}
