import type { Logger } from '../log';
import { callHttp, type FetchLike } from './http';
import type { PagersConfig } from './registry';

export interface CredentialCheck {
  provider: 'twilio' | 'pagerduty' | 'opsgenie' | 'webhook';
  /** rejected: the provider refused the credential; the rest are not failures. */
  outcome: 'accepted' | 'rejected' | 'unreachable' | 'unchecked';
  detail: string;
}

const CHECK_TIMEOUT_MS = 5_000;

/**
 * Checks provider credentials where the provider's API allows it without sending anything:
 * - Twilio: `GET /2010-04-01/Accounts/{Sid}.json` (FetchAccount) with the SID and token.
 * - Opsgenie: `GET /v2/alerts/count`, read-only; an integration key without read rights answers 403, which
 *   proves the key exists but not that it may create alerts.
 * - PagerDuty: the Events API has no read endpoint; the routing key is its only credential and the only way to
 *   test it is to send an event, so it is not checked (the registry checks its length).
 * - The webhook is the operator's own endpoint; any request to it could act, so it is not checked.
 * Only configured providers are checked. Never throws; never logs a credential.
 */
export async function checkCredentials(config: Omit<PagersConfig, 'slack'>, options: { fetch?: FetchLike; timeoutMs?: number } = {}): Promise<CredentialCheck[]> {
  const http = { fetch: options.fetch ?? config.fetch, timeoutMs: options.timeoutMs ?? CHECK_TIMEOUT_MS };
  const checks: Array<Promise<CredentialCheck>> = [];
  const { accountSid, authToken } = config.twilio;
  if (accountSid && authToken) {
    checks.push(
      callHttp(
        {
          method: 'GET',
          url: `${config.twilio.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}.json`,
          headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, accept: 'application/json' },
        },
        http,
      ).then((outcome) => judge('twilio', outcome, 'TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN')),
    );
  }
  if (config.opsgenie.apiKey) {
    checks.push(
      callHttp(
        { method: 'GET', url: `${config.opsgenie.apiUrl.replace(/\/+$/, '')}/v2/alerts/count`, headers: { authorization: `GenieKey ${config.opsgenie.apiKey}`, accept: 'application/json' } },
        http,
      ).then((outcome) => {
        if (outcome.kind === 'answered' && outcome.status === 403) return { provider: 'opsgenie', outcome: 'accepted', detail: 'key accepted (it may not read alerts, which paging does not need)' };
        return judge('opsgenie', outcome, 'OPSGENIE_API_KEY');
      }),
    );
  }
  if (config.pagerduty.routingKey) {
    checks.push(Promise.resolve({ provider: 'pagerduty', outcome: 'unchecked', detail: 'not checked: the Events API cannot check a routing key without sending an event (`/quadrant oncall test` does)' }));
  }
  if (config.webhook.url) {
    checks.push(Promise.resolve({ provider: 'webhook', outcome: 'unchecked', detail: 'not checked: the webhook is your own endpoint (`/quadrant oncall test` sends it a test page)' }));
  }
  return Promise.all(checks);
}

function judge(provider: 'twilio' | 'opsgenie', outcome: Awaited<ReturnType<typeof callHttp>>, variables: string): CredentialCheck {
  if (outcome.kind === 'timeout') return { provider, outcome: 'unreachable', detail: `could not check: no answer within ${outcome.timeoutMs} ms` };
  if (outcome.kind === 'network') return { provider, outcome: 'unreachable', detail: 'could not check: network error' };
  if (outcome.status >= 200 && outcome.status < 300) return { provider, outcome: 'accepted', detail: 'credentials accepted' };
  if (outcome.status === 401 || outcome.status === 403) return { provider, outcome: 'rejected', detail: `credentials rejected (HTTP ${outcome.status}): check ${variables}` };
  return { provider, outcome: 'unreachable', detail: `could not check (HTTP ${outcome.status})` };
}

export interface ProviderHealthDetail {
  name: string;
  ok: boolean;
  detail?: string;
}

/**
 * Starts the check at once (start-up must not wait on providers), logs each rejected credential as one clear
 * line, and returns a /health check that reports the result: not ok while a credential is rejected.
 */
export function startCredentialCheck(config: Omit<PagersConfig, 'slack'>, logger: Logger, options: { fetch?: FetchLike; timeoutMs?: number } = {}): () => Promise<ProviderHealthDetail> {
  const done = checkCredentials(config, options).then((results) => {
    for (const r of results) {
      if (r.outcome === 'rejected') logger.error({ provider: r.provider }, `paging provider ${r.provider}: ${r.detail}`);
      else if (r.outcome === 'unreachable') logger.warn({ provider: r.provider }, `paging provider ${r.provider}: ${r.detail}`);
      else logger.info({ provider: r.provider }, `paging provider ${r.provider}: ${r.detail}`);
    }
    return results;
  });
  return async () => {
    const results = await Promise.race([done, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100).unref())]);
    if (!results) return { name: 'provider_credentials', ok: true, detail: 'still checking' };
    if (results.length === 0) return { name: 'provider_credentials', ok: true, detail: 'no paging provider with credentials is configured' };
    return {
      name: 'provider_credentials',
      ok: results.every((r) => r.outcome !== 'rejected'),
      detail: results.map((r) => `${r.provider}: ${r.detail}`).join('; '),
    };
  };
}
