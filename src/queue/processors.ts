import type { Job } from 'bullmq';
import type { Deps } from '../deps';
import { applyRetentionEverywhere } from '../flows/admin/apply-retention';
import { digestProcessors } from '../flows/digest/processors';
import { frameworkProcessors } from '../flows/evaluation/processors';
import { escalateJob } from '../flows/emergency/escalate';
import { providerRetryJob } from '../flows/emergency/provider-retry';
import { handleMessageJob } from '../flows/handle-message';
import { handleReactionJob } from '../flows/handle-reaction';
import type { QueueName } from './queues';
import type { Processor } from './workers';

type Handlers = Record<string, (job: Job) => Promise<unknown>>;

function dispatch(queue: QueueName, handlers: Handlers): Processor {
  return async (job) => {
    const handler = handlers[job.name];
    // Unknown job names fail loudly (and stay in the failed set) instead of vanishing.
    if (!handler) throw new Error(`no handler for job "${job.name}" on queue ${queue}`);
    return handler(job);
  };
}

/** Which flow handles which job. */
export function createProcessors(deps: Deps): Record<QueueName, Processor> {
  return {
    intake: dispatch('intake', {
      message: (job) => handleMessageJob(deps, job.data),
      reaction: (job) => handleReactionJob(deps, job.data),
    }),
    digest: dispatch('digest', { ...digestProcessors(deps), ...frameworkProcessors(deps), retention: () => applyRetentionEverywhere(deps) }),
    emergency: dispatch('emergency', { escalate: (job) => escalateJob(deps, job.data), 'page-retry': (job) => providerRetryJob(deps, job.data) }),
  };
}
