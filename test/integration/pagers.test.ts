import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import type { PageRequest, PageResult, PageTarget } from '../../src/core/ports';
import { createLogger } from '../../src/log';
import { emergencyKey } from '../../src/pagers/emergency-key';
import { followUpAll, pageAll, type PageAllOptions } from '../../src/pagers/page-all';
import { createPagers, type PagersConfig } from '../../src/pagers/registry';
import { slackDmClient } from '../../src/pagers/slack-dm';
import { startProviderFakes, type ProviderFakes } from '../../sandbox/fakes/provider-fakes';
import { startWebhookFake } from '../../sandbox/fakes/webhook-fake';
import type { StepPageRequest } from '../../src/pagers/webhook';
import { startTwilioFake } from '../../sandbox/fakes/twilio-fake';
import { startOpsgenieFake } from '../../sandbox/fakes/opsgenie-fake';
import { PROVIDERS } from '../../src/config/settings';
import { parseOpsgenieWebhook, parsePagerDutyWebhook, parseSmsReply, parseVoiceKeypress } from '../../src/pagers/callbacks';
import { verifyOpsgenieSecret } from '../../src/pagers/verify-opsgenie';
import { verifyPagerDutySignature } from '../../src/pagers/verify-pagerduty';
import { verifyTwilioRequest } from '../../src/pagers/verify-twilio';

// Pagers against real local HTTP fakes of Twilio, PagerDuty, Opsgenie, a webhook receiver and Slack's
// Web API. Every fake checks each request against the provider's published definition.

const ADA: PageTarget = { slack: 'U0ADA', phone: '+36201234567' };
const BOB: PageTarget = { slack: 'U0BOB', phone: '+36207654321' };
const PUBLIC_URL = 'https://quadrant.example.com';

const request: PageRequest = {
  team: 'T0TEAM',
  emergencyId: 'E1718000000.000100',
  code: '4821',
  // Plain text, as flows hand it over; the XML, JSON and mrkdwn specials test each channel's escaping.
  summary: 'db disk full, writes fail & p99 <5s> "now"',
  severity: 'critical',
  reporter: 'Ada',
  link: 'https://example.slack.com/archives/C0EMERG/p1718000000000100',
  tier: 1,
};

/** A minimal Slack Web API: conversations.open and chat.postMessage, recorded; posts can be held back (a slow Slack). */
async function startSlackApi(): Promise<{ url: string; calls: Array<{ method: string; body: URLSearchParams }>; server: Server; holdPosts(): void; releasePosts(): void }> {
  const calls: Array<{ method: string; body: URLSearchParams }> = [];
  let holding = false;
  const held: Array<() => void> = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const method = (req.url ?? '').replace('/api/', '');
      const body = new URLSearchParams(raw);
      calls.push({ method, body });
      const answer =
        method === 'conversations.open'
          ? { ok: true, channel: { id: `D${body.get('users')}` } }
          : method === 'chat.postMessage'
            ? { ok: true, channel: body.get('channel'), ts: '1718000000.000200' }
            : { ok: false, error: 'unknown_method' };
      const reply = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      };
      if (holding && method === 'chat.postMessage') held.push(reply);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    calls,
    server,
    holdPosts: () => void (holding = true),
    releasePosts() {
      holding = false;
      for (const reply of held.splice(0)) reply();
    },
  };
}

let fakes: ProviderFakes;
let slack: Awaited<ReturnType<typeof startSlackApi>>;

function config(overrides: Partial<PagersConfig> = {}): PagersConfig {
  return {
    timeoutMs: 2_000,
    publicUrl: PUBLIC_URL,
    twilio: { apiUrl: fakes.env.TWILIO_API_URL!, accountSid: fakes.twilio.accountSid, authToken: fakes.twilio.authToken, from: '+15005550006' },
    pagerduty: { eventsUrl: fakes.pagerduty.eventsUrl, routingKey: fakes.pagerduty.routingKey },
    opsgenie: { apiUrl: fakes.opsgenie.url, apiKey: fakes.opsgenie.apiKey },
    webhook: { url: fakes.env.PAGER_WEBHOOK_URL, secret: fakes.webhook.secret },
    slack: slackDmClient(new WebClient('xoxb-test-token', { slackApiUrl: slack.url, retryConfig: { retries: 0 } })),
    ...overrides,
  };
}

function pagersFor(providers: readonly (typeof PROVIDERS)[number][] = PROVIDERS, overrides: Partial<PagersConfig> = {}) {
  const set = createPagers(config(overrides), providers);
  expect(set.unavailable).toEqual([]);
  return set.pagers;
}

/** Records backoff waits and waits a token 1 ms, so retries stay quick. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const options = (extra: Partial<PageAllOptions> = {}): PageAllOptions => ({ retries: 2, backoffMs: 10, sleep: recordingSleep().sleep, ...extra });

const byProvider = (results: PageResult[], provider: string) => results.filter((r) => r.provider === provider);

beforeAll(async () => {
  [fakes, slack] = await Promise.all([startProviderFakes(), startSlackApi()]);
});

afterAll(async () => {
  await fakes.stop();
  await new Promise<void>((resolve) => slack.server.close(() => resolve()));
});

beforeEach(() => {
  fakes.reset();
  slack.calls.length = 0;
});

describe('when every provider is up', () => {
  test('checks requests against the providers\' own definitions, not only structurally', () => {
    expect([fakes.twilio.specSource, fakes.pagerduty.specSource, fakes.opsgenie.specSource]).toEqual(['spec', 'spec', 'spec']);
  });

  test('pages each person through every per-person provider and the emergency once through PagerDuty and Opsgenie', async () => {
    const results = await pageAll(pagersFor(), request, [ADA, BOB], options());

    expect(results.every((r) => r.ok)).toBe(true);
    const count = (p: string) => byProvider(results, p).length;
    expect({ sms: count('twilio_sms'), voice: count('twilio_voice'), webhook: count('webhook'), dm: count('slack_dm'), pd: count('pagerduty'), og: count('opsgenie') }).toEqual({
      sms: 2, voice: 2, webhook: 2, dm: 2, pd: 1, og: 1,
    });
    expect(fakes.twilio.messages().map((m) => m.To).sort()).toEqual([ADA.phone, BOB.phone].sort());
    expect(slack.calls.map((c) => c.method).sort()).toEqual(['chat.postMessage', 'chat.postMessage', 'conversations.open', 'conversations.open']);
  });

  test('sends requests that validate against each provider\'s spec', async () => {
    await pageAll(pagersFor(), request, [ADA, BOB], options());
    await followUpAll(pagersFor(), 'acknowledge', request, options());
    await followUpAll(pagersFor(), 'resolve', request, options());

    for (const fake of [fakes.twilio, fakes.pagerduty, fakes.opsgenie, fakes.webhook]) {
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(fake.validationFailures()).toEqual([]);
    }
  });

  test('texts the summary with the codes to reply with', async () => {
    await pageAll(pagersFor(['twilio_sms']), request, [ADA], options());
    expect(fakes.twilio.messages()[0]!.Body).toBe(
      `QUADRANT EMERGENCY 4821: ${request.summary} (declared by Ada). Reply ACK 4821 to acknowledge, RES 4821 to resolve. ${request.link}`,
    );
  });

  test('DMs an escaped summary, so it cannot ping or forge links', async () => {
    await pageAll(pagersFor(['slack_dm']), request, [ADA], options());
    const dm = slack.calls.find((c) => c.method === 'chat.postMessage')!;
    expect(dm.body.get('channel')).toBe('DU0ADA');
    expect(dm.body.get('text')).toContain('db disk full, writes fail &amp; p99 &lt;5s&gt; "now"');
    expect(dm.body.get('text')).toContain(`<${request.link}|Open the emergency>`);
  });

  test('calls with TwiML that reads the emergency out and gathers one key for the public hook', async () => {
    await pageAll(pagersFor(['twilio_voice']), request, [ADA], options());
    const twiml = fakes.twilio.calls()[0]!.Twiml!;
    expect(twiml).toContain('<Gather numDigits="1" action="https://quadrant.example.com/hooks/twilio/voice?team=T0TEAM&amp;emergency=E1718000000.000100&amp;code=4821"');
    expect(twiml).toContain('db disk full, writes fail &amp; p99 &lt;5s&gt; &quot;now&quot;');
    expect(twiml).toContain('Press 1 to acknowledge.');
  });

  test('marks a test page "[TEST]" in every channel', async () => {
    await pageAll(pagersFor(), { ...request, test: true }, [ADA], options());
    expect(fakes.twilio.messages()[0]!.Body).toMatch(/^\[TEST\] /);
    expect(fakes.twilio.calls()[0]!.Twiml).toContain('[TEST] This is a test page.');
    expect(fakes.pagerduty.events()[0]!.payload.summary).toMatch(/^\[TEST\] /);
    expect(JSON.parse(fakes.opsgenie.requests[0]!.body).message).toMatch(/^\[TEST\] /);
    expect(fakes.webhook.deliveries()[0]!.body.data).toMatchObject({ test: true, text: expect.stringMatching(/^\[TEST\] /) });
    expect(slack.calls.find((c) => c.method === 'chat.postMessage')!.body.get('text')).toContain('[TEST]');
  });
});

describe('PagerDuty', () => {
  test('triggers, acknowledges and resolves one alert under one dedup_key', async () => {
    const pagers = pagersFor(['pagerduty']);
    await pageAll(pagers, request, [ADA], options());
    await followUpAll(pagers, 'acknowledge', request, options());
    await followUpAll(pagers, 'resolve', request, options());

    const events = fakes.pagerduty.events();
    expect(events.map((e) => e.event_action)).toEqual(['trigger', 'acknowledge', 'resolve']);
    expect(new Set(events.map((e) => e.dedup_key))).toEqual(new Set([emergencyKey(request.team, request.emergencyId)]));
    expect(fakes.pagerduty.alerts().get(emergencyKey(request.team, request.emergencyId))).toEqual({
      status: 'resolved',
      actions: ['trigger', 'acknowledge', 'resolve'],
    });
  });
});

describe('Twilio voice', () => {
  test('an acknowledgement cancels the calls still ringing and leaves an answered one alone', async () => {
    const pagers = pagersFor(['twilio_voice']);
    const results = await pageAll(pagers, request, [ADA, BOB], options());
    const calls = results.map((r) => (r.ok ? r.reference! : ''));
    expect(calls.every((sid) => /^CA[0-9a-f]{32}$/.test(sid))).toBe(true);
    fakes.twilio.answerCall(calls[1]!);

    expect(await followUpAll(pagers, 'acknowledge', { ...request, calls }, options())).toEqual([{ ok: true, provider: 'twilio_voice' }]);
    expect(fakes.twilio.callUpdates()).toEqual(calls.map((sid) => ({ sid, Status: 'canceled' })));
    expect(calls.map((sid) => fakes.twilio.callStatus(sid))).toEqual(['canceled', 'in-progress']);
    expect(fakes.twilio.validationFailures()).toEqual([]);
  });

  test('says how many calls it could not stop, and sends nothing when there are none', async () => {
    const pagers = pagersFor(['twilio_voice']);
    const [placed] = await pageAll(pagers, request, [ADA], options());
    const calls = [placed!.ok ? placed!.reference! : '', 'CA00000000000000000000000000000000'];
    const [result] = await followUpAll(pagers, 'resolve', { ...request, calls }, options());
    expect(result).toMatchObject({ ok: false, provider: 'twilio_voice', reason: expect.stringMatching(/^1 of 2 calls not stopped: .*20404/) });

    const before = fakes.twilio.requests.length;
    expect(await followUpAll(pagers, 'acknowledge', request, options())).toEqual([{ ok: true, provider: 'twilio_voice' }]);
    expect(fakes.twilio.requests.length).toBe(before);
  });
});

describe('Opsgenie', () => {
  test('keeps one alias per emergency, so the next tier joins the open alert', async () => {
    const pagers = pagersFor(['opsgenie']);
    await pageAll(pagers, request, [ADA], options());
    await pageAll(pagers, { ...request, tier: 2 }, [BOB], options());
    await followUpAll(pagers, 'acknowledge', request, options());

    const alias = emergencyKey(request.team, request.emergencyId);
    expect(fakes.opsgenie.alerts().get(alias)).toMatchObject({ status: 'acked', count: 2 });
    const ack = fakes.opsgenie.requests[2]!;
    expect(ack.path).toBe(`/v2/alerts/${encodeURIComponent(alias)}/acknowledge`);
    expect(ack.query.get('identifierType')).toBe('alias');
  });

  test('keeps the alert message within 130 characters', async () => {
    await pageAll(pagersFor(['opsgenie']), { ...request, summary: 'disk '.repeat(100) }, [ADA], options());
    expect(JSON.parse(fakes.opsgenie.requests[0]!.body).message.length).toBeLessThanOrEqual(130);
    expect(fakes.opsgenie.validationFailures()).toEqual([]);
  });
});

describe('Slack DM', () => {
  test('a retry after a timeout waits for the DM still on its way instead of sending another', async () => {
    slack.holdPosts();
    let waits = 0;
    // Slack answers the held post only after the pager has timed out and retried twice.
    const sleep = async () => {
      if (++waits === 2) slack.releasePosts();
    };
    const results = await pageAll(pagersFor(['slack_dm'], { timeoutMs: 200 }), request, [ADA], { retries: 3, backoffMs: 1, sleep });
    expect(results).toEqual([expect.objectContaining({ ok: true, provider: 'slack_dm', target: 'U0ADA' })]);
    expect(waits).toBeGreaterThanOrEqual(2);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });
});

describe('the generic webhook', () => {
  test('signs each delivery so a Standard Webhooks receiver verifies it', async () => {
    await pageAll(pagersFor(['webhook']), request, [ADA, BOB], options());
    const deliveries = fakes.webhook.deliveries();
    expect(deliveries).toHaveLength(2);
    expect(deliveries.map((d) => d.body.data.target.slack).sort()).toEqual(['U0ADA', 'U0BOB']);
    expect(deliveries[0]!.body).toMatchObject({ type: 'emergency.page', data: { team: 'T0TEAM', emergency_id: request.emergencyId, code: '4821' } });
  });

  test('a retried delivery keeps its webhook-id; the next step and another person get their own', async () => {
    fakes.webhook.setMode('fail500', { times: 1 });
    const pagers = pagersFor(['webhook']);
    const atStep = (step: number): StepPageRequest => ({ ...request, step });
    await pageAll(pagers, atStep(1), [BOB], options());
    await pageAll(pagers, atStep(2), [BOB, ADA], options());
    const ids = fakes.webhook.requests.map((r) => `${r.mode}:${String(r.headers['webhook-id'])}`);
    expect(ids).toHaveLength(4);
    const [failed, retried, nextStep, ada] = ids.map((id) => id.replace(/^\w+:/, ''));
    expect(ids[0]).toMatch(/^fail500:/);
    expect(retried).toBe(failed);
    expect(new Set([retried, nextStep, ada]).size).toBe(3);
    expect(fakes.webhook.validationFailures()).toEqual([]);
  });

  test('signs with a plain secret (no whsec_ prefix) as raw bytes', async () => {
    const receiver = await startWebhookFake({ secret: 'plain-shared-secret-1234' });
    try {
      const pagers = pagersFor(['webhook'], { webhook: { url: receiver.url, secret: 'plain-shared-secret-1234' } });
      const [result] = await pageAll(pagers, request, [ADA], options());
      expect(result).toMatchObject({ ok: true });
      expect(receiver.validationFailures()).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });
});

describe('when a provider fails', () => {
  // Each row switches one fake into a failure mode; retryable ones are tried 1 + retries times, waiting the
  // doubling backoff, or the provider's Retry-After when it asks for longer (the webhook fake asks for 1 s).
  const cases: Array<[label: string, fake: 'twilio' | 'pagerduty' | 'opsgenie' | 'webhook', provider: string, mode: 'fail500' | 'status429' | 'drop' | 'garbage', reason: RegExp, waits: number[]]> = [
    ['Twilio answers 500', 'twilio', 'twilio_sms', 'fail500', /^provider error \(HTTP 500\)$/, [10, 20]],
    ['Twilio answers 429', 'twilio', 'twilio_sms', 'status429', /^rate limited \(HTTP 429\)$/, [10, 20]],
    ['PagerDuty answers 500', 'pagerduty', 'pagerduty', 'fail500', /^provider error \(HTTP 500\)$/, [10, 20]],
    ['Opsgenie drops the connection', 'opsgenie', 'opsgenie', 'drop', /^network error$/, [10, 20]],
    ['a proxy answers 200 with HTML', 'opsgenie', 'opsgenie', 'garbage', /^unreadable answer$/, [10, 20]],
    ['the webhook receiver answers 429 with Retry-After: 1', 'webhook', 'webhook', 'status429', /^rate limited \(HTTP 429\)$/, [1000, 1000]],
  ];

  test.each(cases)('%s: retries, then reports the failure', async (_label, fake, provider, mode, reason, expectedWaits) => {
    fakes[fake].setMode(mode);
    const { waits, sleep } = recordingSleep();
    const results = await pageAll(pagersFor([provider as (typeof PROVIDERS)[number]]), request, [ADA], { retries: 2, backoffMs: 10, sleep });

    expect(results).toEqual([expect.objectContaining({ ok: false, provider, retryable: true, reason: expect.stringMatching(reason) })]);
    expect(fakes[fake].requests).toHaveLength(3);
    expect(waits).toEqual(expectedWaits);
  });

  test.each([['twilio_sms'], ['twilio_voice']] as const)('Twilio answering 2xx with a body it cannot read (%s): counts as delivered and sends once', async (provider) => {
    // No idempotency key at Twilio: a retry after a 2xx could send a second SMS or place a second call.
    fakes.twilio.setMode('garbage');
    const results = await pageAll(pagersFor([provider]), request, [ADA], options());
    expect(results).toEqual([{ ok: true, provider, target: 'U0ADA' }]);
    expect(fakes.twilio.requests).toHaveLength(1);
  });

  test('succeeds on a retry once the provider recovers', async () => {
    fakes.pagerduty.setMode('fail500', { times: 2 });
    const results = await pageAll(pagersFor(['pagerduty']), request, [ADA], options());
    expect(results).toEqual([expect.objectContaining({ ok: true, provider: 'pagerduty' })]);
    expect(fakes.pagerduty.requests.map((r) => r.mode)).toEqual(['fail500', 'fail500', 'ok']);
  });

  const rejected: Array<[label: string, fake: 'twilio' | 'opsgenie' | 'webhook', provider: (typeof PROVIDERS)[number], reason: string]> = [
    ['Twilio', 'twilio', 'twilio_voice', 'rejected credentials (HTTP 401, Twilio error 20003)'],
    ['Opsgenie', 'opsgenie', 'opsgenie', 'rejected credentials (HTTP 401)'],
    ['the webhook receiver', 'webhook', 'webhook', 'rejected credentials (HTTP 401)'],
  ];

  test.each(rejected)('%s answering 401: reports rejected credentials without retrying', async (_label, fake, provider, reason) => {
    fakes[fake].setMode('unauthorized');
    const results = await pageAll(pagersFor([provider]), request, [ADA], options());
    expect(results).toEqual([expect.objectContaining({ ok: false, provider, retryable: false, reason })]);
    expect(fakes[fake].requests).toHaveLength(1);
  });

  test('a wrong Twilio auth token is rejected by the fake itself, not retried', async () => {
    const pagers = pagersFor(['twilio_sms'], { twilio: { ...config().twilio, authToken: 'wrong-token' } });
    const results = await pageAll(pagers, request, [ADA], options());
    expect(results).toEqual([expect.objectContaining({ ok: false, retryable: false, reason: expect.stringMatching(/^rejected credentials \(HTTP 401/) })]);
    expect(fakes.twilio.requests).toHaveLength(1);
  });

  test('a person without a phone gets no SMS or call, and the rest still go out', async () => {
    const results = await pageAll(pagersFor(['twilio_sms', 'slack_dm']), request, [{ slack: 'U0NOPHONE' }], options());
    expect(results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ok: false, provider: 'twilio_sms', retryable: false, reason: 'no phone number for this person' }),
        expect.objectContaining({ ok: true, provider: 'slack_dm', target: 'U0NOPHONE' }),
      ]),
    );
    expect(fakes.twilio.requests).toHaveLength(0);
  });
});

describe('when a provider hangs', () => {
  test('the others report first; the hanging one times out and is retried', async () => {
    fakes.opsgenie.setMode('hang', { times: 1 });
    const order: string[] = [];
    const results = await pageAll(pagersFor(PROVIDERS, { timeoutMs: 1_000 }), request, [ADA, BOB], options({ onResult: (r) => order.push(r.provider) }));

    expect(order).toHaveLength(10);
    expect(order[order.length - 1]).toBe('opsgenie');
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fakes.opsgenie.requests.map((r) => r.mode)).toEqual(['hang', 'ok']);
  });

  test('reports a timeout when it never answers, after everyone else', async () => {
    fakes.twilio.setMode('hang');
    const order: PageResult[] = [];
    await pageAll(pagersFor(['twilio_voice', 'pagerduty', 'opsgenie', 'webhook'], { timeoutMs: 1_000 }), request, [ADA], options({ retries: 0, onResult: (r) => order.push(r) }));

    expect(order.map((r) => r.provider)).toEqual([expect.any(String), expect.any(String), expect.any(String), 'twilio_voice']);
    expect(order.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(order[3]).toMatchObject({ ok: false, retryable: true, reason: 'timed out after 1000 ms' });
  });
});

describe('logging', () => {
  test('never writes phone numbers or provider credentials, whatever happens', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ level: 'trace', pretty: false }, sink);
    const shortPhone: PageTarget = { slack: 'U0CAROL', phone: '+1555' }; // Twilio quotes invalid numbers back in its error

    await pageAll(pagersFor(), request, [ADA, BOB, shortPhone], options({ log }));
    fakes.twilio.setMode('fail500');
    fakes.opsgenie.setMode('unauthorized');
    await pageAll(pagersFor(), request, [ADA], options({ log, retries: 1 }));

    const output = lines.join('');
    expect(output).toContain('page delivered');
    expect(output).toContain('page failed');
    expect(output).toContain('Twilio error 21211');
    for (const secret of [ADA.phone!, BOB.phone!, '+1555', fakes.twilio.authToken, fakes.twilio.accountSid, fakes.pagerduty.routingKey, fakes.opsgenie.apiKey, fakes.webhook.secret, 'xoxb-test-token']) {
      expect(output).not.toContain(secret);
    }
  });
});

describe('the provider fakes', () => {
  // The checks above only mean something if the fakes refuse what the providers refuse. One row per
  // rule, each a request Quadrant must never send.
  const basic = () => `Basic ${Buffer.from(`${fakes.twilio.accountSid}:${fakes.twilio.authToken}`).toString('base64')}`;
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const json = { 'content-type': 'application/json' };
  const twilioPath = (resource: string) => `${fakes.twilio.url}/2010-04-01/Accounts/${fakes.twilio.accountSid}/${resource}.json`;
  const pd = (event: object) => JSON.stringify({ routing_key: fakes.pagerduty.routingKey, ...event });
  const genie = () => ({ ...json, authorization: `GenieKey ${fakes.opsgenie.apiKey}` });
  const trigger = { event_action: 'trigger', payload: { summary: 's', source: 'quadrant', severity: 'critical' } };

  const cases: Array<[label: string, fake: 'twilio' | 'pagerduty' | 'opsgenie', send: () => [string, RequestInit], issue: RegExp]> = [
    ['Twilio: a parameter the API does not define', 'twilio', () => [twilioPath('Messages'), { method: 'POST', headers: { ...form, authorization: basic() }, body: 'To=%2B36201234567&From=%2B15005550006&Body=x&Urgent=yes' }], /unknown parameter Urgent/],
    ['Twilio: an SMS without a body', 'twilio', () => [twilioPath('Messages'), { method: 'POST', headers: { ...form, authorization: basic() }, body: 'To=%2B36201234567&From=%2B15005550006' }], /content \(Body/],
    ['Twilio: an enum value the spec does not list', 'twilio', () => [twilioPath('Messages'), { method: 'POST', headers: { ...form, authorization: basic() }, body: 'To=%2B36201234567&From=%2B15005550006&Body=x&ContentRetention=forever' }], /ContentRetention must be equal to one of the allowed values/],
    ['Twilio: JSON instead of a form', 'twilio', () => [twilioPath('Messages'), { method: 'POST', headers: { ...json, authorization: basic() }, body: '{}' }], /x-www-form-urlencoded/],
    ['Twilio: TwiML that is not XML', 'twilio', () => [twilioPath('Calls'), { method: 'POST', headers: { ...form, authorization: basic() }, body: new URLSearchParams({ To: '+36201234567', From: '+15005550006', Twiml: '<Response><Say>a & b</Say></Response>' }).toString() }], /unescaped "&"/],
    ['Twilio: a call with nothing to play', 'twilio', () => [twilioPath('Calls'), { method: 'POST', headers: { ...form, authorization: basic() }, body: 'To=%2B36201234567&From=%2B15005550006' }], /one of Url, Twiml or ApplicationSid/],
    ['Twilio: no credentials', 'twilio', () => [twilioPath('Messages'), { method: 'POST', headers: form, body: 'To=%2B36201234567&From=%2B15005550006&Body=x' }], /no HTTP Basic/],
    ['PagerDuty: a severity the spec does not list', 'pagerduty', () => [fakes.pagerduty.eventsUrl, { method: 'POST', headers: json, body: pd({ event_action: 'trigger', payload: { summary: 's', source: 'q', severity: 'fatal' } }) }], /severity must be equal to one of the allowed values/],
    ['PagerDuty: a routing key of the wrong length', 'pagerduty', () => [fakes.pagerduty.eventsUrl, { method: 'POST', headers: json, body: JSON.stringify({ ...trigger, routing_key: 'short' }) }], /not 32 characters/],
    ['PagerDuty: acknowledge without a dedup_key', 'pagerduty', () => [fakes.pagerduty.eventsUrl, { method: 'POST', headers: json, body: pd({ event_action: 'acknowledge' }) }], /dedup_key is required/],
    ['Opsgenie: a details value that is not a string', 'opsgenie', () => [`${fakes.opsgenie.url}/v2/alerts`, { method: 'POST', headers: genie(), body: JSON.stringify({ message: 'm', details: { tier: 1 } }) }], /\/details\/tier must be string/],
    ['Opsgenie: a message over 130 characters', 'opsgenie', () => [`${fakes.opsgenie.url}/v2/alerts`, { method: 'POST', headers: genie(), body: JSON.stringify({ message: 'm'.repeat(131) }) }], /over 130/],
    ['Opsgenie: a bearer token instead of GenieKey', 'opsgenie', () => [`${fakes.opsgenie.url}/v2/alerts`, { method: 'POST', headers: { ...json, authorization: `Bearer ${fakes.opsgenie.apiKey}` }, body: JSON.stringify({ message: 'm' }) }], /GenieKey/],
  ];

  test.each(cases)('%s is recorded as a validation failure', async (_label, fake, send, issue) => {
    const [url, init] = send();
    const response = await fetch(url, init);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(fakes[fake].validationFailures().flatMap((f) => f.issues)).toEqual(expect.arrayContaining([expect.stringMatching(issue)]));
  });
});

describe('without the spec files (the sandbox as shipped)', () => {
  test('the fakes fall back to structural checks that still catch broken requests', async () => {
    const [twilio, opsgenie] = await Promise.all([startTwilioFake({ specDir: '/nonexistent' }), startOpsgenieFake({ specDir: null })]);
    try {
      expect([twilio.specSource, opsgenie.specSource]).toEqual(['structural', 'structural']);
      const pagers = pagersFor(['twilio_voice', 'opsgenie'], {
        twilio: { apiUrl: twilio.url, accountSid: twilio.accountSid, authToken: twilio.authToken, from: '+15005550006' },
        opsgenie: { apiUrl: opsgenie.url, apiKey: opsgenie.apiKey },
      });
      expect((await pageAll(pagers, request, [ADA], options())).every((r) => r.ok)).toBe(true);
      expect([...twilio.validationFailures(), ...opsgenie.validationFailures()]).toEqual([]);

      await fetch(`${opsgenie.url}/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `GenieKey ${opsgenie.apiKey}` }, body: '{"alias":"no message"}' });
      expect(opsgenie.validationFailures().flatMap((f) => f.issues)).toContain('message is required');
    } finally {
      await Promise.all([twilio.stop(), opsgenie.stop()]);
    }
  });
});

describe('provider callbacks sent by the fakes', () => {
  // The fakes sign with their own code; Quadrant's verifiers must accept exactly that, and nothing forged.
  interface Captured {
    url: string;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }
  let hook: { url: string; captured: Captured[]; server: Server };

  beforeAll(async () => {
    const captured: Captured[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        captured.push({ url: `${hook.url}${req.url}`, headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end('<Response/>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hook = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, captured, server };
  });
  afterAll(() => new Promise<void>((resolve) => hook.server.close(() => resolve())));
  beforeEach(() => (hook.captured.length = 0));

  const signature = (c: Captured, name: string) => c.headers[name] as string | undefined;

  test('an SMS reply verifies with the auth token and reads as an acknowledgement', async () => {
    await fakes.twilio.sendSmsReply({ url: `${hook.url}/hooks/twilio`, from: ADA.phone!, body: 'ack 4821' });
    const [reply] = hook.captured;
    const verify = (authToken: string, body = reply!.body) => verifyTwilioRequest({ authToken, url: reply!.url, rawBody: body, signature: signature(reply!, 'x-twilio-signature') });

    expect(verify(fakes.twilio.authToken)).toBe(true);
    expect(verify('another-token')).toBe(false);
    expect(verify(fakes.twilio.authToken, reply!.body.replace('ack', 'res'))).toBe(false);
    expect(parseSmsReply(new URLSearchParams(reply!.body).get('Body')!)).toEqual({ action: 'ack', code: '4821' });
  });

  test('a key pressed in a paging call posts to the call\'s gather URL, signed, naming the emergency', async () => {
    await pageAll(pagersFor(['twilio_voice'], { publicUrl: hook.url }), request, [ADA], options());
    await fakes.twilio.sendVoiceKeypress({ call: fakes.twilio.calls()[0]!, digits: '1' });
    const [press] = hook.captured;
    const url = new URL(press!.url);

    expect(url.pathname).toBe('/hooks/twilio/voice');
    expect(verifyTwilioRequest({ authToken: fakes.twilio.authToken, url: press!.url, rawBody: press!.body, signature: signature(press!, 'x-twilio-signature') })).toBe(true);
    expect(parseVoiceKeypress(new URLSearchParams(press!.body), url.searchParams)).toEqual({ action: 'ack', team: 'T0TEAM', emergencyId: request.emergencyId, code: '4821' });
  });

  test('a PagerDuty webhook verifies with the subscription secret, during a rotation too', async () => {
    const key = emergencyKey(request.team, request.emergencyId);
    await fakes.pagerduty.sendWebhook({ url: `${hook.url}/hooks/pagerduty`, eventType: 'incident.resolved', incidentKey: key, secrets: ['old-secret', 'new-secret'] });
    const [webhook] = hook.captured;

    expect(verifyPagerDutySignature({ secrets: 'new-secret', rawBody: webhook!.body, header: signature(webhook!, 'x-pagerduty-signature') })).toBe(true);
    expect(verifyPagerDutySignature({ secrets: 'other-secret', rawBody: webhook!.body, header: signature(webhook!, 'x-pagerduty-signature') })).toBe(false);
    expect(parsePagerDutyWebhook(JSON.parse(webhook!.body))).toEqual({ action: 'resolve', team: 'T0TEAM', emergencyId: request.emergencyId });
  });

  test('an Opsgenie webhook carries the shared secret header and names the alert by alias', async () => {
    const alias = emergencyKey(request.team, request.emergencyId);
    await fakes.opsgenie.sendWebhook({ url: `${hook.url}/hooks/opsgenie`, action: 'Acknowledge', alias, secret: 'og-shared-secret' });
    const [webhook] = hook.captured;

    expect(verifyOpsgenieSecret({ secret: 'og-shared-secret', headers: webhook!.headers })).toBe(true);
    expect(verifyOpsgenieSecret({ secret: 'other', headers: webhook!.headers })).toBe(false);
    expect(parseOpsgenieWebhook(JSON.parse(webhook!.body))).toEqual({ action: 'ack', team: 'T0TEAM', emergencyId: request.emergencyId });
  });
});
