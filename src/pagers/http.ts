/**
 * The one way pagers talk HTTP. It never throws: a provider that is down, slow or answering nonsense
 * is an outcome to report, not an exception, so one provider can never break the fan-out.
 */
import type { PageResult } from '../core/ports';

/** The slice of `fetch` we use, so tests and the sandbox can pass their own. The global fetch fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string>; headers?: { get(name: string): string | null } }>;

export const DEFAULT_TIMEOUT_MS = 5_000;

export interface HttpCall {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
}

export type HttpOutcome =
  /** `retryAfterMs`: the provider's Retry-After, when it sent a readable one. */
  | { kind: 'answered'; status: number; body: string; retryAfterMs?: number }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'network' };

export async function callHttp(call: HttpCall, options: HttpOptions = {}): Promise<HttpOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch: FetchLike = options.fetch ?? fetch;
  const controller = new AbortController();
  // The timer covers reading the body too: a server that sends headers and then stalls is still slow.
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(call.url, { method: call.method, headers: call.headers, body: call.body, signal: controller.signal });
    const body = await response.text();
    const retryAfterMs = parseRetryAfter(response.headers?.get('retry-after') ?? null, Date.now());
    return { kind: 'answered', status: response.status, body, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  } catch {
    // The error itself is dropped on purpose: undici's messages can carry the URL, and Twilio URLs hold the account SID.
    return controller.signal.aborted ? { kind: 'timeout', timeoutMs } : { kind: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After (RFC 9110 §10.2.3): delay seconds or an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type Classified =
  | { ok: true; status: number; body: string }
  | { ok: false; retryable: boolean; reason: string; retryAfterMs?: number };

/** A failed page with the provider's Retry-After, when it gave one (page-all waits for it). */
export type FailedPage = Extract<PageResult, { ok: false }> & { retryAfterMs?: number };

export function failedPage(classified: Extract<Classified, { ok: false }>, provider: string, target?: string): FailedPage {
  const { retryable, reason, retryAfterMs } = classified;
  return { ok: false, provider, ...(target !== undefined ? { target } : {}), retryable, reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/** How long the provider asked us to wait before trying again, if it did. */
export function retryAfterOf(result: PageResult): number | undefined {
  const hint = (result as FailedPage).retryAfterMs;
  return !result.ok && typeof hint === 'number' ? hint : undefined;
}

/**
 * Sorts an outcome into success, worth retrying (network, timeout, 408, 429, 5xx) or final (other 4xx).
 * `detail` is a provider code safe for logs ("Twilio error 21211"); never a provider's free text,
 * which can quote the phone number back.
 */
export function classifyOutcome(outcome: HttpOutcome, detail?: (status: number, body: string) => string | undefined): Classified {
  if (outcome.kind === 'timeout') return { ok: false, retryable: true, reason: `timed out after ${outcome.timeoutMs} ms` };
  if (outcome.kind === 'network') return { ok: false, retryable: true, reason: 'network error' };
  const { status, body } = outcome;
  if (status >= 200 && status < 300) return { ok: true, status, body };
  const extra = status >= 400 && status < 500 ? detail?.(status, body) : undefined;
  const suffix = extra ? `, ${extra}` : '';
  if (status === 401 || status === 403) return { ok: false, retryable: false, reason: `rejected credentials (HTTP ${status}${suffix})` };
  const wait = outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {};
  if (status === 429) return { ok: false, retryable: true, reason: 'rate limited (HTTP 429)', ...wait };
  if (status === 408 || status >= 500) return { ok: false, retryable: true, reason: `provider error (HTTP ${status})`, ...wait };
  if (status >= 400) return { ok: false, retryable: false, reason: `rejected request (HTTP ${status}${suffix})` };
  // 1xx/3xx: fetch follows redirects, so reaching here means a proxy or a misconfigured URL.
  return { ok: false, retryable: false, reason: `unexpected answer (HTTP ${status})` };
}

/** Parses a JSON body; undefined when it is not JSON (a proxy's HTML page, say). */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A 2xx whose body is not the provider's success shape: we cannot tell the page went out, so try again. Only
 * for providers that fold a repeat into the first (PagerDuty's dedup_key, Opsgenie's alias); Twilio counts
 * any 2xx as delivered.
 */
export const UNREADABLE_ANSWER = 'unreadable answer';
