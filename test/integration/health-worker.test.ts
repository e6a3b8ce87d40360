import { parseEnv } from '../../src/config/env';
import { parseSettingsYaml } from '../../src/config/load';
import { startQuadrant, type RunningQuadrant } from '../../src/main';
import { startCredentialCheck } from '../../src/pagers/credential-check';
import { pagersConfigFromEnv } from '../../src/pagers';
import { startProviderFakes, type ProviderFakes } from '../../sandbox/fakes/provider-fakes';
import { ADA_PHONE, emergencyCodeIn, ephemeralText, eventually, memoryLogger, startEmergencyStack, twilioTo, type EmergencyStack } from '../helpers/emergency-stack';

interface Health {
  status: string;
  checks: Array<{ name: string; ok: boolean; detail?: string }>;
}

async function health(url: string): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${url}/health`);
  return { status: res.status, body: (await res.json()) as Health };
}

const workerCheck = (h: Health) => h.checks.find((c) => c.name === 'emergency_worker');

/** Issue 10.3: workers that escalate write a heartbeat; /health says when none has been alive recently. */
describe('the emergency worker heartbeat', () => {
  let clockOffset = 0;
  const clock = () => Date.now() + clockOffset;
  let web: EmergencyStack;
  let worker: RunningQuadrant | undefined;
  beforeAll(async () => {
    web = await startEmergencyStack({ role: 'web', now: clock });
  });
  afterAll(async () => {
    await worker?.stop();
    await web?.stop();
  });

  test('with no emergency worker running, /health says so (and stays 200: Redis decides that)', async () => {
    const { status, body } = await health(web.appUrl);
    expect(status).toBe(200);
    expect(workerCheck(body)).toMatchObject({ ok: false });
    expect(workerCheck(body)?.detail).toContain('no emergency worker is alive');
  });

  test('the web process still sends the first page itself, and /metrics counts it', async () => {
    const result = await web.driver.command('bob', '#ops', '/emergency', 'the API is timing out');
    const code = emergencyCodeIn(ephemeralText(result))!;
    await eventually(() => twilioTo(web.providers, ADA_PHONE).sms.some((m) => m.Body?.includes(code)), 'the SMS from the web process');
    const metrics = await eventually(async () => {
      const text = await (await fetch(`${web.appUrl}/metrics`)).text();
      return /quadrant_pages_total\{provider="twilio_sms",outcome="accepted"\} 1/.test(text) && text;
    }, 'the page in /metrics');
    expect(metrics).toMatch(/quadrant_pages_total\{provider="twilio_sms",outcome="sent"\} 1/);
    expect(metrics).toMatch(/quadrant_time_to_first_page_seconds_count 1/);
  });

  test('a running worker process makes it healthy; once it stops, /health says so again', async () => {
    const source = parseSettingsYaml(web.settingsYaml);
    if (!source.ok) throw new Error('settings');
    worker = await startQuadrant({ env: parseEnv({ ...web.env, PORT: '0' }), role: 'worker', logger: memoryLogger([]), settingsSource: source.value });
    const alive = await eventually(async () => {
      const { body } = await health(web.appUrl);
      return workerCheck(body)?.ok && body;
    }, 'the heartbeat');
    expect(workerCheck(alive)?.detail).toContain('alive');
    await worker.stop();
    worker = undefined;
    // Past three missed beats on the web process's clock: no sleeping in the test.
    clockOffset = 60_000;
    const { body } = await health(web.appUrl);
    expect(workerCheck(body)).toMatchObject({ ok: false });
    expect(workerCheck(body)?.detail).toContain('the last one was seen');
  });
});

describe('provider credential checks at start-up', () => {
  let fakes: ProviderFakes;
  beforeAll(async () => {
    fakes = await startProviderFakes();
  });
  afterAll(async () => {
    await fakes.stop();
  });

  test('reports accepted Twilio credentials, and says PagerDuty and the webhook cannot be checked', async () => {
    const logs: string[] = [];
    const check = startCredentialCheck(pagersConfigFromEnv(parseEnv(fakes.env)), memoryLogger(logs));
    const detail = await eventually(async () => {
      const d = await check();
      return d.detail !== 'still checking' && d;
    }, 'the check');
    expect(detail.ok).toBe(true);
    expect(detail.detail).toContain('twilio: credentials accepted');
    expect(detail.detail).toContain('pagerduty: not checked');
    expect(detail.detail).toContain('webhook: not checked');
    expect(fakes.twilio.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(fakes.pagerduty.requests).toHaveLength(0);
    expect(fakes.webhook.requests).toHaveLength(0);
  });

  test('a rejected credential is a clear log line and a failing /health detail, without the secret', async () => {
    const logs: string[] = [];
    const check = startCredentialCheck(pagersConfigFromEnv(parseEnv({ ...fakes.env, TWILIO_AUTH_TOKEN: 'wrong-token-0123456789' })), memoryLogger(logs));
    const detail = await eventually(async () => {
      const d = await check();
      return d.detail !== 'still checking' && d;
    }, 'the check');
    expect(detail.ok).toBe(false);
    expect(detail.detail).toContain('twilio: credentials rejected (HTTP 401): check TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN');
    const line = logs.map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => l.msg.startsWith('paging provider twilio'));
    expect(line?.level).toBe(50);
    expect(logs.join('')).not.toContain('wrong-token-0123456789');
  });
});
