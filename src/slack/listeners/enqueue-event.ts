import type { JobsOptions, Queue } from 'bullmq';
import type { Logger } from '@slack/bolt';

const ATTEMPTS = 6;

/**
 * Queues an event's work. Bolt acknowledges events before listeners run, so Slack never retries one whose
 * queue write failed: ride out a Redis blip here (about 16 s in all), and only then give up loudly.
 */
export async function enqueueEvent<T>(queue: Queue, name: string, data: T, options: JobsOptions, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await queue.add(name, data, options);
      return;
    } catch (err) {
      if (attempt >= ATTEMPTS) {
        logger.error(`could not queue ${name} event; giving up`, err);
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}
