import { safeEqual } from './safe-equal';

/**
 * Opsgenie's outgoing webhooks carry no signature, so Quadrant checks a shared secret. The operator adds
 * it as a custom header on the Opsgenie Webhook integration:
 *
 *   X-Quadrant-Secret: <the secret>
 *
 * A header rather than a query parameter, because URLs end up in proxy and access logs. Use HTTPS.
 */
export const OPSGENIE_SECRET_HEADER = 'x-quadrant-secret';

export function verifyOpsgenieSecret(request: {
  secret: string | undefined;
  /** Node's `req.headers` (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
}): boolean {
  const offered = request.headers[OPSGENIE_SECRET_HEADER];
  // An unset secret must never match an absent or empty header.
  if (!request.secret || typeof offered !== 'string' || offered.length === 0) return false;
  return safeEqual(request.secret, offered);
}
