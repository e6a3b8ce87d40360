import type { PageResult } from '../core/ports';
import { callHttp, classifyOutcome, failedPage, isRecord, parseJson, type FetchLike } from './http';

export interface TwilioConfig {
  /** TWILIO_API_URL, default https://api.twilio.com */
  apiUrl: string;
  accountSid: string;
  authToken: string;
  /** The Twilio number (E.164) pages come from. */
  from: string;
  timeoutMs?: number;
  fetch?: FetchLike;
}

/** Twilio's error body carries its own code ("Twilio error 21211"); its message can quote the number, so it is dropped. */
function twilioDetail(_status: number, body: string): string | undefined {
  const json = parseJson(body);
  return isRecord(json) && typeof json.code === 'number' ? `Twilio error ${json.code}` : undefined;
}

/**
 * Creates a Message or Call (`POST /2010-04-01/Accounts/{sid}/{Messages|Calls}.json`, form-encoded,
 * HTTP Basic). Success is 201 with the resource; its `sid` (SM… or CA…) is the page's reference.
 */
export async function createTwilioResource(
  config: TwilioConfig,
  resource: 'Messages' | 'Calls',
  form: URLSearchParams,
  provider: string,
  target: string | undefined,
): Promise<PageResult> {
  return postTwilio(config, `${resource}.json`, form, provider, target);
}

/** Updates a call (`POST …/Calls/{Sid}.json`, UpdateCall): 200 with the call resource. */
export function updateTwilioCall(config: TwilioConfig, callSid: string, form: URLSearchParams, provider: string): Promise<PageResult> {
  return postTwilio(config, `Calls/${encodeURIComponent(callSid)}.json`, form, provider, undefined);
}

async function postTwilio(config: TwilioConfig, resourcePath: string, form: URLSearchParams, provider: string, target: string | undefined): Promise<PageResult> {
  const url = `${config.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/${resourcePath}`;
  const outcome = await callHttp(
    {
      method: 'POST',
      url,
      headers: {
        authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form.toString(),
    },
    { fetch: config.fetch, timeoutMs: config.timeoutMs },
  );
  const classified = classifyOutcome(outcome, twilioDetail);
  if (!classified.ok) return failedPage(classified, provider, target);
  const json = parseJson(classified.body);
  // Twilio has no idempotency key: after a 2xx the message or call may well exist, and a retry would send
  // another. A 2xx we cannot read (empty, HTML from a proxy, cut off) therefore counts as delivered, without
  // a sid (so a call created this way cannot be stopped on acknowledgement; it rings out).
  if (!isRecord(json) || typeof json.sid !== 'string') return { ok: true, provider, target };
  return { ok: true, provider, target, reference: json.sid };
}
