import { createHmac } from 'node:crypto';

/**
 * Slack's v0 request signature (FACTS.md §1): `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`
 * keyed with the signing secret. The body must be signed byte for byte as sent.
 */
export function signRequest(signingSecret: string, body: string, timestampSec: number): { 'x-slack-request-timestamp': string; 'x-slack-signature': string } {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSec), 'x-slack-signature': `v0=${signature}` };
}
