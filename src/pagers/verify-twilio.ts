import { createHmac } from 'node:crypto';
import { safeEqual } from './safe-equal';

/**
 * Twilio's `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the Auth Token, over the full URL Twilio
 * called followed by each POST parameter's name and value, sorted by name (case-sensitive). Repeated
 * names contribute each distinct value in sorted order, as twilio-node does.
 * Source: https://www.twilio.com/docs/usage/webhooks/webhooks-security; twilio-node `lib/webhooks/webhooks.js`.
 */
export function twilioSignature(authToken: string, url: string, params: Iterable<[string, string]>): string {
  const byName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const values = byName.get(name) ?? new Set<string>();
    values.add(value);
    byName.set(name, values);
  }
  let data = url;
  for (const name of [...byName.keys()].sort()) {
    for (const value of [...byName.get(name)!].sort()) data += name + value;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** The URL as given, plus its forms with the default port spelt out and left out: proxies disagree about which Twilio signed. */
function urlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : undefined;
  // WHATWG URL drops a default port, so an empty port means "default"; a non-default port is signed as is.
  if (!defaultPort || parsed.port !== '') return [url];
  const userinfo = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
  const rest = `${parsed.pathname}${parsed.search}`;
  const without = `${parsed.protocol}//${userinfo}${parsed.host}${rest}`;
  const withPort = `${parsed.protocol}//${userinfo}${parsed.host}:${defaultPort}${rest}`;
  return [...new Set([url, without, withPort])];
}

export interface TwilioSignedRequest {
  authToken: string;
  /** The full public URL Twilio called (PUBLIC_URL + path + query), not the one the proxy forwarded. */
  url: string;
  /** The POST parameters (a form body's pairs); empty for GET. */
  params: Iterable<[string, string]>;
  /** The X-Twilio-Signature header. */
  signature: string | undefined;
}

export function verifyTwilioSignature(request: TwilioSignedRequest): boolean {
  if (!request.signature || !request.authToken) return false;
  const params = [...request.params];
  return urlVariants(request.url).some((url) => safeEqual(twilioSignature(request.authToken, url, params), request.signature!));
}

/** Same, from a raw `application/x-www-form-urlencoded` body. */
export function verifyTwilioRequest(request: { authToken: string; url: string; rawBody: string; signature: string | undefined }): boolean {
  return verifyTwilioSignature({ ...request, params: new URLSearchParams(request.rawBody) });
}
