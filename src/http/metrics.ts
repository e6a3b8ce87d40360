import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; the names are the public contract for dashboards. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'quadrant_process_' });
  return {
    registry,
    requests: new Counter({ name: 'quadrant_requests_total', help: 'Requests from Slack by kind', labelNames: ['kind'], registers: [registry] }),
    errors: new Counter({ name: 'quadrant_errors_total', help: 'Errors by code', labelNames: ['code'], registers: [registry] }),
    queueDepth: new Gauge({ name: 'quadrant_queue_depth', help: 'Jobs waiting, delayed or active per queue', labelNames: ['queue', 'state'], registers: [registry] }),
    jobDuration: new Histogram({
      name: 'quadrant_job_duration_seconds',
      help: 'Job processing time by queue and job name',
      labelNames: ['queue', 'name', 'outcome'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers: [registry],
    }),
    pages: new Counter({ name: 'quadrant_pages_total', help: 'Pages by provider and outcome', labelNames: ['provider', 'outcome'], registers: [registry] }),
    timeToFirstPage: new Histogram({
      name: 'quadrant_time_to_first_page_seconds',
      help: 'From declaration to the first provider accepting a page',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    timeToAcknowledge: new Histogram({
      name: 'quadrant_time_to_acknowledge_seconds',
      help: 'From declaration to acknowledgement',
      buckets: [10, 30, 60, 120, 300, 600, 1800, 3600],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
