import type { Deps } from '../deps';
import type { HealthCheck } from '../http/health';

const BEAT_MS = 5_000;
/** Three missed beats: the worker is gone (or was never deployed, as in a web-only set-up). */
const HEARTBEAT_STALE_MS = 3 * BEAT_MS;

/** Workers that escalate write a heartbeat; web processes read it to warn that nobody would escalate. */
export function startHeartbeat(deps: Deps, role: string): NodeJS.Timeout {
  const beat = () => void deps.redis.set(deps.keys.heartbeat(role), String(deps.now()), 'PX', HEARTBEAT_STALE_MS * 4).catch(() => undefined);
  beat();
  const timer = setInterval(beat, BEAT_MS);
  timer.unref();
  return timer;
}

export async function lastHeartbeat(deps: Deps, role: string): Promise<number | undefined> {
  const raw = await deps.redis.get(deps.keys.heartbeat(role));
  return raw ? Number(raw) : undefined;
}

export interface WorkerStatus {
  alive: boolean;
  /** When the newest heartbeat was written, if one is on record. */
  lastBeatAt?: number;
  /** One sentence for /health and `/quadrant oncall`. */
  detail: string;
}

/** Whether an emergency worker has been alive recently; `/quadrant oncall` shows `detail` as it is. */
export async function emergencyWorkerStatus(deps: Deps): Promise<WorkerStatus> {
  const at = await lastHeartbeat(deps, 'emergency-worker');
  const age = at === undefined ? undefined : deps.now() - at;
  if (at !== undefined && age !== undefined && age < HEARTBEAT_STALE_MS) {
    return { alive: true, lastBeatAt: at, detail: `an emergency worker was alive ${Math.max(0, Math.round(age / 1000))} s ago` };
  }
  const since = age === undefined ? 'none has been seen recently' : `the last one was seen ${Math.round(age / 1000)} s ago`;
  return {
    alive: false,
    lastBeatAt: at,
    detail: `no emergency worker is alive (${since}): emergencies still page tier 1 at once, but never escalate. Run \`quadrant start --role worker\` (or --role all).`,
  };
}

export function emergencyWorkerCheck(deps: Deps): HealthCheck {
  return async () => {
    const status = await emergencyWorkerStatus(deps);
    return { name: 'emergency_worker', ok: status.alive, detail: status.detail };
  };
}
