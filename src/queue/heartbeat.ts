import type { Deps } from '../deps';
import type { HealthCheck } from '../http/health';

const BEAT_MS = 5_000;
/** Three missed beats: the worker is gone (or was never deployed, as in a web-only set-up). */
const STALE_MS = 3 * BEAT_MS;

/** Workers that escalate write a heartbeat; web processes read it to warn that nobody would escalate. */
export function startHeartbeat(deps: Deps, role: string): NodeJS.Timeout {
  const beat = () => void deps.redis.set(deps.keys.heartbeat(role), String(deps.now()), 'PX', STALE_MS * 4).catch(() => undefined);
  beat();
  const timer = setInterval(beat, BEAT_MS);
  timer.unref();
  return timer;
}

export async function lastHeartbeat(deps: Deps, role: string): Promise<number | undefined> {
  const raw = await deps.redis.get(deps.keys.heartbeat(role));
  return raw ? Number(raw) : undefined;
}

export function emergencyWorkerCheck(deps: Deps): HealthCheck {
  return async () => {
    const at = await lastHeartbeat(deps, 'emergency-worker');
    const alive = at !== undefined && deps.now() - at < STALE_MS;
    return {
      name: 'emergency_worker',
      ok: alive,
      detail: alive
        ? `last heartbeat ${Math.round((deps.now() - at!) / 1000)} s ago`
        : 'no emergency worker has been alive recently: emergencies would page once but never escalate. Run `quadrant start --role worker`.',
    };
  };
}
