import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { postDigest, type PostingOptions } from './post-digest';
import { refreshDigest } from './refresh-digest';
import { runScheduledDigest } from './schedule-digests';

// Job ids are built from digest ids, and BullMQ job ids must not contain ":".
const digestId = z.string().regex(/^[A-Za-z0-9_-]+$/);

const PostJob = z.discriminatedUnion('reason', [
  z.object({ team: z.string().min(1), channel: z.string().min(1), reason: z.enum(['scheduled', 'catch_up']), dueAt: z.number().int() }),
  z.object({ team: z.string().min(1), channel: z.string().min(1), reason: z.literal('now'), digestId }),
]);
const RefreshJob = z.object({ team: z.string().min(1), channel: z.string().min(1), digestId });

/** Data that fails its schema never will parse: fail the job for good instead of retrying it. */
function parse<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`quadrant_payload_invalid: ${job.name} job ${job.id}: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}

/** The digest queue's jobs: 'post' (scheduled, caught-up or manual digests) and 'refresh' (update in place). */
export function digestProcessors(deps: Deps, options: PostingOptions = {}) {
  return {
    post: async (job: Job) => {
      const data = parse(PostJob, job);
      // attemptsMade counts the failed attempts before this one.
      const posting = { ...options, finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) };
      const outcome = data.reason === 'now' ? await postDigest(deps, data, posting) : await runScheduledDigest(deps, data, posting);
      // Retrying cannot help (the channel is gone, Slack refused the message, or this was the last attempt).
      if (outcome.status === 'failed') throw new UnrecoverableError(`quadrant_slack_error: ${outcome.why}`);
      return outcome;
    },
    refresh: async (job: Job) => refreshDigest(deps, parse(RefreshJob, job), options),
  };
}
