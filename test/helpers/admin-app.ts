import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { parseEnv } from '../../src/config/env';
import { parseSettingsYaml, type SettingsSource } from '../../src/config/load';
import type { Deps } from '../../src/deps';
import { startQuadrant, type RunningQuadrant } from '../../src/main';
import { createBoltLogger } from '../../src/slack/bolt-logger';
import { webClientOptions } from '../../src/slack/client';
import { asyncCommand } from '../../src/slack/listeners/async-command';
import { emergencyCommand } from '../../src/slack/listeners/emergency-command';
import { CHANNEL_MODAL_ID } from '../../src/slack/blocks/quadrant-channel-modal';
import { IMPORT_MODAL_ID } from '../../src/slack/blocks/quadrant-import-modal';
import { OPEN_ACTION_PATTERN, ROLLBACK_ACTION_PATTERN } from '../../src/slack/blocks/quadrant-actions';
import { SETTINGS_MODAL_ID } from '../../src/slack/blocks/quadrant-settings-modal';
import { appHomeOpened } from '../../src/slack/listeners/app-home-opened';
import { appUninstalled } from '../../src/slack/listeners/app-uninstalled';
import { quadrantChannelSubmission } from '../../src/slack/listeners/quadrant-channel-submission';
import { quadrantCommand } from '../../src/slack/listeners/quadrant-command';
import { quadrantImportSubmission } from '../../src/slack/listeners/quadrant-import-submission';
import { quadrantOpenAction } from '../../src/slack/listeners/quadrant-open-action';
import { quadrantRollbackAction } from '../../src/slack/listeners/quadrant-rollback-action';
import { quadrantSettingsSubmission } from '../../src/slack/listeners/quadrant-settings-submission';
import { tokensRevoked } from '../../src/slack/listeners/tokens-revoked';
import { SlackDriver } from '../../sandbox/driver';
import type { EphemeralMessage } from '../../sandbox/model';
import { INTRO_TIPS_ACTION } from '../../src/slack/blocks/intro-blocks';
import { FakeSlack } from '../../sandbox/fake-slack';
import { Workspace } from '../../sandbox/workspace';
import { memoryLogger } from './emergency-stack';
import { deletePrefix, testPrefix, testRedisUrl } from './redis';
import { METHODS_INDEX } from './sandbox';

/** The admin surface's listeners, registered exactly as src/slack/register.ts is asked to. */
export function registerAdminListeners(app: App, deps: Deps): void {
  app.command('/quadrant', quadrantCommand(deps));
  app.view(SETTINGS_MODAL_ID, quadrantSettingsSubmission(deps));
  app.view(CHANNEL_MODAL_ID, quadrantChannelSubmission(deps));
  app.view(IMPORT_MODAL_ID, quadrantImportSubmission(deps));
  app.action(OPEN_ACTION_PATTERN, quadrantOpenAction(deps));
  app.action(ROLLBACK_ACTION_PATTERN, quadrantRollbackAction(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', tokensRevoked(deps));
}

export interface AdminApp {
  slack: FakeSlack;
  driver: SlackDriver;
  /** The process whose Bolt app takes commands and modals. */
  web: RunningQuadrant;
  /** A second process on the same Redis, with its own settings cache (where digests and pages run). */
  other: RunningQuadrant;
  prefix: string;
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Two Quadrant processes on one Redis prefix and one fake Slack (strict where ../shared is present). The
 * first serves a Bolt app with the admin listeners (plus /async and /emergency) behind its real HTTP
 * receiver, driven by signed requests; the second shares nothing with it but Redis.
 */
export async function startAdminApp(options: { settingsYaml?: string; env?: Record<string, string> } = {}): Promise<AdminApp> {
  const prefix = testPrefix('qa');
  const logs: string[] = [];
  const logger = memoryLogger(logs);
  const botToken = `xoxb-test-${randomBytes(8).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const slack = await FakeSlack.start({ botToken, workspace: new Workspace({ timezone: 'UTC' }), strictIndexPath: existsSync(METHODS_INDEX) ? METHODS_INDEX : undefined });
  const env = parseEnv({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slack.apiUrl, REDIS_URL: testRedisUrl(), QUADRANT_REDIS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'debug', ...options.env });
  let settingsSource: SettingsSource | undefined;
  if (options.settingsYaml) {
    const parsed = parseSettingsYaml(options.settingsYaml);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    settingsSource = parsed.value;
  }
  const web = await startQuadrant({ env, role: 'web', logger, settingsSource });
  const other = await startQuadrant({ env, role: 'web', logger, settingsSource });

  const boltLogger = createBoltLogger(logger, 'bolt');
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events', logger: boltLogger, processBeforeResponse: false });
  const app = new App({ receiver, token: botToken, botId: 'B0QUADRANT', botUserId: 'U0QUADRANT', tokenVerificationEnabled: false, convoStore: false, logger: boltLogger, clientOptions: webClientOptions(slack.apiUrl, logger) });
  registerAdminListeners(app, web.deps);
  app.command('/async', asyncCommand(web.deps));
  app.command('/emergency', emergencyCommand(web.deps));
  const server: Server = createServer((req, res) => receiver.requestListener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const driver = new SlackDriver({ slack, appUrl, signingSecret, echoBotMessages: false });

  return {
    slack,
    driver,
    web,
    other,
    prefix,
    logs,
    async stop() {
      driver.close();
      await driver.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await web.stop();
      await other.stop();
      await slack.stop();
      await deletePrefix(prefix);
    },
  };
}

/** Ephemerals that answer a command, leaving out the one-time framework introduction sent beside them. */
export function answersFor(driver: SlackDriver, user: string): EphemeralMessage[] {
  return driver.ephemeralsFor(user).filter((e) => !JSON.stringify(e.blocks ?? []).includes(INTRO_TIPS_ACTION));
}

/** Runs a slash command and waits for the private answer it earns (sent through the response_url). */
export async function commandAnswer(driver: SlackDriver, user: string, channel: string, text: string, slash = '/quadrant'): Promise<EphemeralMessage> {
  const before = answersFor(driver, user).length;
  await driver.command(user, channel, slash, text);
  return driver.waitFor(() => answersFor(driver, user)[before], { what: `an answer to ${slash} ${text}` });
}
