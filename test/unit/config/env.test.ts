import { parseEnv } from '../../../src/config/env';
import { QuadrantError } from '../../../src/core/errors';

function errorOf(vars: Record<string, string>): string {
  try {
    parseEnv(vars);
  } catch (err) {
    expect(err).toBeInstanceOf(QuadrantError);
    return (err as Error).message;
  }
  throw new Error('expected parseEnv to fail');
}

describe('parseEnv', () => {
  test('runs the sandbox when no Slack variable is set, with every default filled', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ mode: 'sandbox', PORT: 3000, REDIS_URL: 'redis://127.0.0.1:6379', SLACK_API_URL: 'https://slack.com/api/', redisUrlDefaulted: true });
  });

  test('treats empty strings (as copied from .env.example) as unset', () => {
    expect(parseEnv({ SLACK_BOT_TOKEN: '', REDIS_URL: '' }).mode).toBe('sandbox');
  });

  test.each([
    ['HTTP mode', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' }, 'http'],
    ['Socket Mode', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, 'socket'],
    ['OAuth', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 'state-secret', SLACK_SIGNING_SECRET: 'secret-123' }, 'oauth'],
  ])('chooses %s from the variables present', (_label, vars, mode) => {
    expect(parseEnv(vars).mode).toBe(mode);
  });

  // Each row: the variable named, and how to fix it, on one line.
  const errors: Array<[label: string, vars: Record<string, string>, expected: RegExp]> = [
    ['a bot token without a signing secret', { SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET is missing.*Basic Information/],
    ['a signing secret without a bot token', { SLACK_SIGNING_SECRET: 'secret-123' }, /^SLACK_BOT_TOKEN is missing/],
    ['a user token in place of the bot token', { SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: 'secret-123' }, /^SLACK_BOT_TOKEN must start with "xoxb-"/],
    ['a port that is not a number', { PORT: 'eighty' }, /^PORT .*port number/],
    ['a Redis URL with the wrong scheme', { REDIS_URL: 'http://localhost:6379' }, /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    ['a short API token', { QUADRANT_API_TOKEN: 'short' }, /^QUADRANT_API_TOKEN must be at least 16 characters/],
  ];
  test.each(errors)('names the variable for %s', (_label, vars, expected) => {
    const message = errorOf(vars);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/at .*\.ts:\d+/);
  });
});
