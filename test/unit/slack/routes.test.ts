import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HTTPReceiver } from '@slack/bolt';
import { signRequest } from '../../../sandbox/sign';
import { createLogger } from '../../../src/log';
import { slackRequestListener } from '../../../src/slack/routes';

// What reaches Bolt: the listener in front of its receiver is the only signature check there is.
describe('slackRequestListener', () => {
  const secret = 'routes-test-secret-0123456789';
  const reached: string[] = [];
  const receiver = {
    requestListener: (req: IncomingMessage & { rawBody?: Buffer }, res: import('node:http').ServerResponse) => {
      reached.push(`${req.method} ${req.url} ${req.rawBody?.toString() ?? ''}`);
      res.writeHead(200).end('bolt');
    },
  } as unknown as HTTPReceiver;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(slackRequestListener(receiver, { signingSecret: secret, logger: createLogger({ level: 'silent', pretty: false }), bodyLimit: 1024 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    reached.length = 0;
  });

  const now = () => Math.floor(Date.now() / 1000);
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

  test('hands a signed request to Bolt with its body already read', async () => {
    const body = 'command=%2Fasync&text=hi';
    const res = await post(body, signRequest(secret, body, now()));
    expect(await res.text()).toBe('bolt');
    expect(reached).toEqual([`POST /slack/events ${body}`]);
  });

  test.each([
    ['unsigned', {}],
    ['signed with another secret', signRequest('another-secret-0123456789', 'command=%2Fasync&text=hi', now())],
    ['signed 6 minutes ago', signRequest(secret, 'command=%2Fasync&text=hi', now() - 360)],
  ])('answers a request %s with 401 and never hands it on', async (_label, headers) => {
    const res = await post('command=%2Fasync&text=hi', headers);
    expect(res.status).toBe(401);
    expect(reached).toEqual([]);
  });

  test("answers Slack's unsigned SSL check itself, with an interaction smuggled in or not, and never hands it on", async () => {
    for (const body of ['token=x&ssl_check=1', `ssl_check=1&payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'item_done' }] }))}`]) {
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
    }
    expect(reached).toEqual([]);
  });

  test('refuses a body over the limit with 413 before reading it', async () => {
    const body = `text=${'x'.repeat(2000)}`;
    const res = await post(body, signRequest(secret, body, now()));
    expect(res.status).toBe(413);
    expect(reached).toEqual([]);
  });

  test('passes the OAuth install pages (GET) straight on', async () => {
    await fetch(`${url}/slack/install`);
    expect(reached).toEqual(['GET /slack/install ']);
  });

  test('will not start without a signing secret', () => {
    expect(() => slackRequestListener(receiver, { signingSecret: '', logger: createLogger({ level: 'silent', pretty: false }), bodyLimit: 1024 })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
