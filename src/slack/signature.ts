import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack signs with the request time; a signature further from now than this is a replay (Slack's own rule). */
export const MAX_SIGNATURE_SKEW_S = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const OK: SignatureCheck = { ok: true };
const SIGNATURE_VERSION = 'v0';
const DIGITS = /^\d{1,12}$/;
// Exactly what Slack sends: Buffer.from(hex) would stop at the first non-hex character and let trailing junk,
// or a second signature joined on by a repeated header, through.
const V0_SIGNATURE = /^v0=[0-9a-f]{64}$/;

/**
 * Checks `x-slack-signature` as Slack documents it: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"),
 * compared in constant time, with the timestamp within five minutes of now either way.
 */
export function checkSlackSignature(
  signingSecret: string,
  timestamp: string | string[] | undefined,
  signature: string | string[] | undefined,
  body: Buffer,
  nowMs: number,
): SignatureCheck {
  if (typeof timestamp !== 'string' || !DIGITS.test(timestamp)) return { ok: false, reason: 'no valid x-slack-request-timestamp header' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_SKEW_S) return { ok: false, reason: 'the request timestamp is more than 5 minutes from now' };
  if (typeof signature !== 'string' || !V0_SIGNATURE.test(signature)) return { ok: false, reason: 'no x-slack-signature header of the form v0=<64 hex digits>' };
  const expected = createHmac('sha256', signingSecret).update(`${SIGNATURE_VERSION}:${timestamp}:`).update(body).digest();
  return timingSafeEqual(Buffer.from(signature.slice(SIGNATURE_VERSION.length + 1), 'hex'), expected) ? OK : { ok: false, reason: 'signature mismatch' };
}
