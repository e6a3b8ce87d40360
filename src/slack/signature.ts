import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack signs with the request time; a signature further from now than this is a replay (Slack's own rule). */
export const MAX_SIGNATURE_SKEW_S = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const OK: SignatureCheck = { ok: true };
const SIGNATURE_VERSION = 'v0';
const DIGITS = /^\d{1,12}$/;

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
  if (typeof signature !== 'string' || !signature.startsWith(`${SIGNATURE_VERSION}=`)) return { ok: false, reason: 'no v0 x-slack-signature header' };
  const expected = createHmac('sha256', signingSecret).update(`${SIGNATURE_VERSION}:${timestamp}:`).update(body).digest();
  // Hex that is not hex decodes short, so a malformed signature fails the length check, never throws.
  const given = Buffer.from(signature.slice(SIGNATURE_VERSION.length + 1), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? OK : { ok: false, reason: 'signature mismatch' };
}
