import type { Pager, PageRequest, PageResult } from '../core/ports';
import { emergencyKey } from './emergency-key';
import { callHttp, classifyOutcome, failedPage, isRecord, parseJson, UNREADABLE_ANSWER, type FetchLike } from './http';
import { declaredBy, pageHeadline, truncate } from './page-text';

export interface OpsgenieConfig {
  /** OPSGENIE_API_URL, default https://api.opsgenie.com (EU accounts: https://api.eu.opsgenie.com). */
  apiUrl: string;
  /** The key of an API integration; account keys may not create or acknowledge alerts. */
  apiKey: string;
  timeoutMs?: number;
  fetch?: FetchLike;
}

const PROVIDER = 'opsgenie';
/** Opsgenie cuts `message` at 130 characters; the full text goes into `description`. */
export const OPSGENIE_MESSAGE_MAX = 130;

const PRIORITY: Record<PageRequest['severity'], string> = { critical: 'P1', error: 'P2', warning: 'P3', info: 'P5' };

/** Opsgenie's error body has `code` on some answers (40301…); its `message` can name the key's owner, so it is dropped. */
function opsgenieDetail(_status: number, body: string): string | undefined {
  const json = parseJson(body);
  return isRecord(json) && typeof json.code === 'number' ? `Opsgenie code ${json.code}` : undefined;
}

/**
 * One alert per emergency (Opsgenie pages its own responders), with the emergency's key as `alias`:
 * Opsgenie keeps one open alert per alias, so a repeated create joins it, and acknowledge/close address
 * it by alias. Opsgenie's API ends on 5 April 2027; this file goes then.
 *
 * 202 only means "queued": an acknowledge for an alias with no open alert is still 202.
 */
export function createOpsgeniePager(config: OpsgenieConfig): Pager {
  const base = config.apiUrl.replace(/\/+$/, '');

  async function send(path: string, body: Record<string, unknown>): Promise<PageResult> {
    const outcome = await callHttp(
      {
        method: 'POST',
        url: `${base}${path}`,
        headers: { authorization: `GenieKey ${config.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      },
      { fetch: config.fetch, timeoutMs: config.timeoutMs },
    );
    const classified = classifyOutcome(outcome, opsgenieDetail);
    if (!classified.ok) return failedPage(classified, PROVIDER);
    const json = parseJson(classified.body);
    if (!isRecord(json) || typeof json.requestId !== 'string') return { ok: false, provider: PROVIDER, retryable: true, reason: UNREADABLE_ANSWER };
    return { ok: true, provider: PROVIDER, reference: json.requestId };
  }

  function action(request: Pick<PageRequest, 'team' | 'emergencyId'>, verb: 'acknowledge' | 'close', note: string) {
    const alias = encodeURIComponent(emergencyKey(request.team, request.emergencyId));
    return send(`/v2/alerts/${alias}/${verb}?identifierType=alias`, { user: 'Quadrant', source: 'quadrant', note });
  }

  return {
    id: PROVIDER,
    perPerson: false,
    page(request: PageRequest) {
      const details: Record<string, string> = {
        team: request.team,
        emergency_id: request.emergencyId,
        code: request.code,
        tier: String(request.tier),
        reporter: request.reporter,
      };
      if (request.link) details.slack_link = request.link;
      const description = [
        request.summary,
        `Emergency ${request.code}${declaredBy(request)}. Acknowledge here or in Slack.`,
        request.link ?? '',
      ].filter(Boolean).join('\n\n');
      return send('/v2/alerts', {
        message: truncate(pageHeadline(request), OPSGENIE_MESSAGE_MAX),
        alias: emergencyKey(request.team, request.emergencyId),
        description: truncate(description, 15_000),
        details,
        source: 'quadrant',
        priority: PRIORITY[request.severity],
        tags: request.test ? ['quadrant', 'test'] : ['quadrant'],
      });
    },
    acknowledge: (request) => action(request, 'acknowledge', 'Acknowledged in Quadrant'),
    resolve: (request) => action(request, 'close', 'Resolved in Quadrant'),
  };
}
