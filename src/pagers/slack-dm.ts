import type { WebClient } from '@slack/web-api';
import type { Pager, PageRequest, PageResult, PageTarget } from '../core/ports';
import { DEFAULT_TIMEOUT_MS } from './http';
import { declaredBy, pageHeadline } from './page-text';

/** The two Slack calls a DM page needs; a WebClient fits through `slackDmClient`. */
export interface SlackDmClient {
  /** The DM channel id with this user (conversations.open). */
  openDm(user: string): Promise<string>;
  post(channel: string, text: string): Promise<void>;
}

export function slackDmClient(web: WebClient): SlackDmClient {
  return {
    async openDm(user) {
      const opened = await web.conversations.open({ users: user });
      const id = opened.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },
    async post(channel, text) {
      await web.chat.postMessage({ channel, text, unfurl_links: false });
    },
  };
}

export interface SlackDmConfig {
  client: SlackDmClient;
  timeoutMs?: number;
}

/** Slack errors meaning the token is bad or gone: retrying cannot help. */
const CREDENTIAL_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'missing_scope', 'no_permission']);

function classifySlackError(err: unknown): { retryable: boolean; reason: string } {
  const e = err as { code?: unknown; data?: { error?: unknown } };
  if (e?.code === 'slack_webapi_platform_error') {
    const error = typeof e.data?.error === 'string' ? e.data.error : 'unknown';
    if (CREDENTIAL_ERRORS.has(error)) return { retryable: false, reason: `rejected credentials (Slack ${error})` };
    return { retryable: error === 'internal_error' || error === 'fatal_error', reason: `Slack error ${error}` };
  }
  if (e?.code === 'slack_webapi_rate_limited_error') return { retryable: true, reason: 'rate limited (Slack)' };
  if (e?.code === 'slack_webapi_http_error') return { retryable: true, reason: 'provider error (Slack HTTP)' };
  return { retryable: true, reason: 'network error' };
}

function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Mrkdwn: escaped, so a summary cannot ping @channel or forge a link from a DM. */
export function slackDmText(request: PageRequest): string {
  const open = request.link ? ` <${request.link}|Open the emergency> to acknowledge.` : ' Acknowledge it in the emergency channel.';
  return `:rotating_light: *${escapeMrkdwn(pageHeadline(request))}*${escapeMrkdwn(declaredBy(request))}.${open}`;
}

/**
 * A DM to each person paged. Bounded by its own timeout because the WebClient retries on its own (and keeps
 * going after we stop waiting): a retry after a timeout waits on the send still under way instead of starting
 * a second one, so a slow Slack delivers one DM, not one per attempt.
 */
export function createSlackDmPager(config: SlackDmConfig): Pager {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const underway = new Map<string, Promise<string>>();

  function sendOnce(request: PageRequest, who: string): Promise<string> {
    const key = [request.team, request.emergencyId, request.tier, request.test === true, who].join('\u0000');
    const running = underway.get(key);
    if (running) return running;
    const send = (async () => {
      const channel = await config.client.openDm(who);
      await config.client.post(channel, slackDmText(request));
      return channel;
    })();
    underway.set(key, send);
    // Settled either way: a send that failed is over, and the next attempt starts a new one.
    send.then(
      () => underway.delete(key),
      () => underway.delete(key),
    );
    return send;
  }

  return {
    id: 'slack_dm',
    perPerson: true,
    async page(request: PageRequest, target?: PageTarget): Promise<PageResult> {
      const who = target?.slack;
      if (!who) return { ok: false, provider: 'slack_dm', retryable: false, reason: 'no Slack user for this person' };
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const send = sendOnce(request, who);
      try {
        const outcome = await Promise.race([send, timeout]);
        if (outcome === 'timeout') {
          send.catch(() => undefined);
          return { ok: false, provider: 'slack_dm', target: who, retryable: true, reason: `timed out after ${timeoutMs} ms` };
        }
        return { ok: true, provider: 'slack_dm', target: who, reference: outcome };
      } catch (err) {
        return { ok: false, provider: 'slack_dm', target: who, ...classifySlackError(err) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
