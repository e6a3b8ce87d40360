import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Installation } from '@slack/bolt';
import { parseEnv } from '../../src/config/env';
import type { Item } from '../../src/core/item';
import type { Deps } from '../../src/deps';
import { startQuadrant, type RunningQuadrant } from '../../src/main';
import { createSlackApp } from '../../src/slack/app';
import { appHomeOpened } from '../../src/slack/listeners/app-home-opened';
import { appUninstalled } from '../../src/slack/listeners/app-uninstalled';
import { tokensRevoked } from '../../src/slack/listeners/tokens-revoked';
import { BOT_SCOPES } from '../../src/slack/surface';
import { createInstallationClients, createInstallationStore } from '../../src/store/installation-store';
import { SlackDriver } from '../../sandbox/driver';
import { FakeSlack } from '../../sandbox/fake-slack';
import { Workspace } from '../../sandbox/workspace';
import { eventually, memoryLogger } from '../helpers/emergency-stack';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';

const OAUTH = { clientId: '1111111111.2222222222', clientSecret: randomBytes(12).toString('hex') };
const HOME = 'T0SANDBOX';
const OTHER = 'T0OTHER';

describe('multi-workspace installs through Slack OAuth', () => {
  let prefix: string;
  let logs: string[];
  let slack: FakeSlack;
  let worker: RunningQuadrant;
  let deps: Deps;
  let server: Server;
  let appUrl: string;
  let driver: SlackDriver;
  let clients: ReturnType<typeof createInstallationClients>;

  beforeAll(async () => {
    prefix = testPrefix('qo');
    logs = [];
    const logger = memoryLogger(logs);
    slack = await FakeSlack.start({ botToken: `xoxb-unused-${randomBytes(6).toString('hex')}`, workspace: new Workspace({ timezone: 'UTC' }), oauthClient: OAUTH, scopes: BOT_SCOPES.join(',') });
    const signingSecret = randomBytes(16).toString('hex');
    const env = parseEnv({
      SLACK_CLIENT_ID: OAUTH.clientId,
      SLACK_CLIENT_SECRET: OAUTH.clientSecret,
      SLACK_STATE_SECRET: randomBytes(16).toString('hex'),
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      REDIS_URL: testRedisUrl(),
      QUADRANT_REDIS_PREFIX: prefix,
      PORT: '0',
      LOG_LEVEL: 'debug',
    });
    expect(env.mode).toBe('oauth');
    worker = await startQuadrant({ env, role: 'worker', logger });
    const store = createInstallationStore(worker.deps.redis, worker.deps.keys, logger);
    clients = createInstallationClients(store, env.SLACK_API_URL, logger);
    // OAuth mode as main.ts is asked to wire it: Bolt's installation store and deps.slackFor both read Redis.
    deps = { ...worker.deps, slackFor: clients.slackFor };
    const { app, requestListener } = createSlackApp(deps, {}, store);
    // Bolt runs every matching listener, so these are harmless once register.ts holds them too.
    app.event('app_home_opened', appHomeOpened(deps));
    app.event('app_uninstalled', appUninstalled(deps));
    app.event('tokens_revoked', tokensRevoked(deps));
    server = createServer(requestListener!);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    driver = new SlackDriver({ slack, appUrl, signingSecret, echoBotMessages: false });
  });

  afterAll(async () => {
    driver.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await worker.stop();
    await slack.stop();
    await deletePrefix(prefix);
  });

  /** "Add to Slack" as a browser does it: the install page, Slack's consent (the fake's code), the redirect back. */
  async function install(team: string): Promise<Response> {
    const start = await fetch(`${appUrl}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    // Slack's consent page is on the host SLACK_API_URL names (GovSlack has its own), here the fake's.
    expect(authorize.origin + authorize.pathname).toBe(new URL('/oauth/v2/authorize', slack.apiUrl).href);
    expect(authorize.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(authorize.searchParams.get('scope')?.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    const state = authorize.searchParams.get('state')!;
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const code = slack.issueOAuthCode({ teamId: team, teamName: `Team ${team}`, installer: 'U0ADA' });
    return fetch(`${appUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
  }

  const stored = async (team: string) => {
    const raw = await deps.redis.get(deps.keys.installation(team));
    return raw ? (JSON.parse(raw) as Installation) : undefined;
  };

  test('installing stores the workspace’s bot token in Redis, exchanged through oauth.v2.access', async () => {
    const done = await install(HOME);
    expect(done.status).toBe(200);
    const installation = await stored(HOME);
    expect(installation).toMatchObject({ team: { id: HOME }, bot: { token: expect.stringMatching(/^xoxb-T0SANDBOX-/), userId: 'U0QUADRANT' } });
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(1);
    expect(await deps.redis.sismember(deps.keys.teams(), HOME)).toBe(1);
  });

  test('a second workspace gets an installation of its own', async () => {
    expect((await install(OTHER)).status).toBe(200);
    expect((await stored(OTHER))?.bot?.token).toMatch(/^xoxb-T0OTHER-/);
    expect((await stored(HOME))?.bot?.token).toMatch(/^xoxb-T0SANDBOX-/);
  });

  test('pressing Cancel on Slack\'s consent page, or coming back with a used code, is a 400 page, not a server error', async () => {
    const start = await fetch(`${appUrl}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const cancelled = await fetch(`${appUrl}/slack/oauth_redirect?error=access_denied&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    expect(cancelled.status).toBe(400);
    expect(await cancelled.text()).toContain('Installation cancelled');

    const again = await fetch(`${appUrl}/slack/install`, { redirect: 'manual' });
    const state2 = new URL(again.headers.get('location')!).searchParams.get('state')!;
    const cookie2 = again.headers.get('set-cookie')!.split(';')[0]!;
    const bogus = await fetch(`${appUrl}/slack/oauth_redirect?code=not-a-code&state=${encodeURIComponent(state2)}`, { headers: { cookie: cookie2 }, redirect: 'manual' });
    expect(bogus.status).toBe(400);
    expect(await bogus.text()).toContain('expired');
  });

  test('a redirect with a state the install page never issued is refused', async () => {
    const code = slack.issueOAuthCode({ teamId: 'T0FORGED' });
    const res = await fetch(`${appUrl}/slack/oauth_redirect?code=${code}&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await stored('T0FORGED')).toBeUndefined();
  });

  test('events are authorized with the stored installation, and deps.slackFor uses it too', async () => {
    await driver.openHome('ada');
    await driver.waitFor(() => driver.home('ada'), { what: 'the App Home published with the installed token' });
    const client = await deps.slackFor(HOME);
    expect(await client.auth.test()).toMatchObject({ ok: true, team_id: HOME });
  });

  test('tokens and the client secret are never logged, not even in the Web API client\'s debug lines', () => {
    expect(logs.join('')).toContain('Quadrant installed');
    expect(logs.join('')).not.toMatch(/xoxb-T0/);
    expect(logs.join('')).not.toContain(OAUTH.clientSecret);
  });

  test('tokens_revoked drops the installation and keeps the workspace’s settings for a reinstall', async () => {
    await deps.settings.set(HOME, { timezone: 'Europe/Budapest' }, 'U0ADA');
    await driver.tokensRevoked();
    await eventually(async () => (await stored(HOME)) === undefined, 'the revoked installation to go');
    expect((await deps.settings.get(HOME)).timezone).toBe('Europe/Budapest');
    await expect(deps.slackFor(HOME)).rejects.toMatchObject({ code: 'quadrant_slack_error' });

    expect((await install(HOME)).status).toBe(200);
    expect(await (await deps.slackFor(HOME)).auth.test()).toMatchObject({ team_id: HOME });
  });

  test('app_uninstalled removes everything of that workspace, and nothing of another', async () => {
    const item: Item = { id: 'a1', team: HOME, area: 'daily_operations', priority: 'schedule', text: 'secret plans', author: 'U0BOB', channel: 'C0OPS', digestChannel: 'C0OPS', status: 'open', reasons: [], confidence: 1, source: 'command', createdAt: 1, updatedAt: 1 };
    await deps.items.add(item);
    await deps.items.add({ ...item, team: OTHER });
    await deps.settings.set(OTHER, { timezone: 'Asia/Tokyo' }, 'U0ADA');
    // Reply codes name emergencies by value: the workspace's code is freed, another's is kept.
    await deps.redis.set(deps.keys.emergency(HOME, 'em1'), JSON.stringify({ id: 'em1', team: HOME, code: '1234' }));
    await deps.redis.set(deps.keys.emergencyCode('1234'), `${HOME}/em1`);
    await deps.redis.set(deps.keys.emergency(OTHER, 'em2'), JSON.stringify({ id: 'em2', team: OTHER, code: '5678' }));
    await deps.redis.set(deps.keys.emergencyCode('5678'), `${OTHER}/em2`);

    await driver.appUninstalled();
    await eventually(async () => (await stored(HOME)) === undefined && (await deps.settings.getInput(HOME)) === undefined, 'the workspace to be forgotten');

    const left = await deps.redis.keys(`${prefix}:*${HOME}*`);
    expect(left).toEqual([]);
    expect(await deps.items.get(HOME, 'a1')).toBeUndefined();
    expect(await deps.settings.history(HOME)).toEqual([]);
    expect(await deps.redis.sismember(deps.keys.teams(), HOME)).toBe(0);
    expect(await deps.redis.get(deps.keys.emergencyCode('1234'))).toBeNull();
    expect(await deps.redis.get(deps.keys.emergencyCode('5678'))).toBe(`${OTHER}/em2`);
    expect(await deps.redis.exists(deps.keys.emergency(OTHER, 'em2'))).toBe(1);

    expect((await stored(OTHER))?.bot?.token).toMatch(/^xoxb-T0OTHER-/);
    expect(await deps.items.get(OTHER, 'a1')).toMatchObject({ text: 'secret plans' });
    expect((await deps.settings.get(OTHER)).timezone).toBe('Asia/Tokyo');
  });
});
