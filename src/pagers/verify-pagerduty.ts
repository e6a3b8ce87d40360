import { createHmac } from 'node:crypto';
import { safeEqual } from './safe-equal';

/**
 * PagerDuty v3 webhooks: `X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body>`, keyed with the
 * subscription's secret. During a secret rotation the header holds several, comma-separated; one match
 * is enough. Verify the raw bytes: re-serialised JSON does not match.
 * Source: PagerDuty developer-docs `docs/webhooks/04-Signatures.md`.
 */
export function verifyPagerDutySignature(request: {
  /** One secret, or several while rotating. */
  secrets: string | readonly string[];
  rawBody: string | Buffer;
  header: string | undefined;
}): boolean {
  if (!request.header) return false;
  const offered = request.header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3).toLowerCase());
  if (offered.length === 0) return false;
  const secrets = (typeof request.secrets === 'string' ? [request.secrets] : request.secrets).filter((s) => s.length > 0);
  return secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(request.rawBody).digest('hex');
    return offered.some((signature) => safeEqual(expected, signature));
  });
}
