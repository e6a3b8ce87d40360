import { randomUUID } from 'node:crypto';
import { header, isJsonContentType, startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from './fake-server';
import { loadProviderSpecs, type ProviderSpecs } from './provider-specs';

/**
 * Opsgenie's Alert API (FACTS.md §3): `POST /v2/alerts`, `POST /v2/alerts/{identifier}/acknowledge|close`
 * with `?identifierType=id|alias|tiny`, `Authorization: GenieKey …`, JSON. Every accepted request gets
 * 202 {result, took, requestId}; errors {message, took, requestId}. One open alert per alias.
 */

export interface OpsgenieFakeOptions {
  apiKey?: string;
  specDir?: string | null;
  port?: number;
}

export type OpsgenieAlertStatus = 'open' | 'acked' | 'closed';

export interface OpsgenieFake extends FakeServer {
  readonly apiKey: string;
  readonly specSource: ProviderSpecs['source'];
  /** Alerts by alias: status and how many creates were de-duplicated into it. */
  alerts(): Map<string, { status: OpsgenieAlertStatus; count: number; message: string }>;
  /** An Opsgenie Webhook-integration callback, with the shared secret in a custom header. */
  sendWebhook(options: {
    url: string;
    action: 'Acknowledge' | 'Close' | 'Create' | string;
    alias: string;
    secret?: string;
    secretHeader?: string;
  }): Promise<{ status: number; body: string }>;
}

const ACTION_PATH = /^\/v2\/alerts\/([^/]+)\/(acknowledge|close)$/;

const took = () => Math.round(Math.random() * 300) / 1000;

const COUNT_PATH = '/v2/alerts/count';

function error(status: number, message: string, code?: number): FakeAnswer {
  return { status, body: { message, took: took(), requestId: randomUUID(), ...(code ? { code } : {}) } };
}

export async function startOpsgenieFake(options: OpsgenieFakeOptions = {}): Promise<OpsgenieFake> {
  const apiKey = options.apiKey ?? randomUUID();
  const specs = loadProviderSpecs(options.specDir);
  const alerts = new Map<string, { status: OpsgenieAlertStatus; count: number; message: string }>();

  function parse(request: RecordedRequest): Record<string, any> | undefined {
    if (request.body === '') return {};
    try {
      const body = JSON.parse(request.body) as unknown;
      return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, any>) : undefined;
    } catch {
      return undefined;
    }
  }

  function validate(request: RecordedRequest): string[] {
    const issues: string[] = [];
    // The credential check at start-up: a read that sends nothing to anyone.
    if (request.method === 'GET' && request.path === COUNT_PATH) {
      return /^GenieKey \S+$/.test(header(request, 'authorization') ?? '') ? [] : ['Authorization is not "GenieKey <key>"'];
    }
    const isCreate = request.path === '/v2/alerts';
    const action = ACTION_PATH.exec(request.path);
    if (request.method !== 'POST' || (!isCreate && !action)) return [`${request.method} ${request.path} is not an alert create, acknowledge or close`];
    if (!/^GenieKey \S+$/.test(header(request, 'authorization') ?? '')) issues.push('Authorization is not "GenieKey <key>"');
    if (!isJsonContentType(request)) issues.push('content-type is not application/json');
    const body = parse(request);
    if (!body) return [...issues, 'body is not a JSON object'];
    if (isCreate) {
      if (specs.opsgenie) issues.push(...specs.opsgenie.createAlert(body));
      else if (typeof body.message !== 'string') issues.push('message is required');
      if (typeof body.message === 'string' && body.message.length > 130) issues.push('message is over 130 characters');
      if (typeof body.alias === 'string' && body.alias.length > 512) issues.push('alias is over 512 characters');
      if (typeof body.description === 'string' && body.description.length > 15000) issues.push('description is over 15,000 characters');
    } else {
      const type = request.query.get('identifierType') ?? 'id';
      if (!['id', 'alias', 'tiny'].includes(type)) issues.push('identifierType is not id, alias or tiny');
      if (specs.opsgenie) issues.push(...(action![2] === 'acknowledge' ? specs.opsgenie.acknowledgeAlert : specs.opsgenie.closeAlert)(body));
    }
    return issues;
  }

  function apply(request: RecordedRequest, body: Record<string, any>): void {
    if (request.path === '/v2/alerts') {
      const alias: string = body.alias ?? randomUUID();
      const alert = alerts.get(alias);
      // At most one open alert per alias: a repeat create raises its count; after close it is a new alert.
      if (alert && alert.status !== 'closed') alert.count++;
      else alerts.set(alias, { status: 'open', count: 1, message: body.message });
      return;
    }
    const [, identifier, verb] = ACTION_PATH.exec(request.path)!;
    if (request.query.get('identifierType') !== 'alias') return;
    // 202 either way: Opsgenie processes asynchronously and reports a missing alert only via the request status.
    const alert = alerts.get(decodeURIComponent(identifier!));
    if (alert && alert.status !== 'closed') alert.status = verb === 'acknowledge' ? 'acked' : 'closed';
  }

  const server = await startFakeServer(
    {
      validate,
      answer(request) {
        if (request.method === 'GET' && request.path === COUNT_PATH) {
          if (header(request, 'authorization') !== `GenieKey ${apiKey}`) return error(401, 'Could not authenticate');
          const open = [...alerts.values()].filter((a) => a.status !== 'closed').length;
          return { status: 200, body: { data: { count: open }, took: took(), requestId: randomUUID() } };
        }
        if (request.path !== '/v2/alerts' && !ACTION_PATH.test(request.path)) return error(404, 'Could not find path');
        if (header(request, 'authorization') !== `GenieKey ${apiKey}`) return error(401, 'Could not authenticate');
        const body = parse(request);
        if (!body) return error(400, 'Invalid JSON');
        if (request.issues.length > 0) return error(422, request.issues.join('; '));
        apply(request, body);
        return { status: 202, body: { result: 'Request will be processed', took: took(), requestId: randomUUID() } };
      },
      failure(mode) {
        if (mode === 'unauthorized') return error(401, 'Could not authenticate');
        if (mode === 'status429') return error(429, 'You are making too many requests! To avoid errors, we recommend you limit requests.');
        return error(500, 'Internal Server Error');
      },
      commonHeaders: () => ({ 'x-request-id': randomUUID(), 'x-response-time': String(took()) }),
    },
    { port: options.port },
  );

  const reset = server.reset;
  return Object.assign(server, {
    apiKey,
    specSource: specs.source,
    reset() {
      reset();
      alerts.clear();
    },
    alerts: () => alerts,
    async sendWebhook(o: { url: string; action: string; alias: string; secret?: string; secretHeader?: string }) {
      const now = Date.now();
      const body = JSON.stringify({
        action: o.action,
        alert: {
          alertId: randomUUID(), message: alerts.get(o.alias)?.message ?? 'Quadrant emergency', tags: ['quadrant'], tinyId: '42', entity: '',
          alias: o.alias, createdAt: now, updatedAt: now, username: 'oncall@example.com', userId: randomUUID(), description: '', team: '',
          responders: [], teams: [], actions: [], details: {}, priority: 'P1', source: 'quadrant',
        },
        source: { name: '', type: 'web' },
        integrationName: 'Quadrant Webhook',
        integrationId: randomUUID(),
        integrationType: 'Webhook',
      });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (o.secret !== undefined) headers[o.secretHeader ?? 'x-quadrant-secret'] = o.secret;
      const response = await fetch(o.url, { method: 'POST', headers, body });
      return { status: response.status, body: await response.text() };
    },
  });
}
