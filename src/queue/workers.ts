import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Deps } from '../deps';
import type { QueueName } from './queues';

export type Processor = (job: Job) => Promise<unknown>;

/** How many jobs each queue runs at once per process. Emergency work never shares these slots. */
export const CONCURRENCY: Record<QueueName, number> = { intake: 8, digest: 2, emergency: 8 };

export function createWorkers(
  deps: Deps,
  connection: ConnectionOptions,
  processors: Record<QueueName, Processor>,
  concurrency: Partial<Record<QueueName, number>> = {},
): Worker[] {
  return (Object.keys(processors) as QueueName[]).map((name) => {
    const worker = new Worker(name, processors[name], {
      connection,
      prefix: deps.keys.bullPrefix,
      concurrency: concurrency[name] ?? CONCURRENCY[name],
      // A crashed worker's job is picked up again by another after its lock expires.
      lockDuration: 30_000,
      stalledInterval: 15_000,
      maxStalledCount: 3,
    });
    const log = deps.logger.child({ queue: name });
    worker.on('completed', (job) => {
      deps.metrics.jobDuration.observe({ queue: name, name: job.name, outcome: 'completed' }, ((job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now())) / 1000);
    });
    worker.on('failed', (job, err) => {
      deps.metrics.jobDuration.observe({ queue: name, name: job?.name ?? 'unknown', outcome: 'failed' }, ((job?.finishedOn ?? Date.now()) - (job?.processedOn ?? Date.now())) / 1000);
      log.warn({ err, job: job?.id, attempts: job?.attemptsMade }, 'job failed');
    });
    worker.on('error', (err) => log.error({ err }, 'worker error'));
    return worker;
  });
}
