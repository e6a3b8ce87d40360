import type { FollowUpRequest, Pager, PageRequest, PageResult, PageTarget } from '../core/ports';
import { callHttp, classifyOutcome, failedPage, type FetchLike } from './http';
import { smsText } from './page-text';
import { signStandardWebhook, webhookId } from './standard-webhooks';

/** A page request that knows its escalation step (the emergency flows set it), so a repeat of a tier is a new event. */
export interface StepPageRequest extends PageRequest {
  step?: number;
}

export interface WebhookConfig {
  /** PAGER_WEBHOOK_URL */
  url: string;
  /** PAGER_WEBHOOK_SECRET: `whsec_<base64>` or any string (see standard-webhooks.ts for how each is keyed). */
  secret: string;
  timeoutMs?: number;
  fetch?: FetchLike;
  now?: () => number;
}

/**
 * The generic paging webhook (ntfy or Pushover bridges, your own service). One POST per person paged,
 * plus one when the emergency is acknowledged and one when it is resolved.
 *
 * ```
 * POST $PAGER_WEBHOOK_URL
 * content-type: application/json
 * webhook-id: msg_…          one per event, the same on every retry (see below)
 * webhook-timestamp: 1777627800   Unix seconds of this attempt: reject old ones (replay)
 * webhook-signature: v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">
 *
 * {
 *   "type": "emergency.page",            // or "emergency.acknowledged", "emergency.resolved"
 *   "timestamp": "2026-05-01T09:30:00.000Z",
 *   "data": {
 *     "team": "T0TEAM", "emergency_id": "E42", "code": "4821",
 *     "summary": "db disk full, writes fail",       // plain text, Slack markup already stripped
 *     "text": "QUADRANT EMERGENCY 4821: …",         // ready to forward as a notification
 *     "severity": "critical", "reporter": "Ada",   // reporter: display name, or "" when unknown
 *     "tier": 1, "test": false,
 *     "link": "https://…slack.com/archives/…",      // when known
 *     "target": { "slack": "U0ADA", "phone": "+36201234567" }   // page only; phone when known
 *   }
 * }
 * ```
 *
 * acknowledged/resolved carry only `team` and `emergency_id` in `data`. Any 2xx counts as delivered;
 * 429, 5xx and timeouts are retried with the same `webhook-id`, as Standard Webhooks requires, so a
 * receiver that drops ids it has seen shows a retry after a timeout once. The id is derived from the
 * team, emergency, escalation step, person and event type: the last tier paged again at a later step
 * is a new event with a new id, and is not swallowed. Acknowledgements and resolutions add their time, so
 * acknowledging again after an "Escalate now" re-open is a new event too.
 */
export function createWebhookPager(config: WebhookConfig): Pager {
  const now = config.now ?? Date.now;

  async function deliver(id: string, event: { type: string; data: Record<string, unknown> }, target?: string): Promise<PageResult> {
    const at = now();
    const body = JSON.stringify({ type: event.type, timestamp: new Date(at).toISOString(), data: event.data });
    const timestamp = Math.floor(at / 1000);
    const outcome = await callHttp(
      {
        method: 'POST',
        url: config.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Quadrant',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signStandardWebhook(config.secret, id, timestamp, body),
        },
        body,
      },
      { fetch: config.fetch, timeoutMs: config.timeoutMs },
    );
    const classified = classifyOutcome(outcome);
    if (!classified.ok) return failedPage(classified, 'webhook', target);
    return { ok: true, provider: 'webhook', target, reference: id };
  }

  function followUp(type: 'emergency.acknowledged' | 'emergency.resolved', request: FollowUpRequest) {
    const id = webhookId(request.team, request.emergencyId, type, ...(request.at === undefined ? [] : [request.at]));
    return deliver(id, { type, data: { team: request.team, emergency_id: request.emergencyId } });
  }

  return {
    id: 'webhook',
    perPerson: true,
    page(request: StepPageRequest, target?: PageTarget) {
      const data: Record<string, unknown> = {
        team: request.team,
        emergency_id: request.emergencyId,
        code: request.code,
        summary: request.summary,
        text: smsText(request),
        severity: request.severity,
        reporter: request.reporter,
        tier: request.tier,
        test: request.test === true,
        ...(request.link ? { link: request.link } : {}),
        ...(target ? { target: { slack: target.slack, ...(target.phone ? { phone: target.phone } : {}) } } : {}),
      };
      const type = 'emergency.page';
      // Test pages have an id of their own per run; without a step, the tier stands in.
      const id = webhookId(request.team, request.emergencyId, request.step ?? `tier ${request.tier}`, target?.slack ?? '', type);
      return deliver(id, { type, data }, target?.slack);
    },
    acknowledge: (request) => followUp('emergency.acknowledged', request),
    resolve: (request) => followUp('emergency.resolved', request),
  };
}
