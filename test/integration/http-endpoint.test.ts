import { signRequest } from '../../sandbox/sign';
import { commandBody, startTestApp, type TestApp } from '../helpers/app';

// The foundation's contract with Slack: signed requests only, answers within the ack, never a 5xx.
describe('the HTTP endpoint in HTTP mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  test('answers a signed /async command in the ack body with the verdict', async () => {
    const res = await t.post(commandBody({ command: '/async', text: 'can someone review the billing copy PR when free?' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/^Filed as \*Daily operations\*/);
    expect(body.text).toContain('<#C0OPS>');
  });

  test('files the item in Redis, once per trigger id', async () => {
    const form = commandBody({ command: '/async', text: 'update the onboarding doc', trigger_id: '111.222' });
    const first = (await (await t.post(form)).json()) as { text: string };
    const second = (await (await t.post(form)).json()) as { text: string };
    const id = /id `([a-z0-9]+)`/.exec(first.text)?.[1];
    expect(id).toBeDefined();
    expect(second.text).toMatch(/^Already filed/);
    const items = await t.app.deps.items.listByUser('T0SANDBOX', 'U0BOB');
    expect(items.filter((i) => i.id === id)).toHaveLength(1);
  });

  test('rejects an unsigned request with 401', async () => {
    const res = await t.post(commandBody({ command: '/async', text: 'x' }), { sign: false });
    expect(res.status).toBe(401);
  });

  test('rejects a request signed with another secret with 401', async () => {
    const res = await t.post(commandBody({ command: '/async', text: 'x' }), { headers: { 'x-slack-signature': 'v0=deadbeef' } });
    expect(res.status).toBe(401);
  });

  test('rejects a stale request (older than 5 minutes) with 401', async () => {
    const res = await t.post(commandBody({ command: '/async', text: 'x' }), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
  });

  test('rejects a request signed more than 5 minutes ahead with 401', async () => {
    const res = await t.post(commandBody({ command: '/async', text: 'x' }), { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(res.status).toBe(401);
  });

  test('rejects a signed body changed on the way with 401, and files nothing', async () => {
    const signed = commandBody({ command: '/async', text: 'review the copy', user_id: 'U0TAMPER' });
    const headers = signRequest(t.signingSecret, signed, Math.floor(Date.now() / 1000));
    const res = await t.post(signed.replace('review', 'delete'), { sign: false, headers });
    expect(res.status).toBe(401);
    expect(await t.app.deps.items.listByUser('T0SANDBOX', 'U0TAMPER')).toEqual([]);
    expect(t.logs.join('\n')).toContain('signature mismatch');
  });

  test("answers Slack's unsigned SSL check with an empty 200, and never runs a command smuggled into it", async () => {
    const plain = await t.post('token=legacy&ssl_check=1', { sign: false });
    expect(plain.status).toBe(200);
    expect(await plain.text()).toBe('');
    const smuggled = await t.post(`ssl_check=1&${commandBody({ command: '/async', text: 'smuggled', user_id: 'U0SMUGGLE' })}`, { sign: false });
    expect(smuggled.status).toBe(200);
    expect(await smuggled.text()).toBe('');
    expect(await t.app.deps.items.listByUser('T0SANDBOX', 'U0SMUGGLE')).toEqual([]);
  });

  test("answers Slack's url_verification challenge", async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'chal-123', type: 'url_verification' });
    const res = await t.post(body, { contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('chal-123');
  });

  const garbage: Array<[label: string, body: string, contentType: string]> = [
    ['JSON that is not JSON', '{"type": "event_callback", ', 'application/json'],
    ['a form with the wrong content type', 'command=%2Fasync&text=hi', 'text/plain'],
    ['binary noise', '\u0000\u0001\u0002\u00ff', 'application/octet-stream'],
    ['a payload field that is not JSON', 'payload=%7Bnot-json', 'application/x-www-form-urlencoded'],
  ];
  test.each(garbage)('answers %s with a 4xx, not a 5xx', async (_label, body, contentType) => {
    const res = await t.post(body, { contentType });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  test('refuses a huge payload with 413', async () => {
    const res = await t.post(commandBody({ command: '/async', text: 'x'.repeat(400 * 1024) }));
    expect(res.status).toBe(413);
  });

  test('refuses a huge chunked payload, which has no length to check first, with 413', async () => {
    const body = commandBody({ command: '/async', text: 'x'.repeat(400 * 1024) });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < body.length; at += 16 * 1024) controller.enqueue(new TextEncoder().encode(body.slice(at, at + 16 * 1024)));
        controller.close();
      },
    });
    const headers = { 'content-type': 'application/x-www-form-urlencoded', ...signRequest(t.signingSecret, body, Math.floor(Date.now() / 1000)) };
    const res = await fetch(`${t.url}/slack/events`, { method: 'POST', headers, body: chunks, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  test('answers an unknown command with a friendly ephemeral message', async () => {
    const res = await t.post(commandBody({ command: '/asnyc', text: 'typo' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { text: string };
    expect(body.text).toContain('/async help');
  });

  test('answers an over-long /async text with advice instead of filing it', async () => {
    const res = await t.post(commandBody({ command: '/async', text: 'y'.repeat(5000) }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { text: string }).text).toContain('4,000 characters');
  });

  test('serves /health with role and Redis state', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', role: 'all', redis: 'ok' });
  });

  test('serves Prometheus metrics including request counts and queue depths', async () => {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/quadrant_requests_total\{kind="command_async"\} \d+/);
    expect(text).toContain('quadrant_queue_depth{queue="emergency",state="waiting"}');
  });

  test('answers unknown paths with 404 JSON', async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
  });

  test('never logs the bot token or the signing secret', () => {
    const all = t.logs.join('\n');
    expect(all).not.toContain(t.signingSecret);
    expect(all).not.toMatch(/xoxb-test-[0-9a-f]{16}/);
  });
});
