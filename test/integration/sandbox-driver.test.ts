import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { App, HTTPReceiver, LogLevel, verifySlackRequest } from '@slack/bolt';
import { FakeSlack } from '../../sandbox/fake-slack';
import { SlackDriver } from '../../sandbox/driver';
import { SLACK_REFERENCE_DIR } from '../helpers/slack-reference';

// The driver must speak to Bolt as Slack does (signatures, content types, payload shapes, ack rules),
// or end-to-end tests drive an app through a protocol no real workspace uses.

const BOT_TOKEN = 'xoxb-sandbox-test-token';
const SIGNING_SECRET = 'sandbox-test-signing-secret';
const METHODS_INDEX = path.join(SLACK_REFERENCE_DIR, 'web-api', 'methods-index.json');

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
  let seen: string[];

  beforeEach(async () => {
    seen = [];
    fake = await FakeSlack.start({ botToken: BOT_TOKEN, strictIndexPath: METHODS_INDEX });
    const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR });
    app = new App({ token: BOT_TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/async', async ({ command, ack, client, respond }) => {
      if (command.text === 'modal') {
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: { type: 'modal', callback_id: 'async_new_item', title: { type: 'plain_text', text: 'New async item' }, submit: { type: 'plain_text', text: 'File it' }, blocks: [{ type: 'input', block_id: 'item_text', label: { type: 'plain_text', text: 'What needs doing?' }, element: { type: 'plain_text_input', action_id: 'value' } }] } });
        return;
      }
      if (command.text === 'public') {
        await ack({ response_type: 'in_channel', text: 'Everyone: the digest moved to 10:00' });
        return;
      }
      if (command.text === 'dismissable') {
        await ack();
        await respond({ text: 'Filed', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'dismiss', text: { type: 'plain_text', text: 'Dismiss' } }] }] });
        return;
      }
      await ack({ text: `Filed: ${command.text}` });
      await client.chat.postMessage({ channel: command.channel_id, text: 'Emergency', blocks: [{ type: 'actions', block_id: 'emergency_actions', elements: [{ type: 'button', action_id: 'emergency_ack', text: { type: 'plain_text', text: 'Acknowledge' }, value: 'em_1' }] }] });
    });
    app.action('emergency_ack', async ({ ack, respond, body }) => {
      await ack();
      await respond({ replace_original: true, text: `Acknowledged by <@${body.user.id}>` });
    });
    app.action('dismiss', async ({ ack, respond }) => {
      await ack();
      await respond({ delete_original: true });
    });
    app.view('async_new_item', async ({ ack, view }) => {
      const text = view.state.values.item_text?.value?.value ?? '';
      if (text.length < 5) await ack({ response_action: 'errors', errors: { item_text: 'Tell us a little more.' } });
      else if (text === 'show me') await ack({ response_action: 'update', view: { type: 'modal', callback_id: 'async_filed', title: { type: 'plain_text', text: 'Filed' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Filed.' } }] } });
      else await ack();
    });
    app.event('reaction_added', async ({ event }) => {
      seen.push(`${event.type}:${event.reaction}:${event.item_user ?? '-'}`);
    });
    app.event('app_mention', async ({ event }) => {
      seen.push(`${event.type}:${event.user}`);
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

  test('an in_channel ack posts publicly instead of to the user', async () => {
    const result = await driver.command('ada', '#ops', '/async', 'public');
    expect(result.reply).toEqual({ message: expect.objectContaining({ text: 'Everyone: the digest moved to 10:00', bot_id: 'B0QUADRANT' }) });
    expect(driver.messagesIn('#ops').map((m) => m.text)).toContain('Everyone: the digest moved to 10:00');
    expect(driver.ephemeralsFor('ada')).toEqual([]);
  });

  test('a button on an ephemeral reply can delete it through its response_url', async () => {
    await driver.command('ada', '#ops', '/async', 'dismissable');
    const ephemeral = await driver.waitFor(() => driver.ephemeralsFor('ada', '#ops')[0], { what: 'the ephemeral reply' });
    await driver.clickButton('ada', { channel: '#ops', ts: ephemeral.ts }, 'dismiss');
    await driver.waitFor(() => driver.ephemeralsFor('ada').length === 0, { what: 'the ephemeral to go' });
    expect(fake.responseUrls.posts.map((p) => p.status)).toEqual([200, 200]);
  });

  test('a view_submission answered with update replaces the modal in place', async () => {
    await driver.command('ada', '#ops', '/async', 'modal');
    const modal = await driver.waitFor(() => driver.openModal('ada'), { what: 'the modal' });
    const result = await driver.submitView('ada', modal.id, { 'What needs doing?': 'show me' });
    expect(result.responseAction).toBe('update');
    expect(driver.openModal('ada')).toMatchObject({ id: modal.id, callback_id: 'async_filed' });
  });

  test('refuses, as Slack\'s client does, to submit a modal with a required input empty', async () => {
    await driver.command('ada', '#ops', '/async', 'modal');
    const modal = await driver.waitFor(() => driver.openModal('ada'), { what: 'the modal' });
    await expect(driver.submitView('ada', modal.id, {})).rejects.toThrow(/required item_text empty/);
  });

  test('reactions carry item_user, and a mention arrives as app_mention and message', async () => {
    const { ts } = await driver.sendMessage('bob', '#ops', 'status update: deploy done');
    await driver.react('ada', '#ops', ts, ':rotating_light:');
    await driver.mention('cat', '#ops', 'is prod down?');
    // Bolt acks events before its listeners run, so wait for them.
    await driver.waitFor(() => seen.length === 2, { what: 'both listeners' });
    expect(seen).toEqual(['reaction_added:rotating_light:U0BOB', 'app_mention:U0CAT']);
    expect(fake.workspace.findMessage('C0OPS', ts)?.reactions).toEqual([{ name: 'rotating_light', users: ['U0ADA'], count: 1 }]);
  });
});
