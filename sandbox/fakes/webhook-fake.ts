import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { header, isJsonContentType, startFakeServer, type FakeServer, type RecordedRequest } from './fake-server';

/**
 * A receiver for Quadrant's generic paging webhook (the body documented in src/pagers/webhook.ts),
 * checking the Standard Webhooks signature (shared/providers/webhook/standard-webhooks.md) the way a
 * receiver's library would: `v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`, space-separated
 * list, constant-time compare, timestamps within five minutes.
 */

export interface WebhookFakeOptions {
  /** `whsec_<base64>` (decoded as the standard says) or any other string (used as raw bytes). */
  secret?: string;
  toleranceSeconds?: number;
  port?: number;
}

export interface WebhookFake extends FakeServer {
  readonly secret: string;
  /** Deliveries whose signature verified, parsed. */
  deliveries(): Array<{ id: string; timestamp: number; body: Record<string, any> }>;
}

const TYPES = ['emergency.page', 'emergency.acknowledged', 'emergency.resolved'];

/** Written out here rather than imported, so the fake cannot share a bug with src/. */
export function standardWebhookSignatureValid(secret: string, id: string, timestamp: string, body: string, signatureHeader: string): boolean {
  const key = secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret);
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatureHeader.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export async function startWebhookFake(options: WebhookFakeOptions = {}): Promise<WebhookFake> {
  const secret = options.secret ?? `whsec_${randomBytes(24).toString('base64')}`;
  const tolerance = options.toleranceSeconds ?? 300;

  function validate(request: RecordedRequest): string[] {
    const issues: string[] = [];
    if (request.method !== 'POST') issues.push(`method ${request.method} (the webhook is POST)`);
    if (!isJsonContentType(request)) issues.push('content-type is not application/json');
    const id = header(request, 'webhook-id');
    const timestamp = header(request, 'webhook-timestamp');
    const signature = header(request, 'webhook-signature');
    if (!id || !timestamp || !signature) return [...issues, 'webhook-id, webhook-timestamp and webhook-signature are required'];
    if (id.includes('.')) issues.push('webhook-id contains "."');
    if (!/^\d+$/.test(timestamp)) issues.push('webhook-timestamp is not Unix seconds');
    else if (Math.abs(Date.now() / 1000 - Number(timestamp)) > tolerance) issues.push('webhook-timestamp is outside the tolerance');
    if (!standardWebhookSignatureValid(secret, id, timestamp, request.body, signature)) issues.push('webhook-signature does not verify');
    let body: Record<string, any>;
    try {
      body = JSON.parse(request.body) as Record<string, any>;
    } catch {
      return [...issues, 'body is not JSON'];
    }
    if (!TYPES.includes(body.type)) issues.push(`type ${String(body.type)} is not one of ${TYPES.join(', ')}`);
    if (typeof body.timestamp !== 'string' || Number.isNaN(Date.parse(body.timestamp))) issues.push('timestamp is not ISO 8601');
    const data = body.data as Record<string, any> | undefined;
    if (!data || typeof data.team !== 'string' || typeof data.emergency_id !== 'string') issues.push('data.team and data.emergency_id are required');
    else if (body.type === 'emergency.page') {
      for (const field of ['code', 'summary', 'text', 'severity', 'reporter']) if (typeof data[field] !== 'string') issues.push(`data.${field} is not a string`);
      if (typeof data.tier !== 'number') issues.push('data.tier is not a number');
      if (typeof data.test !== 'boolean') issues.push('data.test is not a boolean');
    }
    return issues;
  }

  const server = await startFakeServer({
    validate,
    answer(request) {
      if (request.issues.some((i) => i.startsWith('webhook-'))) return { status: 401, body: { error: 'invalid signature' } };
      if (request.issues.length > 0) return { status: 400, body: { error: 'invalid payload' } };
      return { status: 204 };
    },
    failure(mode) {
      if (mode === 'unauthorized') return { status: 401, body: { error: 'invalid signature' } };
      if (mode === 'status429') return { status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '1' } };
      return { status: 500, body: { error: 'internal error' } };
    },
  }, { port: options.port });

  return Object.assign(server, {
    secret,
    deliveries: () =>
      server.requests
        .filter((r) => r.issues.length === 0)
        .map((r) => ({ id: header(r, 'webhook-id')!, timestamp: Number(header(r, 'webhook-timestamp')), body: JSON.parse(r.body) as Record<string, any> })),
  });
}
