import type { Redis } from 'ioredis';
import { isRedisReachable } from '../redis';
import type { Route } from './server';
import { sendJson } from './server';

export interface HealthDetail {
  name: string;
  ok: boolean;
  detail?: string;
}

/** Extra checks other parts register (emergency worker heartbeat, provider credentials). */
export type HealthCheck = () => Promise<HealthDetail>;

export function healthRoute(options: { role: string; mode: string; redis: Redis; checks?: HealthCheck[] }): Route {
  return {
    method: 'GET',
    path: '/health',
    handler: async (_req, res) => {
      const redisOk = await isRedisReachable(options.redis);
      const details = await Promise.all((options.checks ?? []).map((check) => check().catch((): HealthDetail => ({ name: 'check', ok: false, detail: 'check failed' }))));
      // Only Redis decides 200/503: a missing emergency worker is a loud detail, not a reason to restart web.
      sendJson(res, redisOk ? 200 : 503, {
        status: redisOk ? 'ok' : 'unhealthy',
        role: options.role,
        mode: options.mode,
        redis: redisOk ? 'ok' : 'unreachable',
        checks: details,
      });
    },
  };
}
