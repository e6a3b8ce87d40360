import { createHash, createHmac } from 'node:crypto';

/**
 * Standard Webhooks signing (shared/providers/webhook/standard-webhooks.md): `v1,` + base64 HMAC-SHA256
 * over `{webhook-id}.{webhook-timestamp}.{body}`.
 *
 * The key: a secret written `whsec_<base64>` is decoded as the standard says, so any Standard Webhooks
 * library verifies our deliveries. Any other secret is used as its UTF-8 bytes (the libraries' "raw"
 * format), because operators often set a plain random string and a base64 decode of that would silently
 * drop characters.
 */
export function webhookKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');
}

export function signStandardWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', webhookKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * The delivery id for one event, the same on every retry (the standard's idempotency key), derived from what
 * makes the event itself: another event (the next escalation step, another person) gets another id. Hashed,
 * so it never holds the "." the standard forbids, nor a phone number.
 */
export function webhookId(...event: Array<string | number>): string {
  return `msg_${createHash('sha256').update(event.map(String).join('\u0000')).digest('base64url').slice(0, 32)}`;
}
