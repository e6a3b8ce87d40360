import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';

/**
 * Every BullMQ queue, in one place. Emergencies have their own queue and workers: a BullMQ priority on a
 * shared queue still waits for a busy worker, and a deep async backlog would add seconds.
 */
export const QUEUE_NAMES = {
  /** Message and reaction events: classify, apply the policy, nudge. Job id = Slack event id. */
  intake: 'intake',
  /** Digest posting: one delayed job per channel at its next local digest time (cron disagrees across DST), plus refreshes. */
  digest: 'digest',
  /** Escalation steps and page retries. Never shares workers with async work. */
  emergency: 'emergency',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const DEFAULT_JOB_OPTIONS: Record<QueueName, DefaultJobOptions> = {
  intake: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 3600, count: 5000 },
    removeOnFail: { age: 7 * 86400 },
  },
  digest: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 7 * 86400, count: 1000 },
    removeOnFail: { age: 30 * 86400 },
  },
  emergency: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 7 * 86400, count: 5000 },
    removeOnFail: { age: 30 * 86400 },
  },
};

export type Queues = Record<QueueName, Queue>;

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const make = (name: QueueName) => new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS[name] });
  return { intake: make('intake'), digest: make('digest'), emergency: make('emergency') };
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** BullMQ job ids must not contain ":"; Slack ids and timestamps never do, but keep it explicit. */
export function jobId(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/:/g, '_')).join('-');
}
