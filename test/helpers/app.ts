import { randomBytes } from 'node:crypto';
import { parseEnv } from '../../src/config/env';
import { parseSettingsYaml } from '../../src/config/load';
import { createLogger } from '../../src/log';
import { startQuadrant, type Role, type RunningQuadrant } from '../../src/main';
import { FakeSlack } from '../../sandbox/fake-slack';
import { signRequest } from '../../sandbox/sign';
import { sandboxSettingsYaml } from '../../sandbox/settings';
import { Writable } from 'node:stream';
import { deletePrefix, testPrefix, testRedisUrl } from './redis';

export interface TestApp {
  app: RunningQuadrant;
  slack: FakeSlack;
  url: string;
  signingSecret: string;
  prefix: string;
  logs: string[];
  /** POSTs a body to /slack/events signed as Slack would (or not, or stale). */
  post(body: string, options?: { contentType?: string; sign?: boolean; timestamp?: number; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

/** The real app in HTTP mode against a fake Slack, on real Redis under a prefix of its own. */
export async function startTestApp(options: { role?: Role; settingsYaml?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const botToken = `xoxb-test-${randomBytes(8).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const prefix = testPrefix();
  const slack = await FakeSlack.start({ botToken });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', pretty: false }, sink);
  const source = parseSettingsYaml(options.settingsYaml ?? sandboxSettingsYaml('Europe/Budapest'));
  if (!source.ok) throw new Error(JSON.stringify(source.issues));
  const env = parseEnv({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: testRedisUrl(),
    QUADRANT_REDIS_PREFIX: prefix,
    PORT: '0',
    ...options.env,
  });
  const app = await startQuadrant({ env, role: options.role ?? 'all', logger, settingsSource: source.value });
  const url = `http://127.0.0.1:${app.port}`;
  return {
    app,
    slack,
    url,
    signingSecret,
    prefix,
    logs,
    async post(body, o = {}) {
      const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/x-www-form-urlencoded' };
      if (o.sign !== false) Object.assign(headers, signRequest(signingSecret, body, timestamp));
      Object.assign(headers, o.headers);
      return fetch(`${url}/slack/events`, { method: 'POST', headers, body });
    },
    async stop() {
      await app.stop();
      await slack.stop();
      await deletePrefix(prefix);
    },
  };
}

/** A slash command's form body, as Slack sends it (exact content type, no charset). */
export function commandBody(fields: Partial<Record<string, string>> & { command: string; text: string }): string {
  const all: Record<string, string> = {
    token: 'legacy',
    team_id: 'T0SANDBOX',
    team_domain: 'sandbox',
    channel_id: 'C0OPS',
    channel_name: 'ops',
    user_id: 'U0BOB',
    user_name: 'bob',
    api_app_id: 'A0QUADRANT',
    is_enterprise_install: 'false',
    response_url: 'http://127.0.0.1:9/commands/T0SANDBOX/1/x',
    trigger_id: `${Date.now()}.${randomBytes(4).toString('hex')}`,
    ...fields,
  } as Record<string, string>;
  return new URLSearchParams(all).toString();
}
