import type { Env } from '../config/env';
import type { ProviderId } from '../config/settings';
import type { Pager } from '../core/ports';
import type { FetchLike } from './http';
import { createOpsgeniePager } from './opsgenie';
import { createPagerDutyPager } from './pagerduty';
import { createSlackDmPager, type SlackDmClient } from './slack-dm';
import { createTwilioSmsPager } from './twilio-sms';
import { createTwilioVoicePager } from './twilio-voice';
import { createWebhookPager } from './webhook';

/** Plain values, so the composition root, the sandbox and tests build pagers the same way. */
export interface PagersConfig {
  timeoutMs?: number;
  fetch?: FetchLike;
  publicUrl?: string;
  twilio: { apiUrl: string; accountSid?: string; authToken?: string; from?: string };
  pagerduty: { eventsUrl: string; routingKey?: string };
  opsgenie: { apiUrl: string; apiKey?: string };
  webhook: { url?: string; secret?: string };
  /** The workspace's Slack client; slack_dm is unavailable without it. */
  slack?: SlackDmClient;
}

export interface Unavailable {
  provider: ProviderId;
  /** What to set, by environment variable name, for an operator-facing message. */
  problems: string[];
}

export interface PagerSet {
  pagers: Pager[];
  /** Providers the settings list but the environment cannot serve; the caller warns about them. */
  unavailable: Unavailable[];
}

export function pagersConfigFromEnv(env: Env, extras: Pick<PagersConfig, 'slack' | 'fetch' | 'timeoutMs'> = {}): PagersConfig {
  return {
    ...extras,
    publicUrl: env.PUBLIC_URL,
    twilio: { apiUrl: env.TWILIO_API_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_FROM },
    pagerduty: { eventsUrl: env.PAGERDUTY_EVENTS_URL, routingKey: env.PAGERDUTY_ROUTING_KEY },
    opsgenie: { apiUrl: env.OPSGENIE_API_URL, apiKey: env.OPSGENIE_API_KEY },
    webhook: { url: env.PAGER_WEBHOOK_URL, secret: env.PAGER_WEBHOOK_SECRET },
  };
}

function twilioProblems(config: PagersConfig): string[] {
  const { accountSid, authToken, from } = config.twilio;
  const problems: string[] = [];
  if (!accountSid) problems.push('set TWILIO_ACCOUNT_SID');
  else if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) problems.push('TWILIO_ACCOUNT_SID must be "AC" and 32 hex digits');
  if (!authToken) problems.push('set TWILIO_AUTH_TOKEN');
  if (!from) problems.push('set TWILIO_FROM');
  return problems;
}

/** Builds the pagers the workspace's `emergency.providers` asks for, skipping (and naming) those not configured. */
export function createPagers(config: PagersConfig, providers: readonly ProviderId[]): PagerSet {
  const pagers: Pager[] = [];
  const unavailable: Unavailable[] = [];
  const common = { timeoutMs: config.timeoutMs, fetch: config.fetch };
  for (const provider of new Set(providers)) {
    let problems: string[] = [];
    let pager: Pager | undefined;
    switch (provider) {
      case 'twilio_sms':
      case 'twilio_voice': {
        problems = twilioProblems(config);
        if (problems.length) break;
        const twilio = { ...common, apiUrl: config.twilio.apiUrl, accountSid: config.twilio.accountSid!, authToken: config.twilio.authToken!, from: config.twilio.from! };
        pager = provider === 'twilio_sms' ? createTwilioSmsPager(twilio) : createTwilioVoicePager({ ...twilio, publicUrl: config.publicUrl });
        break;
      }
      case 'pagerduty': {
        const key = config.pagerduty.routingKey;
        // PagerDuty refuses other lengths with a 400; saying so at startup beats finding out mid-emergency.
        if (!key) problems.push('set PAGERDUTY_ROUTING_KEY');
        else if (key.length !== 32) problems.push('PAGERDUTY_ROUTING_KEY must be the 32-character integration key');
        else pager = createPagerDutyPager({ ...common, eventsUrl: config.pagerduty.eventsUrl, routingKey: key });
        break;
      }
      case 'opsgenie': {
        const key = config.opsgenie.apiKey;
        if (!key) problems.push('set OPSGENIE_API_KEY');
        else pager = createOpsgeniePager({ ...common, apiUrl: config.opsgenie.apiUrl, apiKey: key });
        break;
      }
      case 'webhook': {
        const { url, secret } = config.webhook;
        if (!url) problems.push('set PAGER_WEBHOOK_URL');
        if (!secret) problems.push('set PAGER_WEBHOOK_SECRET');
        if (url && secret) pager = createWebhookPager({ ...common, url, secret });
        break;
      }
      case 'slack_dm': {
        if (!config.slack) problems.push('a Slack client for the workspace');
        else pager = createSlackDmPager({ client: config.slack, timeoutMs: config.timeoutMs });
        break;
      }
    }
    if (pager) pagers.push(pager);
    else unavailable.push({ provider, problems });
  }
  return { pagers, unavailable };
}
