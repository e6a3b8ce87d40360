import type { Queues } from '../queue/queues';
import type { Metrics } from './metrics';
import type { Route } from './server';

const STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

/** Prometheus text; queue depths are read at scrape time so they are never stale. */
export function metricsRoute(metrics: Metrics, queues: Queues): Route {
  return {
    method: 'GET',
    path: '/metrics',
    handler: async (_req, res) => {
      await Promise.all(
        Object.entries(queues).map(async ([name, queue]) => {
          const counts = await queue.getJobCounts(...STATES).catch(() => undefined);
          if (counts) for (const state of STATES) metrics.queueDepth.set({ queue: name, state }, counts[state] ?? 0);
        }),
      );
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(body);
    },
  };
}
