import type { Pager, PageRequest, PageResult } from '../core/ports';
import { emergencyKey } from './emergency-key';
import { callHttp, classifyOutcome, failedPage, isRecord, parseJson, UNREADABLE_ANSWER, type FetchLike } from './http';
import { pageHeadline } from './page-text';

export interface PagerDutyConfig {
  /** PAGERDUTY_EVENTS_URL, default https://events.pagerduty.com/v2/enqueue (the full URL, path included). */
  eventsUrl: string;
  /** The Events API v2 integration key: 32 characters, and the only credential (no auth header). */
  routingKey: string;
  timeoutMs?: number;
  fetch?: FetchLike;
  now?: () => number;
}

const PROVIDER = 'pagerduty';

/** PagerDuty answers 400 with `{status, message, errors}`; `status` ("invalid event") is short and safe to log. */
function pagerDutyDetail(_status: number, body: string): string | undefined {
  const json = parseJson(body);
  return isRecord(json) && typeof json.status === 'string' ? `PagerDuty: ${json.status.slice(0, 60)}` : undefined;
}

/**
 * One Events API v2 alert per emergency; PagerDuty pages its own responders. Trigger, acknowledge and
 * resolve share one `dedup_key`, so a repeated trigger (a retry, the next tier) joins the open alert.
 */
export function createPagerDutyPager(config: PagerDutyConfig): Pager {
  const now = config.now ?? Date.now;

  async function send(event: Record<string, unknown>, dedupKey: string): Promise<PageResult> {
    const outcome = await callHttp(
      {
        method: 'POST',
        url: config.eventsUrl,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ routing_key: config.routingKey, dedup_key: dedupKey, ...event }),
      },
      { fetch: config.fetch, timeoutMs: config.timeoutMs },
    );
    const classified = classifyOutcome(outcome, pagerDutyDetail);
    if (!classified.ok) return failedPage(classified, PROVIDER);
    const json = parseJson(classified.body);
    if (!isRecord(json) || json.status !== 'success') return { ok: false, provider: PROVIDER, retryable: true, reason: UNREADABLE_ANSWER };
    return { ok: true, provider: PROVIDER, reference: typeof json.dedup_key === 'string' ? json.dedup_key : dedupKey };
  }

  return {
    id: PROVIDER,
    perPerson: false,
    page(request: PageRequest) {
      const customDetails: Record<string, unknown> = {
        team: request.team,
        emergency_id: request.emergencyId,
        code: request.code,
        tier: request.tier,
        reporter: request.reporter,
        test: request.test === true,
      };
      return send(
        {
          event_action: 'trigger',
          payload: {
            summary: pageHeadline(request, 900),
            source: 'quadrant',
            severity: request.severity,
            timestamp: new Date(now()).toISOString(),
            component: 'slack',
            class: request.test ? 'test' : 'emergency',
            custom_details: customDetails,
          },
          client: 'Quadrant',
          ...(request.link ? { client_url: request.link } : {}),
        },
        emergencyKey(request.team, request.emergencyId),
      );
    },
    acknowledge: (request) => send({ event_action: 'acknowledge' }, emergencyKey(request.team, request.emergencyId)),
    resolve: (request) => send({ event_action: 'resolve' }, emergencyKey(request.team, request.emergencyId)),
  };
}
