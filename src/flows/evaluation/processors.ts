import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { postHubSummary } from '../hub/hub-summary';
import { HUB_POST_JOB, postToHub } from '../hub/post-to-hub';
import { INTRO_JOB, maybeIntroduce } from '../intro';
import { postWeeklyReport } from './weekly-report';
import { HUB_SUMMARY_JOB, WEEKLY_REPORT_JOB } from './weekly-schedule';

const TeamJob = z.object({ team: z.string().min(1) });
const HubPostJob = z.object({ team: z.string().min(1), itemId: z.string().regex(/^[A-Za-z0-9_-]+$/) });
const IntroJob = z.object({ team: z.string().min(1), user: z.string().regex(/^[UW][A-Z0-9]+$/) });

/** Data that fails its schema never will parse: fail the job for good instead of retrying it. */
function parse<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`quadrant_payload_invalid: ${job.name} job ${job.id}: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}

/** Digest-queue jobs of the hub, the evaluation reports and the introductions, by job name. */
export function frameworkProcessors(deps: Deps) {
  return {
    [HUB_POST_JOB]: async (job: Job) => {
      const { team, itemId } = parse(HubPostJob, job);
      const outcome = await postToHub(deps, team, itemId);
      // Thrown, so BullMQ retries with backoff; a channel Slack refuses for good is not retried.
      if (outcome.status === 'failed' && outcome.retry) throw new Error(`hub post failed: ${outcome.why}`);
      return outcome;
    },
    [HUB_SUMMARY_JOB]: async (job: Job) => postHubSummary(deps, parse(TeamJob, job).team),
    [WEEKLY_REPORT_JOB]: async (job: Job) => postWeeklyReport(deps, parse(TeamJob, job).team),
    [INTRO_JOB]: async (job: Job) => {
      const { team, user } = parse(IntroJob, job);
      return maybeIntroduce(deps, { team, user, via: 'later' });
    },
  };
}
