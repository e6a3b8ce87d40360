import { withDeadline } from '../flows/emergency/fail-fast';
import type { Queues } from '../queue/queues';
import type { Metrics } from './metrics';
import type { Route } from './server';

const STATES = ['waiting', 'delayed', 'active', 'failed'] as const;
const DEPTH_DEADLINE_MS = 500;

/** Prometheus text; queue depths are read at scrape time so they are never stale. */
export function metricsRoute(metrics: Metrics, queues: Queues): Route {
  return {
    method: 'GET',
    path: '/metrics',
    handler: async (_req, res) => {
      await Promise.all(
        Object.entries(queues).map(async ([name, queue]) => {
          // BullMQ's connection waits for Redis for ever; a scrape during an outage still answers, without depths.
          const counts = await withDeadline(queue.getJobCounts(...STATES), DEPTH_DEADLINE_MS).catch(() => undefined);
          if (counts) for (const state of STATES) metrics.queueDepth.set({ queue: name, state }, counts[state] ?? 0);
        }),
      );
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(body);
    },
  };
}
