import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Logger } from '../log';
import { createBoltLogger } from './bolt-logger';

/**
 * Web API client options used everywhere. The defaults would wait out a 429 for up to ~30 minutes;
 * Quadrant paces its own posting, so rate-limited calls fail at once and callers honour Retry-After.
 */
export function webClientOptions(slackApiUrl: string, logger: Logger): WebClientOptions {
  return {
    slackApiUrl,
    logger: createBoltLogger(logger, 'web-api'),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    timeout: 10_000,
  };
}

export function createWebClient(token: string | undefined, slackApiUrl: string, logger: Logger): WebClient {
  return new WebClient(token, webClientOptions(slackApiUrl, logger));
}
