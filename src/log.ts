import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Fixed here and never built from input. Covers the top level and one level down, where
 * child bindings and `{ err }` objects put things.
 */
export const REDACT_PATHS = [
  'token', 'botToken', 'bot_token', 'appToken', 'signingSecret', 'signing_secret', 'clientSecret', 'secret',
  'authorization', 'Authorization', 'password', 'phone', 'phones', 'to', 'from', 'routing_key', 'routingKey', 'apiKey', 'api_key',
  'authToken', 'auth_token', 'accountSid',
  '*.token', '*.botToken', '*.bot_token', '*.appToken', '*.signingSecret', '*.clientSecret', '*.secret',
  '*.authorization', '*.Authorization', '*.password', '*.phone', '*.phones', '*.to', '*.from', '*.routing_key',
  '*.routingKey', '*.apiKey', '*.api_key', '*.authToken', '*.auth_token', '*.accountSid',
  'headers.authorization', 'headers["x-slack-signature"]', 'req.headers.authorization',
  'env.SLACK_BOT_TOKEN', 'env.SLACK_SIGNING_SECRET', 'env.SLACK_APP_TOKEN', 'env.SLACK_CLIENT_SECRET', 'env.TWILIO_AUTH_TOKEN',
  'env.OPSGENIE_API_KEY', 'env.PAGERDUTY_ROUTING_KEY', 'env.PAGER_WEBHOOK_SECRET', 'env.QUADRANT_API_TOKEN',
  'env.PAGERDUTY_WEBHOOK_SECRET', 'env.OPSGENIE_WEBHOOK_SECRET',
];

/**
 * Phone numbers, tokens and named secrets that slip into free text: error messages from providers, and the
 * Web API client's debug line with a request body (`"client_secret":"…"` in an OAuth exchange).
 */
const SECRET_IN_TEXT = /(\+[1-9]\d{6,14})|(xox[abpe]-[A-Za-z0-9-]+)|(xapp-[A-Za-z0-9-]+)|((?:client_secret|signing_secret|password|refresh_token)\W{1,3})[^"'&,}\s]+/g;

export function scrubText(text: string): string {
  return text.replace(SECRET_IN_TEXT, (m, phone?: string, _bot?: string, _app?: string, named?: string) => {
    if (named) return `${named}[Redacted]`;
    return phone ? `${m.slice(0, 3)}•••${m.slice(-2)}` : `${m.slice(0, 5)}[Redacted]`;
  });
}

export interface LogOptions {
  level: string;
  pretty: boolean;
  name?: string;
}

export function createLogger(options: LogOptions, destination?: DestinationStream): Logger {
  const base = {
    level: options.level,
    name: options.name ?? 'quadrant',
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: {
      err: (err: unknown) => {
        const out = pino.stdSerializers.err(err as Error);
        if (out && typeof out.message === 'string') out.message = scrubText(out.message);
        if (out && typeof out.stack === 'string') out.stack = scrubText(out.stack);
        return out;
      },
    },
  };
  if (destination) return pino(base, destination);
  if (options.pretty) {
    // Logs go to stderr so that machine output on stdout (JSON Lines) stays clean.
    return pino(base, pino.transport({ target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' } }));
  }
  return pino(base, pino.destination({ fd: 2, sync: false }));
}

export type { Logger };
