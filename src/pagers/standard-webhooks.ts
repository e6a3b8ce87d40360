import { createHmac, randomBytes } from 'node:crypto';

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

/** A fresh delivery id; random bytes, so it never holds the "." the standard forbids. */
export function webhookId(): string {
  return `msg_${randomBytes(18).toString('base64url')}`;
}
