import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { ErrorCode, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { FakeSlack } from '../../sandbox/fake-slack';
import { Workspace } from '../../sandbox/workspace';
import { SLACK_REFERENCE_DIR } from '../helpers/slack-reference';

// The fake must answer web-api 8.2 (the client Bolt 5.1 uses) the way Slack does: otherwise end-to-end
// tests pass against a Slack that does not exist.

const BOT_TOKEN = 'xoxb-sandbox-test-token';
const METHODS_INDEX = path.join(SLACK_REFERENCE_DIR, 'web-api', 'methods-index.json');

function clientFor(fake: FakeSlack, token = BOT_TOKEN): WebClient {
  return new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: undefined, logger: silentLogger() });
}

function silentLogger() {
  const noop = () => {};
  return { debug: noop, info: noop, warn: noop, error: noop, setLevel: noop, getLevel: () => LogLevel.ERROR, setName: noop };
}

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  try {
    await promise;
  } catch (err) {
    if ((err as WebAPIPlatformError).code === ErrorCode.PlatformError) return (err as WebAPIPlatformError).data;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('the fake Slack Web API, driven by @slack/web-api', () => {
  let fake: FakeSlack;
  let client: WebClient;
  let now: number;

  beforeEach(async () => {
    now = Date.UTC(2024, 10, 24, 9, 0, 0);
    fake = await FakeSlack.start({ botToken: BOT_TOKEN, workspace: new Workspace({ now: () => now, timezone: 'Europe/Budapest' }) });
    client = clientFor(fake);
  });
  afterEach(() => fake.stop());

  test('auth.test names the bot user and bot id Bolt needs', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0SANDBOX', user_id: 'U0QUADRANT', bot_id: 'B0QUADRANT' });
  });

  test('posts with increasing ts values and records the decoded blocks', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Digest*' } }];
    const first = await client.chat.postMessage({ channel: 'C0OPS', text: 'Digest', blocks });
    const second = await client.chat.postMessage({ channel: 'C0OPS', text: 'again' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message).toMatchObject({ bot_id: 'B0QUADRANT', user: 'U0QUADRANT', text: 'Digest' });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call!.contentType).toBe('application/x-www-form-urlencoded');
    expect(call!.tokenInHeader).toBe(true);
    expect(call!.args.blocks).toEqual(blocks);
  });

  test('threads replies under their parent and counts them', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0OPS', text: 'parent' });
    await client.chat.postMessage({ channel: 'C0OPS', text: 'one', thread_ts: parent.ts });
    await client.chat.postMessage({ channel: 'C0OPS', text: 'two', thread_ts: parent.ts });
    const replies = await client.conversations.replies({ channel: 'C0OPS', ts: parent.ts! });
    expect(replies.messages!.map((m) => m.text)).toEqual(['parent', 'one', 'two']);
    expect(replies.messages![0]).toMatchObject({ reply_count: 2, thread_ts: parent.ts });
    const history = await client.conversations.history({ channel: 'C0OPS' });
    expect(history.messages!.map((m) => m.text)).toEqual(['parent']);
  });

  test('updates and deletes only its own messages', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0OPS', text: 'Acknowledge?' });
    const updated = await client.chat.update({ channel: 'C0OPS', ts: posted.ts!, text: 'Acknowledged by ada' });
    expect(updated.message?.text).toBe('Acknowledged by ada');
    expect(fake.workspace.findMessage('C0OPS', posted.ts!)?.text).toBe('Acknowledged by ada');
    const human = fake.workspace.post({ channel: 'C0OPS', user: 'U0BOB', text: 'mine' });
    expect((await platformError(client.chat.update({ channel: 'C0OPS', ts: human.ts, text: 'x' }))).error).toBe('cant_update_message');
    await client.chat.delete({ channel: 'C0OPS', ts: posted.ts! });
    expect(fake.workspace.findMessage('C0OPS', posted.ts!)).toBeUndefined();
  });

  test('posts to a user id land in the DM, and ephemerals never reach history', async () => {
    const dm = await client.chat.postMessage({ channel: 'U0ADA', text: 'You are on call' });
    expect(dm.channel).toBe('D0ADA');
    const opened = await client.conversations.open({ users: 'U0ADA' });
    expect(opened.channel?.id).toBe('D0ADA');
    await client.chat.postEphemeral({ channel: 'C0OPS', user: 'U0BOB', text: 'Filed for the digest' });
    expect(fake.workspace.ephemeralsFor('U0BOB').map((e) => e.text)).toEqual(['Filed for the digest']);
    expect(fake.workspace.history('C0OPS')).toEqual([]);
  });

  test('refuses invalid blocks as Slack does', async () => {
    const long = 'x'.repeat(3001);
    const data = await platformError(client.chat.postMessage({ channel: 'C0OPS', text: 't', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: long } }] }));
    expect(data.error).toBe('invalid_blocks');
  });

  test('opens a modal only with a fresh trigger, then updates it; publishes a Home tab', async () => {
    const view = { type: 'modal' as const, callback_id: 'async_new_item', title: { type: 'plain_text' as const, text: 'New async item' }, submit: { type: 'plain_text' as const, text: 'File it' }, blocks: [
      // Every input may use the same action_id: Slack wants it unique within its block only.
      { type: 'input', block_id: 'item_text', label: { type: 'plain_text', text: 'What?' }, element: { type: 'plain_text_input', action_id: 'value' } },
      { type: 'input', block_id: 'item_due', label: { type: 'plain_text', text: 'By when?' }, optional: true, element: { type: 'datepicker', action_id: 'value' } },
    ] };
    const opened = await client.views.open({ trigger_id: fake.workspace.issueTrigger('U0ADA'), view });
    expect(opened.view).toMatchObject({ type: 'modal', callback_id: 'async_new_item', root_view_id: opened.view!.id });
    expect(fake.workspace.views.topModal('U0ADA')?.id).toBe(opened.view!.id);
    const updated = await client.views.update({ view_id: opened.view!.id!, hash: opened.view!.hash!, view: { ...view, callback_id: 'async_filed' } });
    expect(updated.view?.callback_id).toBe('async_filed');
    expect((await platformError(client.views.update({ view_id: opened.view!.id!, hash: opened.view!.hash!, view }))).error).toBe('hash_conflict');
    const home = await client.views.publish({ user_id: 'U0BOB', view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Your open items*' } }] } });
    expect(fake.workspace.views.home('U0BOB')?.id).toBe(home.view!.id);
  });

  // Slack's trigger_id lives about 3 seconds and can be used once.
  const triggerCases: Array<[label: string, advanceMs: number, useTwice: boolean, error: string]> = [
    ['older than 3 s', 3001, false, 'expired_trigger_id'],
    ['used a second time', 0, true, 'exchanged_trigger_id'],
  ];
  test.each(triggerCases)('refuses a trigger_id %s', async (_label, advanceMs, useTwice, error) => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Hi' }, blocks: [] };
    const trigger = fake.workspace.issueTrigger('U0ADA');
    if (useTwice) await client.views.open({ trigger_id: trigger, view });
    now += advanceMs;
    expect((await platformError(client.views.open({ trigger_id: trigger, view }))).error).toBe(error);
  });

  test('uploads a file through the three-step external upload and shares it', async () => {
    const res = await client.filesUploadV2({ channel_id: 'C0OPS', filename: 'report.csv', content: 'a,b\n1,2\n', initial_comment: 'Weekly report' });
    expect(res.ok).toBe(true);
    const [file] = fake.workspace.files.list();
    expect(file?.bytes?.toString()).toBe('a,b\n1,2\n');
    expect(fake.workspace.history('C0OPS').at(-1)).toMatchObject({ text: 'Weekly report', files: [expect.objectContaining({ id: file!.id, name: 'report.csv' })] });
  });

  test('answers invalid_auth for a wrong token and unknown_method for a made-up method', async () => {
    expect((await platformError(clientFor(fake, 'xoxb-wrong').auth.test())).error).toBe('invalid_auth');
    expect((await platformError(client.apiCall('chat.postTelepathy', { channel: 'C0OPS' }))).error).toBe('unknown_method');
  });

  test('exchanges an OAuth code once for a bot token that works until the app is uninstalled', async () => {
    const code = fake.issueOAuthCode();
    const anonymous = clientFor(fake, '');
    const { clientId, clientSecret } = fake.tokens.oauthClient;
    const access = await anonymous.oauth.v2.access({ client_id: clientId, client_secret: clientSecret, code });
    expect(access).toMatchObject({ ok: true, token_type: 'bot', bot_user_id: 'U0QUADRANT', team: { id: 'T0SANDBOX' } });
    const installed = clientFor(fake, access.access_token!);
    await expect(installed.auth.test()).resolves.toMatchObject({ ok: true, team_id: 'T0SANDBOX' });
    expect((await platformError(anonymous.oauth.v2.access({ client_id: clientId, client_secret: clientSecret, code }))).error).toBe('invalid_code');
    fake.tokens.revokeAll();
    expect((await platformError(installed.auth.test())).error).toBe('token_revoked');
  });

  test('answers 429 with Retry-After beyond the per-channel rate', async () => {
    fake.setRateLimit('chat.postMessage', { limit: 1, per: 'channel' });
    await client.chat.postMessage({ channel: 'C0OPS', text: 'first' });
    const limited = await client.chat.postMessage({ channel: 'C0OPS', text: 'second' }).catch((err: WebAPIRateLimitedError) => err);
    expect(limited).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
    await expect(client.chat.postMessage({ channel: 'C0HUB', text: 'other channel' })).resolves.toMatchObject({ ok: true });
    now += 1000;
    await expect(client.chat.postMessage({ channel: 'C0OPS', text: 'a second later' })).resolves.toMatchObject({ ok: true });
  });

  test('answers HTTP 500 while Slack is down, and scripted errors for one method', async () => {
    fake.setDown(true);
    await expect(client.auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    fake.setDown(false);
    fake.failMethod('chat.postMessage', 'channel_not_found', 1);
    expect((await platformError(client.chat.postMessage({ channel: 'C0OPS', text: 'x' }))).error).toBe('channel_not_found');
    await expect(client.chat.postMessage({ channel: 'C0OPS', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  test('a response_url takes five posts, then refuses', async () => {
    const url = fake.responseUrls.issue({ user: 'U0ADA', channel: 'C0OPS' });
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `reply ${i}` }) });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(fake.responseUrls.posts.at(-1)?.error).toBe('used_url');
    expect(fake.workspace.ephemeralsFor('U0ADA').map((e) => e.text)).toEqual(['reply 1', 'reply 2', 'reply 3', 'reply 4', 'reply 5']);
  });
});

describe('the fake in strict mode', () => {
  let fake: FakeSlack;
  let client: WebClient;

  beforeEach(async () => {
    fake = await FakeSlack.start({ botToken: BOT_TOKEN, strictIndexPath: METHODS_INDEX });
    client = clientFor(fake);
  });
  afterEach(() => fake.stop());

  test('records no violation for calls Slack documents', async () => {
    await client.chat.postMessage({ channel: 'C0OPS', text: 'ok', unfurl_links: false, metadata: { event_type: 'item_filed', event_payload: { id: 'it_1' } } });
    expect(fake.violations).toEqual([]);
  });

  test('refuses and records an argument Slack does not know', async () => {
    const data = await platformError(client.apiCall('chat.postMessage', { channel: 'C0OPS', text: 'x', thread: '1.2' }));
    expect(data.error).toBe('invalid_arguments');
    expect(fake.violations).toEqual([expect.objectContaining({ method: 'chat.postMessage', kind: 'unknown_argument', argument: 'thread' })]);
  });

  test('refuses and records a call without a required argument', async () => {
    await platformError(client.apiCall('reactions.add', { channel: 'C0OPS', name: 'fire' }));
    expect(fake.violations).toEqual([expect.objectContaining({ method: 'reactions.add', kind: 'missing_argument', argument: 'timestamp' })]);
  });
});
