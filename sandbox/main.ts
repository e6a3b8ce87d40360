import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { DEFAULT_REDIS_URL, parseEnv } from '../src/config/env';
import { formatIssues, parseSettingsYaml, type SettingsSource } from '../src/config/load';
import { QuadrantError } from '../src/core/errors';
import type { Logger } from '../src/log';
import { startQuadrant, type Role, type RunningQuadrant } from '../src/main';
import { startConsole, type RunningConsole } from './console';
import { SlackDriver } from './driver';
import { FakeSlack } from './fake-slack';
import { startProviderFakes, type ProviderFakes } from './fakes/provider-fakes';
import { watchPages } from './pages';
import { findRedis, freePort, type FoundRedis } from './private-redis';
import { SANDBOX_SETTINGS } from './settings';
import { Workspace } from './workspace';

export { SANDBOX_SETTINGS } from './settings';

export interface SandboxOptions {
  /** The user's environment (process.env); Slack variables in it are replaced by the sandbox's own. */
  env: NodeJS.ProcessEnv;
  role: Role;
  logger: Logger;
  /** Start the terminal console (npm start); tests leave it off and use `driver`. */
  interactive: boolean;
  /** Path of shared/slack/web-api/methods-index.json: the fake Slack then refuses undocumented calls. */
  strictIndexPath?: string;
  /** Settings YAML for the sandbox workspace (default SANDBOX_SETTINGS); QUADRANT_CONFIG, when set, wins. */
  settingsYaml?: string;
  /** One clock for the workspace (message ts, trigger expiry) and the app; tests pass a controllable one. */
  now?: () => number;
  /** Deliver `message` events for the bot's own posts, as Slack does (default true). */
  echoBotMessages?: boolean;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

export interface RunningSandbox {
  /** Stops the console, the app, the fakes and a private Redis, in that order. Safe to call twice. */
  stop(): Promise<void>;
  /** Settles once the sandbox has stopped, whether by stop() or by /quit in the console. */
  stopped: Promise<void>;
  slack: FakeSlack;
  driver: SlackDriver;
  /** The app's base URL; Slack's requests go to `${appUrl}/slack/events`. */
  appUrl: string;
  workspace: Workspace;
  providers: ProviderFakes;
  app: RunningQuadrant;
  redisUrl: string;
  /** Bearer token for POST /api/emergencies. */
  apiToken: string;
  /** The environment the app was started with (secrets included; do not log it). */
  appEnv: Record<string, string>;
}

/** Slack and OAuth settings of a real workspace must not leak into the sandbox app. */
const REAL_SLACK_VARS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_API_URL'];

function sandboxSettings(yaml: string): SettingsSource {
  const parsed = parseSettingsYaml(yaml);
  if (!parsed.ok) throw new QuadrantError('quadrant_config_invalid', `The sandbox settings are not valid.\n${formatIssues('sandbox settings', parsed.issues)}`);
  return parsed.value;
}

/** PORT's default (src/config/env.ts), which the README's first steps rely on. */
export const DEFAULT_SANDBOX_PORT = 3000;

/** Whether a server could listen on `port` right now, on every interface, as the app does. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/**
 * The sandbox app's port: PORT when set to another port (0: any free port); else, unset or the default (as a
 * copied .env.example sets it), 3000, or a free port when something already listens there (said in `log`;
 * the console's banner and the start-up line show the port too).
 */
export async function sandboxPort(portVar: string | undefined, log: (message: string) => void, preferred = DEFAULT_SANDBOX_PORT): Promise<number> {
  if (portVar === '0') return freePort();
  if (portVar && Number(portVar) !== preferred) return Number(portVar);
  if (await portIsFree(preferred)) return preferred;
  const port = await freePort();
  log(`port ${preferred} is in use; the app listens on ${port} instead (set PORT to choose one)`);
  return port;
}

/**
 * Runs Quadrant against a stand-in workspace: a fake Slack Web API, provider fakes for paging, a
 * Redis (found or started privately), and the real app on its real HTTP endpoint, driven by
 * signed requests. Everything it starts, it stops.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (err) {
        options.logger.warn({ err }, 'sandbox: a cleanup step failed');
      }
    }
  };
  try {
    const workspace = new Workspace({ now: options.now });
    const botToken = `xoxb-sandbox-${randomBytes(12).toString('hex')}`;
    const signingSecret = randomBytes(24).toString('hex');
    const apiToken = randomBytes(24).toString('hex');

    const slack = await FakeSlack.start({ botToken, workspace, strictIndexPath: options.strictIndexPath });
    cleanups.push(() => slack.stop());
    const providers = await startProviderFakes();
    cleanups.push(() => providers.stop());
    const stopPages = watchPages(providers, workspace);
    cleanups.push(stopPages);

    const redis: FoundRedis = await findRedis({
      url: options.env.REDIS_URL || DEFAULT_REDIS_URL,
      urlWasSet: Boolean(options.env.REDIS_URL),
      log: (message) => options.logger.info(`sandbox: ${message}`),
    });
    cleanups.push(() => redis.stop());

    const settingsSource = options.env.QUADRANT_CONFIG ? undefined : sandboxSettings(options.settingsYaml ?? SANDBOX_SETTINGS);

    // Known before the app starts, so PUBLIC_URL (provider callbacks) can name it.
    const port = await sandboxPort(options.env.PORT, (message) => options.logger.warn(`sandbox: ${message}`));
    const userEnv = Object.fromEntries(Object.entries(options.env).filter(([k, v]) => v !== undefined && !REAL_SLACK_VARS.includes(k))) as Record<string, string>;
    const appEnv: Record<string, string> = {
      QUADRANT_REDIS_PREFIX: 'sandbox',
      ...userEnv,
      ...providers.env,
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      REDIS_URL: redis.url,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      QUADRANT_API_TOKEN: apiToken,
      // Provider callbacks are signed; the sandbox's own secrets let its fakes call back as the real ones do.
      PAGERDUTY_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
      OPSGENIE_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
    };

    // At the console, info lines would bury the conversation; LOG_LEVEL set explicitly still wins.
    const logger = options.interactive && !options.env.LOG_LEVEL ? options.logger.child({}, { level: 'warn' }) : options.logger;
    const app = await startQuadrant({ env: parseEnv(appEnv), role: options.role, logger, sandbox: true, settingsSource, now: options.now });
    cleanups.push(() => app.stop());
    const appUrl = `http://127.0.0.1:${app.port}`;
    const driver = new SlackDriver({ slack, appUrl, signingSecret, echoBotMessages: options.echoBotMessages });
    cleanups.push(async () => {
      driver.close();
      await driver.idle();
    });

    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= cleanup());
    let markStopped: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (markStopped = resolve));
    cleanups.unshift(markStopped);
    if (options.interactive) {
      const terminal: RunningConsole = startConsole({ driver, appUrl, input: options.input, output: options.output, onQuit: stop });
      cleanups.push(() => terminal.close());
    }
    return { stop, stopped, slack, driver, appUrl, workspace, providers, app, redisUrl: redis.url, apiToken, appEnv };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
