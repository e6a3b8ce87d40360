import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { App, HTTPReceiver, LogLevel, verifySlackRequest } from '@slack/bolt';
import { ErrorCode, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { FakeSlack } from '../../sandbox/fake-slack';
import { SlackDriver } from '../../sandbox/driver';
import { Workspace } from '../../sandbox/workspace';
import { SLACK_REFERENCE_DIR } from '../helpers/slack-reference';

// The fake must answer web-api 8.2 (the client Bolt 5.1 uses) the way Slack does, and the driver must
// speak to Bolt the way Slack does: otherwise end-to-end tests pass against a Slack that does not exist.

const BOT_TOKEN = 'xoxb-sandbox-test-token';
const SIGNING_SECRET = 'sandbox-test-signing-secret';
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
    const view = { type: 'modal' as const, callback_id: 'async_new_item', title: { type: 'plain_text' as const, text: 'New async item' }, submit: { type: 'plain_text' as const, text: 'File it' }, blocks: [{ type: 'input', block_id: 'item_text', label: { type: 'plain_text', text: 'What?' }, element: { type: 'plain_text_input', action_id: 'value' } }] };
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

describe('the driver, as Slack towards an app', () => {
  let fake: FakeSlack;
  let capture: Server;
  let received: Array<{ headers: IncomingHttpHeaders; body: string }>;
  let driver: SlackDriver;

  beforeEach(async () => {
    fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    received = [];
    capture = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
    driver = new SlackDriver({ slack: fake, appUrl: `http://127.0.0.1:${(capture.address() as AddressInfo).port}`, signingSecret: SIGNING_SECRET, echoBotMessages: false });
  });
  afterEach(async () => {
    driver.close();
    capture.closeAllConnections();
    await new Promise((resolve) => capture.close(resolve));
    await fake.stop();
  });

  const verify = (r: { headers: IncomingHttpHeaders; body: string }, secret = SIGNING_SECRET) =>
    verifySlackRequest({ signingSecret: secret, body: r.body, headers: { 'x-slack-signature': String(r.headers['x-slack-signature']), 'x-slack-request-timestamp': Number(r.headers['x-slack-request-timestamp']) } });

  test('signs a command so that Bolt\'s own verifier accepts it, with the exact form content type', async () => {
    await driver.command('ada', '#ops', '/async', 'review the Q3 doc & the <draft>');
    const [request] = received;
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(() => verify(request!)).not.toThrow();
    expect(() => verify(request!, 'another-secret')).toThrow();
    const fields = new URLSearchParams(request!.body);
    expect(Object.fromEntries(fields)).toMatchObject({ team_id: 'T0SANDBOX', channel_id: 'C0OPS', channel_name: 'ops', user_id: 'U0ADA', user_name: 'ada', command: '/async', text: 'review the Q3 doc & the <draft>' });
    expect(fields.get('response_url')).toMatch(new RegExp(`^${fake.url}/response/`));
  });

  test('sends a message event as JSON with event_id and authorizations, and redelivers it as a retry', async () => {
    const { delivery } = await driver.sendMessage('bob', '#ops', 'Can someone review the handoff?');
    const retry = await driver.redeliver(delivery);
    expect(received.map((r) => r.headers['content-type'])).toEqual(['application/json', 'application/json']);
    const [first, second] = received.map((r) => JSON.parse(r.body));
    expect(first).toMatchObject({ type: 'event_callback', team_id: 'T0SANDBOX', event: { type: 'message', user: 'U0BOB', channel: 'C0OPS', channel_type: 'channel' }, authorizations: [{ user_id: 'U0QUADRANT', is_bot: true }] });
    expect(second.event_id).toBe(first.event_id);
    expect(received[1]!.headers['x-slack-retry-num']).toBe('1');
    expect(retry.retryNum).toBe(1);
    expect(() => verify(received[1]!)).not.toThrow();
  });

  test('does not send events the app does not subscribe to', async () => {
    const d = await driver.sendMessage('ada', '@ada', 'a DM to the bot');
    expect(d.delivery.skipped).toMatch(/message\.im/);
    expect(received).toEqual([]);
  });
});

describe('a round trip through a Bolt app', () => {
  let fake: FakeSlack;
  let app: App;
  let driver: SlackDriver;

  beforeEach(async () => {
    fake = await FakeSlack.start({ botToken: BOT_TOKEN, strictIndexPath: METHODS_INDEX });
    const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR });
    app = new App({ token: BOT_TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/async', async ({ command, ack, client }) => {
      if (command.text === 'modal') {
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: { type: 'modal', callback_id: 'async_new_item', title: { type: 'plain_text', text: 'New async item' }, submit: { type: 'plain_text', text: 'File it' }, blocks: [{ type: 'input', block_id: 'item_text', label: { type: 'plain_text', text: 'What needs doing?' }, element: { type: 'plain_text_input', action_id: 'value' } }] } });
        return;
      }
      await ack({ text: `Filed: ${command.text}` });
      await client.chat.postMessage({ channel: command.channel_id, text: 'Emergency', blocks: [{ type: 'actions', block_id: 'emergency_actions', elements: [{ type: 'button', action_id: 'emergency_ack', text: { type: 'plain_text', text: 'Acknowledge' }, value: 'em_1' }] }] });
    });
    app.action('emergency_ack', async ({ ack, respond, body }) => {
      await ack();
      await respond({ replace_original: true, text: `Acknowledged by <@${body.user.id}>` });
    });
    app.view('async_new_item', async ({ ack, view }) => {
      const text = view.state.values.item_text?.value?.value ?? '';
      if (text.length < 5) await ack({ response_action: 'errors', errors: { item_text: 'Tell us a little more.' } });
      else await ack();
    });
    app.message(async ({ message, say }) => {
      if ('text' in message && message.text?.includes('review')) await say({ text: 'Filed the review request for the digest', thread_ts: message.ts });
    });
    const server = (await app.start(0)) as Server;
    driver = new SlackDriver({ slack: fake, appUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, signingSecret: SIGNING_SECRET });
  });
  afterEach(async () => {
    driver.close();
    await driver.idle();
    await app.stop();
    await fake.stop();
  });

  test('a command is acked with an ephemeral reply, and a button on the bot\'s message replaces it via response_url', async () => {
    const result = await driver.command('ada', '#ops', '/async', 'review the Q3 doc');
    expect(result.delivery.status).toBe(200);
    expect(result.reply).toEqual({ ephemeral: expect.objectContaining({ text: 'Filed: review the Q3 doc', user: 'U0ADA' }) });
    const posted = await driver.waitFor(() => driver.botMessages('#ops').find((m) => m.text === 'Emergency'), { what: 'the emergency message' });
    await driver.clickButton('bob', { channel: '#ops', ts: posted.ts }, 'emergency_ack');
    await driver.waitFor(() => driver.ws.findMessage('C0OPS', posted.ts)?.text === 'Acknowledged by <@U0BOB>', { what: 'the message to be replaced' });
    expect(fake.violations).toEqual([]);
    expect(driver.warnings).toEqual([]);
  });

  test('a modal opens from a command\'s trigger and shows the app\'s validation errors', async () => {
    await driver.command('ada', '#ops', '/async', 'modal');
    const modal = await driver.waitFor(() => driver.openModal('ada'), { what: 'the modal' });
    const refused = await driver.submitView('ada', modal.id, { item_text: 'hm' });
    expect(refused).toMatchObject({ responseAction: 'errors', errors: { item_text: 'Tell us a little more.' } });
    const accepted = await driver.submitView('ada', modal.id, { item_text: 'Review the Q3 handoff doc' });
    expect(accepted.responseAction).toBeUndefined();
    expect(driver.openModal('ada')).toBeUndefined();
  });

  test('a message gets a threaded reply, and the bot\'s own post is echoed without a reply to itself', async () => {
    const { ts } = await driver.sendMessage('bob', '#ops', 'please review the handoff');
    const [reply] = await driver.waitFor(() => (driver.threadOf('#ops', ts).length ? driver.threadOf('#ops', ts) : undefined), { what: 'a threaded reply' });
    expect(reply).toMatchObject({ text: 'Filed the review request for the digest', thread_ts: ts, bot_id: 'B0QUADRANT' });
    await driver.idle();
    expect(driver.deliveries.filter((d) => d.kind === 'event').map((d) => d.status)).toEqual([200, 200]);
    expect(driver.threadOf('#ops', ts)).toHaveLength(1);
  });
});
