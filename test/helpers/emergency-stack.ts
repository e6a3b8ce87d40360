import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Server } from 'node:http';
import type { Job } from 'bullmq';
import { parseEnv } from '../../src/config/env';
import { parseSettingsYaml } from '../../src/config/load';
import { drainEmergencyWork } from '../../src/flows/emergency/inflight';
import { escalationJobId } from '../../src/flows/emergency/schedule-escalation';
import { apiRoutes } from '../../src/http/api-emergencies';
import { hookRoutes } from '../../src/http/hooks';
import { closeServer, createHttpServer, listen } from '../../src/http/server';
import { createLogger } from '../../src/log';
import { startQuadrant, type Role, type RunningQuadrant } from '../../src/main';
import { SlackDriver, type CommandResult } from '../../sandbox/driver';
import { FakeSlack } from '../../sandbox/fake-slack';
import { startProviderFakes, type ProviderFakes } from '../../sandbox/fakes/provider-fakes';
import { Workspace } from '../../sandbox/workspace';
import { deletePrefix, testPrefix, testRedisUrl } from './redis';
import { eventually } from './eventually';
import { METHODS_INDEX } from './sandbox';

// Most emergency tests import their helpers from here.
export { eventually };

export const ADA_PHONE = '+15555550100';
export const BOB_PHONE = '+15555550101';
export const TEAM_ID = 'T0SANDBOX';

/** The sandbox's people and channels, every provider, and the shortest ack timeout the schema allows. */
export function emergencySettingsYaml(overrides: { providers?: string; channel?: string; ackTimeout?: string; repeat?: number } = {}): string {
  return `timezone: UTC
admins: [U0ADA]
channels:
  C0OPS:
    area: daily_operations
    digest: { at: "09:00", days: [mon, tue, wed, thu, fri] }
  C0EMERG: { area: emergency }
emergency:
  channel: ${overrides.channel ?? 'C0EMERG'}
  ack_timeout: ${overrides.ackTimeout ?? '10s'}
  repeat_last_tier: ${overrides.repeat ?? 1}
  tiers:
    - [{ slack: U0ADA, phone: "${ADA_PHONE}" }]
    - [{ slack: U0BOB, phone: "${BOB_PHONE}" }]
  providers: ${overrides.providers ?? '[twilio_sms, twilio_voice, pagerduty, opsgenie, webhook, slack_dm]'}
`;
}

export interface EmergencyStack {
  app: RunningQuadrant;
  slack: FakeSlack;
  driver: SlackDriver;
  providers: ProviderFakes;
  /** The app's own server (Slack, /health, /metrics). */
  appUrl: string;
  /** PUBLIC_URL: serves /hooks/* and /api/* (on the app's own server too, once main.ts routes them). */
  publicUrl: string;
  prefix: string;
  logs: string[];
  spoolDir: string;
  secrets: { apiToken: string; pagerduty: string; opsgenie: string };
  /** The environment the app runs with (secrets included: never log it). */
  env: Record<string, string>;
  settingsYaml: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Collects log lines in memory, as pino's own tests do. */
export function memoryLogger(logs: string[]) {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return createLogger({ level: 'debug', pretty: false }, sink);
}

/**
 * The real app in HTTP mode against the sandbox's fake Slack (strict where ../shared is present) and every
 * provider fake, on real Redis under a prefix of its own. The provider hooks and the API are also served on
 * PUBLIC_URL by a server of the test's own, built from the same route factories main.ts uses, so the tests
 * do not depend on how main.ts lists its routes.
 */
export async function startEmergencyStack(options: { role?: Role; settingsYaml?: string; env?: Record<string, string>; redisUrl?: string; prefix?: string; spoolDir?: string; now?: () => number; keepRedisKeys?: boolean } = {}): Promise<EmergencyStack> {
  const prefix = options.prefix ?? testPrefix('qe');
  const logs: string[] = [];
  const logger = memoryLogger(logs);
  const providers = await startProviderFakes();
  const botToken = `xoxb-test-${randomBytes(8).toString('hex')}`;
  const slack = await FakeSlack.start({ botToken, workspace: new Workspace({ timezone: 'UTC' }), strictIndexPath: existsSync(METHODS_INDEX) ? METHODS_INDEX : undefined });
  const signingSecret = randomBytes(16).toString('hex');
  const hooksPort = await freePort();
  const spoolDir = options.spoolDir ?? mkdtempSync(path.join(tmpdir(), 'qe-spool-'));
  const secrets = { apiToken: randomBytes(24).toString('hex'), pagerduty: randomBytes(16).toString('hex'), opsgenie: randomBytes(16).toString('hex') };
  const settingsYaml = options.settingsYaml ?? emergencySettingsYaml();
  const env: Record<string, string> = {
    ...providers.env,
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: options.redisUrl ?? testRedisUrl(),
    QUADRANT_REDIS_PREFIX: prefix,
    QUADRANT_SPOOL_DIR: spoolDir,
    PORT: '0',
    PUBLIC_URL: `http://127.0.0.1:${hooksPort}`,
    QUADRANT_API_TOKEN: secrets.apiToken,
    PAGERDUTY_WEBHOOK_SECRET: secrets.pagerduty,
    OPSGENIE_WEBHOOK_SECRET: secrets.opsgenie,
    LOG_LEVEL: 'debug',
    ...options.env,
  };
  const source = parseSettingsYaml(settingsYaml);
  if (!source.ok) throw new Error(JSON.stringify(source.issues));
  const app = await startQuadrant({ env: parseEnv(env), role: options.role ?? 'all', logger, settingsSource: source.value, now: options.now });
  const hooks: Server = createHttpServer([...hookRoutes(app.deps), ...apiRoutes(app.deps)], logger);
  await listen(hooks, hooksPort);
  const appUrl = `http://127.0.0.1:${app.port}`;
  const driver = new SlackDriver({ slack, appUrl, signingSecret, echoBotMessages: false });
  return {
    app,
    slack,
    driver,
    providers,
    appUrl,
    publicUrl: env.PUBLIC_URL!,
    prefix,
    logs,
    spoolDir,
    secrets,
    env,
    settingsYaml,
    async stop() {
      driver.close();
      await driver.idle();
      // As main.ts's graceful stop does: pages and posts still on their way finish first.
      await drainEmergencyWork(app.deps, 15_000);
      await closeServer(hooks);
      await app.stop();
      await providers.stop();
      await slack.stop();
      if (!options.redisUrl && !options.keepRedisKeys) await deletePrefix(prefix);
      if (!options.spoolDir) rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}

/** The ephemeral answer a slash command got, '' when it got none. */
export function ephemeralText(result: CommandResult): string {
  return result.reply && 'ephemeral' in result.reply ? result.reply.ephemeral.text : '';
}

/** The four-digit reply code an /emergency answer names. */
export function emergencyCodeIn(reply: string): string | undefined {
  return /Emergency \*(\d{4})\*/.exec(reply)?.[1];
}

/** SMS and calls the Twilio fake accepted for one number. */
export function twilioTo(providers: ProviderFakes, phone: string): { sms: Array<Record<string, string>>; calls: Array<Record<string, string>> } {
  return { sms: providers.twilio.messages().filter((m) => m.To === phone), calls: providers.twilio.calls().filter((c) => c.To === phone) };
}

/** The queued job for one escalation step of an emergency, if there is one. */
export function escalationJob(s: EmergencyStack, e: { team: string; id: string }, step: number): Promise<Job | undefined> {
  return s.app.deps.queues.emergency.getJob(escalationJobId(e, step));
}
