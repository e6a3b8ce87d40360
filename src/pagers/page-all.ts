import type { FollowUpRequest, Pager, PageRequest, PageResult, PageTarget } from '../core/ports';
import type { Logger } from '../log';
import { retryAfterOf } from './http';

export interface RetryOptions {
  /** Extra attempts after the first, for retryable failures only. */
  retries: number;
  /** Wait before the first retry; it doubles each time, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs?: number;
  /**
   * A provider's Retry-After is honoured up to this (default 5 s): the wait is the longer of it and the
   * backoff. A longer ask is cut to it here; the emergency flows retry PagerDuty and Opsgenie later on their own.
   */
  maxRetryAfterMs?: number;
  /** Injected so tests can record the waits; defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
}

export interface PageAllOptions extends RetryOptions {
  /** Called as each delivery settles (after its retries), so a hanging provider holds back nobody's report. */
  onResult?: (result: PageResult) => void;
  /** Gets ids, providers and reasons only; never phone numbers, which stay inside the pagers. */
  log?: Logger;
  /**
   * Asked before each retry; false stops it (someone acknowledged while the first attempt failed). A check
   * that throws lets the retry go ahead: a second page beats a lost one.
   */
  stillWanted?: () => Promise<boolean>;
}

/** The reason a delivery reports when its retries were called off. */
export const NO_LONGER_WANTED = 'not retried: the emergency is no longer paging';

/** True for a delivery whose retries stopped because someone acknowledged (or closed) the emergency meanwhile. */
export function calledOff(result: PageResult): boolean {
  return !result.ok && result.reason.endsWith(NO_LONGER_WANTED);
}

export const DEFAULT_MAX_RETRY_AFTER_MS = 5_000;

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffDelay(attempt: number, options: RetryOptions): number {
  return Math.min(options.backoffMs * 2 ** (attempt - 1), options.maxBackoffMs ?? 30_000);
}

type Task = () => Promise<PageResult>;

async function attemptWithRetries(task: Task, provider: string, target: string | undefined, options: PageAllOptions): Promise<PageResult> {
  const sleep = options.sleep ?? timerSleep;
  for (let attempt = 1; ; attempt++) {
    let result: PageResult;
    try {
      result = await task();
    } catch (err) {
      // Pagers promise never to throw; one that does has a bug, and retrying a bug only delays the report.
      options.log?.error({ err, provider, target }, 'pager threw');
      result = { ok: false, provider, target, retryable: false, reason: 'pager failed unexpectedly' };
    }
    if (result.ok) {
      options.log?.info({ provider, target, attempt, reference: result.reference }, 'page delivered');
      return result;
    }
    const retry = result.retryable && attempt <= options.retries;
    options.log?.warn({ provider, target, attempt, retryable: result.retryable, reason: result.reason }, retry ? 'page failed; retrying' : 'page failed');
    if (!retry) return result;
    await sleep(Math.max(backoffDelay(attempt, options), Math.min(retryAfterOf(result) ?? 0, options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS)));
    if (options.stillWanted && !(await options.stillWanted().catch(() => true))) {
      options.log?.info({ provider, target, attempt }, 'page not retried: no longer wanted');
      return { ...result, retryable: false, reason: `${result.reason}; ${NO_LONGER_WANTED}` };
    }
  }
}

function settleEach(jobs: Array<{ provider: string; target?: string; task: Task }>, options: PageAllOptions): Promise<PageResult[]> {
  return Promise.all(
    jobs.map(async ({ provider, target, task }) => {
      const result = await attemptWithRetries(task, provider, target, options);
      try {
        options.onResult?.(result);
      } catch (err) {
        options.log?.error({ err, provider }, 'onResult callback failed');
      }
      return result;
    }),
  );
}

/**
 * Pages every person through every per-person pager and the emergency once through each per-emergency
 * pager, all at once. Each delivery retries on its own schedule, so a slow or failing provider delays
 * only itself. Resolves with every result (in no promised order); deciding what "all failed" means is
 * the caller's job.
 */
export function pageAll(pagers: readonly Pager[], request: PageRequest, targets: readonly PageTarget[], options: PageAllOptions): Promise<PageResult[]> {
  const jobs = pagers.flatMap((pager) =>
    pager.perPerson
      ? targets.map((target) => ({ provider: pager.id, target: target.slack, task: () => pager.page(request, target) }))
      : [{ provider: pager.id, task: () => pager.page(request) }],
  );
  return settleEach(jobs, options);
}

/**
 * Sends acknowledge or resolve to every pager that follows Quadrant's buttons: PagerDuty, Opsgenie and the
 * webhook close their own alert; Twilio voice stops the calls still ringing.
 */
export function followUpAll(
  pagers: readonly Pager[],
  action: 'acknowledge' | 'resolve',
  request: FollowUpRequest,
  options: PageAllOptions,
): Promise<PageResult[]> {
  const jobs = pagers.flatMap((pager) => {
    const follow = pager[action]?.bind(pager);
    return follow ? [{ provider: pager.id, task: () => follow(request) }] : [];
  });
  return settleEach(jobs, options);
}
