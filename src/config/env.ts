import { z } from 'zod';
import { QuadrantError } from '../core/errors';

const optionalText = z.string().trim().min(1).optional().catch(undefined);
const url = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);

/** Every variable Quadrant reads, with its default. No other module reads process.env. */
const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { message: 'must start with "xoxb-" (the Bot User OAuth Token)' }).optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, { message: 'looks too short for a Signing Secret' }).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { message: 'must start with "xapp-" (an app-level token with connections:write)' }).optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(8).optional(),
  SLACK_API_URL: url('https://slack.com/api/'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  QUADRANT_CONFIG: optionalText,
  QUADRANT_CONFIG_AUTHORITATIVE: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  QUADRANT_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, { message: 'may hold letters, digits, "_" and "-" only' }).default('quadrant'),
  /** Where emergencies declared while Redis is down are journalled until it answers (default: the OS temp dir). */
  QUADRANT_SPOOL_DIR: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty', 'auto']).default('auto'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  QUADRANT_API_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  PAGERDUTY_ROUTING_KEY: optionalText,
  PAGERDUTY_EVENTS_URL: url('https://events.pagerduty.com/v2/enqueue'),
  /** Signing secret(s) of the PagerDuty webhook subscription that calls /hooks/pagerduty; comma-separated while rotating. */
  PAGERDUTY_WEBHOOK_SECRET: optionalText,
  TWILIO_ACCOUNT_SID: optionalText,
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_FROM: optionalText,
  TWILIO_API_URL: url('https://api.twilio.com'),
  OPSGENIE_API_KEY: optionalText,
  OPSGENIE_API_URL: url('https://api.opsgenie.com'),
  /** Shared secret the Opsgenie Webhook integration sends in X-Quadrant-Secret to /hooks/opsgenie. */
  OPSGENIE_WEBHOOK_SECRET: optionalText,
  PAGER_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  PAGER_WEBHOOK_SECRET: optionalText,
});

export type SlackMode = 'http' | 'socket' | 'oauth' | 'sandbox';

export type Env = Readonly<
  z.output<typeof EnvSchema> & {
    REDIS_URL: string;
    /** True when REDIS_URL was not set, so the sandbox may start a private Redis. */
    redisUrlDefaulted: boolean;
    mode: SlackMode;
  }
>;

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const HINTS: Record<string, string> = {
  SLACK_BOT_TOKEN: 'copy the Bot User OAuth Token from your app\'s "OAuth & Permissions" page',
  SLACK_SIGNING_SECRET: 'copy the Signing Secret from your app\'s "Basic Information" page',
  SLACK_APP_TOKEN: 'create an app-level token with the connections:write scope on "Basic Information"',
  PORT: 'use a port number such as 3000',
  REDIS_URL: 'for example redis://127.0.0.1:6379',
};

function fail(name: string, problem: string): never {
  const hint = HINTS[name];
  throw new QuadrantError('quadrant_env_invalid', `${name} ${problem}${hint ? `: ${hint}` : ''}.`);
}

/** Reads the environment once; throws QuadrantError('quadrant_env_invalid') with one line naming the variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(String(issue.path[0]), issue.message.startsWith('Invalid') ? `is not valid (${issue.message})` : issue.message);
  }
  const env = parsed.data;
  let mode: SlackMode = 'sandbox';
  if (env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET) {
    for (const name of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET'] as const) {
      if (!env[name]) fail(name, 'is missing (OAuth install mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET)');
    }
    mode = 'oauth';
  } else if (env.SLACK_APP_TOKEN) {
    if (!env.SLACK_BOT_TOKEN) fail('SLACK_BOT_TOKEN', 'is missing (Socket Mode needs it beside SLACK_APP_TOKEN)');
    mode = 'socket';
  } else if (env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET) {
    if (!env.SLACK_BOT_TOKEN) fail('SLACK_BOT_TOKEN', 'is missing (HTTP mode needs it beside SLACK_SIGNING_SECRET; unset both to run the sandbox)');
    if (!env.SLACK_SIGNING_SECRET) fail('SLACK_SIGNING_SECRET', 'is missing (HTTP mode needs it beside SLACK_BOT_TOKEN; unset both to run the sandbox)');
    mode = 'http';
  }
  return Object.freeze({
    ...env,
    SLACK_API_URL: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
    REDIS_URL: env.REDIS_URL ?? DEFAULT_REDIS_URL,
    redisUrlDefaulted: env.REDIS_URL === undefined,
    mode,
  });
}
