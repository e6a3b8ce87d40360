import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { isJsonContentType, startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from './fake-server';
import { loadProviderSpecs, type ProviderSpecs } from './provider-specs';

/**
 * PagerDuty Events API v2 (FACTS.md §2): `POST /v2/enqueue`, JSON, no auth header (the 32-character
 * `routing_key` is the credential), 202 {status, message, dedup_key}; 400 {status, message, errors}.
 * Alerts are tracked by dedup_key the way PagerDuty de-duplicates them.
 */

export interface PagerDutyFakeOptions {
  routingKey?: string;
  specDir?: string | null;
  port?: number;
}

export type PagerDutyAlertStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface PagerDutyFake extends FakeServer {
  readonly routingKey: string;
  /** The URL to give Quadrant as PAGERDUTY_EVENTS_URL. */
  readonly eventsUrl: string;
  readonly specSource: ProviderSpecs['source'];
  /** Accepted events, parsed. */
  events(): Array<Record<string, any>>;
  /** The alert per dedup_key, and every action applied to it. */
  alerts(): Map<string, { status: PagerDutyAlertStatus; actions: string[] }>;
  /** A v3 webhook about an incident, signed `X-PagerDuty-Signature: v1=…`, posted to Quadrant's hook. */
  sendWebhook(options: {
    url: string;
    eventType: 'incident.acknowledged' | 'incident.resolved' | 'incident.triggered' | string;
    incidentKey: string;
    /** Several secrets give several signatures, as during a rotation. */
    secrets: string | string[];
  }): Promise<{ status: number; body: string }>;
}

function invalid(errors: string[]): FakeAnswer {
  return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
}

export async function startPagerDutyFake(options: PagerDutyFakeOptions = {}): Promise<PagerDutyFake> {
  const routingKey = options.routingKey ?? randomBytes(16).toString('hex');
  const specs = loadProviderSpecs(options.specDir);
  const alerts = new Map<string, { status: PagerDutyAlertStatus; actions: string[] }>();

  function parse(request: RecordedRequest): Record<string, any> | undefined {
    try {
      const body = JSON.parse(request.body) as unknown;
      return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, any>) : undefined;
    } catch {
      return undefined;
    }
  }

  function validate(request: RecordedRequest): string[] {
    if (request.method !== 'POST' || request.path !== '/v2/enqueue') return [`${request.method} ${request.path} is not POST /v2/enqueue`];
    const issues: string[] = [];
    if (!isJsonContentType(request)) issues.push('content-type is not application/json');
    if (Buffer.byteLength(request.body) > 512 * 1024) issues.push('request is over 512 KB');
    const event = parse(request);
    if (!event) return [...issues, 'body is not a JSON object'];
    if (specs.pagerduty) issues.push(...specs.pagerduty.createEvent(event));
    else {
      if (typeof event.routing_key !== 'string') issues.push('routing_key is required');
      if (!['trigger', 'acknowledge', 'resolve'].includes(event.event_action)) issues.push('event_action must be trigger, acknowledge or resolve');
    }
    // Rules beyond the schema (FACTS.md §2).
    if (typeof event.routing_key === 'string' && event.routing_key.length !== 32) issues.push('routing_key is not 32 characters');
    if (event.event_action !== 'trigger' && typeof event.dedup_key !== 'string') issues.push(`dedup_key is required for ${event.event_action}`);
    if (typeof event.dedup_key === 'string' && event.dedup_key.length > 255) issues.push('dedup_key is over 255 characters');
    if (event.event_action === 'trigger') {
      const payload = event.payload as Record<string, any> | undefined;
      if (!payload) issues.push('payload is required for trigger');
      else {
        for (const field of ['summary', 'source', 'severity']) if (payload[field] === undefined) issues.push(`payload.${field} is required`);
        if (typeof payload.summary === 'string' && payload.summary.length > 1024) issues.push('payload.summary is over 1,024 characters');
        if (!['critical', 'error', 'warning', 'info'].includes(payload.severity)) issues.push('payload.severity is not critical, error, warning or info');
      }
    }
    return issues;
  }

  function apply(event: Record<string, any>): string {
    const key: string = event.dedup_key ?? randomUUID().replace(/-/g, '');
    const alert = alerts.get(key);
    if (event.event_action === 'trigger') {
      // A trigger joins the open alert; after resolve the same key opens a new one.
      if (!alert || alert.status === 'resolved') alerts.set(key, { status: 'triggered', actions: ['trigger'] });
      else alert.actions.push('trigger');
    } else if (alert && alert.status !== 'resolved') {
      // Acknowledge or resolve for an unknown or resolved key is dropped (still 202).
      alert.status = event.event_action === 'acknowledge' ? 'acknowledged' : 'resolved';
      alert.actions.push(event.event_action);
    }
    return key;
  }

  const server = await startFakeServer(
    {
      validate,
      answer(request) {
        if (request.path !== '/v2/enqueue') return { status: 404, body: { status: 'not found', message: 'Not Found' } };
        const event = parse(request);
        if (!event) return { status: 400, body: { status: 'Unrecognized object', message: 'Event object format is unrecognized', errors: ['JSON parse error'] } };
        if (request.issues.length > 0) return invalid(request.issues);
        if (event.routing_key !== routingKey) return invalid(['Invalid routing key']);
        return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: apply(event) } };
      },
      failure(mode) {
        // The Events API has no 401: a key it does not know is an invalid event.
        if (mode === 'unauthorized') return invalid(['Invalid routing key']);
        if (mode === 'status429') return { status: 429, body: 'Request Limit Exceeded' };
        return { status: 500, body: 'Internal Server Error' };
      },
    },
    { port: options.port },
  );

  const reset = server.reset;
  return Object.assign(server, {
    routingKey,
    eventsUrl: `${server.url}/v2/enqueue`,
    specSource: specs.source,
    reset() {
      reset();
      alerts.clear();
    },
    events: () =>
      server.requests
        .filter((r) => r.mode === 'ok' && r.issues.length === 0)
        .map((r) => JSON.parse(r.body) as Record<string, any>)
        .filter((e) => e.routing_key === routingKey),
    alerts: () => alerts,
    async sendWebhook(o: { url: string; eventType: string; incidentKey: string; secrets: string | string[] }) {
      const body = JSON.stringify({
        event: {
          id: randomUUID(),
          event_type: o.eventType,
          resource_type: 'incident',
          occurred_at: new Date().toISOString(),
          agent: { html_url: 'https://acme.pagerduty.com/users/PLH1HKV', id: 'PLH1HKV', self: 'https://api.pagerduty.com/users/PLH1HKV', summary: 'On-call Engineer', type: 'user_reference' },
          client: null,
          data: {
            id: 'PGR0VU2', type: 'incident', self: 'https://api.pagerduty.com/incidents/PGR0VU2', html_url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
            number: 2, status: o.eventType === 'incident.resolved' ? 'resolved' : o.eventType === 'incident.acknowledged' ? 'acknowledged' : 'triggered',
            incident_key: o.incidentKey, created_at: new Date().toISOString(), title: 'Quadrant emergency',
            service: { id: 'PF9KMXH', type: 'service_reference', summary: 'Quadrant' }, assignees: [], urgency: 'high', resolve_reason: null,
          },
        },
      });
      const secrets = typeof o.secrets === 'string' ? [o.secrets] : o.secrets;
      // PagerDuty's scheme, written out here so the fake cannot share a bug with src/.
      const signature = secrets.map((s) => `v1=${createHmac('sha256', s).update(body).digest('hex')}`).join(',');
      const response = await fetch(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'PagerDuty-Webhook/V3.0', 'x-pagerduty-signature': signature, 'x-webhook-id': randomUUID() },
        body,
      });
      return { status: response.status, body: await response.text() };
    },
  });
}

