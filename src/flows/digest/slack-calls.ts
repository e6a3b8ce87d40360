import { WebClient } from '@slack/web-api';
import type { Logger } from '../../log';
import { webClientOptions } from '../../slack/client';

/**
 * How digest posting talks to Slack: a client that never retries on its own, one message per interval per
 * channel, and Retry-After honoured on a 429.
 */

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** web-api with rejectRateLimitedCalls throws this code with `retryAfter` in seconds (FACTS.md §4). */
const RATE_LIMITED = 'slack_webapi_rate_limited_error';
const PLATFORM_ERROR = 'slack_webapi_platform_error';
/** Consecutive 429s on one call before the job is given back to the queue (and resumed later). */
const MAX_RATE_LIMITED = 20;

/** Milliseconds Slack asked us to wait, when `err` is a 429. */
export function retryAfterMs(err: unknown): number | undefined {
  if (!err || typeof err !== 'object' || (err as { code?: unknown }).code !== RATE_LIMITED) return undefined;
  const seconds = Number((err as { retryAfter?: unknown }).retryAfter);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000;
}

/** Slack's error code when it answered `{ ok: false }`: the call did nothing. */
export function platformErrorCode(err: unknown): string | undefined {
  if (!err || typeof err !== 'object' || (err as { code?: unknown }).code !== PLATFORM_ERROR) return undefined;
  const code = (err as { data?: { error?: unknown } }).data?.error;
  return typeof code === 'string' ? code : 'unknown_error';
}

/** Errors after which posting in the channel cannot succeed until someone changes something. */
export const CHANNEL_GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
]);

/**
 * Slack answers `{ ok: false }` with these when a later try may succeed. Any other answer (msg_too_long,
 * invalid_blocks, ...) will be the same however often the same message is sent.
 */
const TRANSIENT_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'rate_limited', 'message_limit_exceeded', 'team_added_to_org']);

export function isTransientSlackError(code: string): boolean {
  return TRANSIENT_ERRORS.has(code);
}

const noRetryClients = new WeakMap<WebClient, WebClient>();

/**
 * The workspace's client without its automatic retries: a chat.postMessage retried after a timeout may already
 * be in Slack, and posting it again would show an item twice. Digest posting reconciles with Slack instead.
 */
export function postingClient(client: WebClient, logger: Logger): WebClient {
  let copy = noRetryClients.get(client);
  if (!copy) {
    copy = new WebClient(client.token, { ...webClientOptions(client.slackApiUrl, logger), retryConfig: { retries: 0 } });
    noRetryClients.set(client, copy);
  }
  return copy;
}

/** Runs `call`, waiting out each 429's Retry-After (after `beforeWait`, which keeps the channel lock alive). */
export async function honouringRetryAfter<T>(call: () => Promise<T>, sleep: Sleep, beforeWait?: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const wait = retryAfterMs(err);
      if (wait === undefined || attempt >= MAX_RATE_LIMITED) throw err;
      await beforeWait?.(wait);
      await sleep(wait);
    }
  }
}

/**
 * Spaces messages in one channel: the next one goes `intervalMs` after the previous answer arrived, so Slack
 * sees at least that gap whatever the network delay (its limit is about one message a second per channel).
 */
export function createPacer(intervalMs: number, sleep: Sleep, now: () => number) {
  let readyAt = -Infinity;
  return {
    async wait(): Promise<void> {
      const wait = readyAt - now();
      if (wait > 0) await sleep(wait);
    },
    sent(): void {
      readyAt = now() + intervalMs;
    },
  };
}
export type Pacer = ReturnType<typeof createPacer>;
