import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runEmergency } from '../../src/cli/emergency';
import { parseEnv } from '../../src/config/env';
import { deletePrefix, testPrefix } from '../helpers/redis';
import { ADA_PHONE, eventually, memoryLogger, startEmergencyStack, TEAM_ID, twilioTo, type EmergencyStack } from '../helpers/emergency-stack';

/**
 * Issue 10.4: declaring without Slack. POST /api/emergencies and `quadrant emergency` take the same route as
 * /emergency. The command line runs in-process here (runEmergency is what bin/quadrant.js calls), with its
 * own Redis connections and no server or workers of its own, exactly as when run from a shell.
 */
describe('declaring through the API', () => {
  let s: EmergencyStack;
  beforeAll(async () => {
    s = await startEmergencyStack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${s.publicUrl}/api/emergencies`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const auth = () => ({ authorization: `Bearer ${s.secrets.apiToken}` });

  test('declares with a valid bearer token: 202 with id, code and the providers paged', async () => {
    const res = await post({ text: 'synthetic checks: checkout 100% errors', severity: 'error', reporter: 'monitoring' }, auth());
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: string; code: string; paged: string[]; duplicate: boolean };
    expect(body.code).toMatch(/^\d{4}$/);
    expect(body.paged).toEqual(expect.arrayContaining(['twilio_sms', 'twilio_voice', 'pagerduty', 'opsgenie', 'webhook', 'slack_dm']));
    expect(body.duplicate).toBe(false);
    await eventually(() => twilioTo(s.providers, ADA_PHONE).sms.some((m) => m.Body?.includes(body.code)), 'the SMS');
    const e = await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, body.id))?.post && s.app.deps.emergencies.get(TEAM_ID, body.id), 'the post');
    expect(e?.severity).toBe('error');
    expect(e?.origin).toBe('api');
    const message = s.driver.messagesIn('#emergencies').find((m) => m.ts === e?.post?.ts);
    expect(JSON.stringify(message?.blocks)).toContain('through the API');
  });

  test('the same Idempotency-Key twice is one emergency, paged once', async () => {
    const key = `alert-${Date.now()}`;
    const first = (await (await post({ text: 'disk full on db-1' }, { ...auth(), 'idempotency-key': key })).json()) as { id: string; code: string };
    const second = await post({ text: 'disk full on db-1' }, { ...auth(), 'idempotency-key': key });
    expect(second.status).toBe(202);
    const again = (await second.json()) as { id: string; duplicate: boolean };
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    const third = (await (await post({ text: 'disk full on db-1', idempotency_key: key }, auth())).json()) as { id: string };
    expect(third.id).toBe(first.id);
    await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, first.id))?.post, 'the post');
    expect(twilioTo(s.providers, ADA_PHONE).sms.filter((m) => m.Body?.includes(first.code))).toHaveLength(1);
  });

  // Every refusal names the problem in JSON and pages nobody.
  const refused: Array<[label: string, body: unknown, headers: () => Record<string, string>, status: number, error: string]> = [
    ['no Authorization header', { text: 'x' }, () => ({}), 401, 'missing_token'],
    ['a wrong bearer token', { text: 'x' }, () => ({ authorization: 'Bearer not-the-token-at-all' }), 401, 'invalid_token'],
    ['a Basic header instead of Bearer', { text: 'x' }, () => ({ authorization: `Basic ${Buffer.from(`u:${s.secrets.apiToken}`).toString('base64')}` }), 401, 'missing_token'],
    ['a body that is not JSON', '{"text": ', auth, 400, 'invalid_json'],
    ['no text', { severity: 'critical' }, auth, 400, 'invalid_text'],
    ['an unknown severity', { text: 'x', severity: 'apocalyptic' }, auth, 400, 'invalid_severity'],
    ['a body over 16 KB', { text: 'y'.repeat(20_000) }, auth, 413, 'payload_too_large'],
  ];
  test.each(refused)('refuses %s', async (_label, body, headers, status, error) => {
    const before = s.providers.twilio.requests.length;
    const res = await post(body, headers());
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(error);
    expect(s.providers.twilio.requests.length).toBe(before);
  });
});

describe('quadrant emergency on the command line', () => {
  let s: EmergencyStack;
  let dir: string;
  beforeAll(async () => {
    s = await startEmergencyStack();
    dir = mkdtempSync(path.join(tmpdir(), 'qe-cli-'));
    writeFileSync(path.join(dir, 'quadrant.yml'), s.settingsYaml);
    // The workspace id is learnt from Slack while it still answers (the CLI needs no --team then).
    await eventually(async () => (await s.app.deps.redis.smembers(s.app.deps.keys.teams())).includes(TEAM_ID), 'the workspace to be known');
  });
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: new Writable({ write: (c, _e, done) => ((stdout += String(c)), done()) }),
      stderr: new Writable({ write: (c, _e, done) => ((stderr += String(c)), done()) }),
    };
    const logs: string[] = [];
    const env = parseEnv({ ...s.env, QUADRANT_CONFIG: path.join(dir, 'quadrant.yml') });
    return runEmergency(args, io, { env, logger: memoryLogger(logs) }).then((code) => ({ code, stdout, stderr, logs }));
  }

  test('with Slack answering 500, still pages, and the post appears once Slack answers', async () => {
    s.slack.setDown(true);
    let out: Awaited<ReturnType<typeof run>>;
    try {
      out = await run(['the', 'SSO provider is down', '--severity', 'critical']);
      expect(out.code).toBe(0);
      const result = JSON.parse(out.stdout.trim()) as { id: string; code: string; team: string; paged: string[]; accepted: Array<{ provider: string }>; failed: Array<{ provider: string }> };
      expect(result.team).toBe(TEAM_ID);
      expect(result.paged).toContain('twilio_sms');
      expect(result.accepted.map((a) => a.provider)).toEqual(expect.arrayContaining(['twilio_sms', 'twilio_voice', 'pagerduty', 'opsgenie', 'webhook']));
      expect(result.failed.map((f) => f.provider)).toEqual(['slack_dm']);
      expect(out.stderr).toContain(`Emergency ${result.code} declared`);
      expect(twilioTo(s.providers, ADA_PHONE).sms.some((m) => m.Body?.includes(result.code))).toBe(true);
      // Recorded, escalation queued for the workers, post owed.
      const e = await s.app.deps.emergencies.get(TEAM_ID, result.id);
      expect(e?.origin).toBe('cli');
      expect(e?.post).toBeUndefined();
      expect(await s.app.deps.emergencies.pendingPosts()).toContainEqual({ team: TEAM_ID, id: result.id });
    } finally {
      s.slack.setDown(false);
    }
    const result = JSON.parse(out.stdout.trim()) as { id: string; code: string };
    const posted = await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, result.id))?.post, 'the post once Slack answers', 20_000);
    expect(s.driver.messagesIn('#emergencies').filter((m) => m.text?.includes(`Emergency ${result.code}`))).toHaveLength(1);
    await eventually(() => s.driver.threadOf('#emergencies', posted.ts).some((m) => m.text?.includes('could not be posted when it was declared; it was paged anyway')), 'what happened meanwhile, in the thread');
    expect(await s.app.deps.emergencies.pendingPosts()).not.toContainEqual({ team: TEAM_ID, id: result.id });
  });

  test('with no workspace known anywhere, says so in one line on stderr, with where it looked and what to do', async () => {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: new Writable({ write: (c, _e, done) => ((stdout += String(c)), done()) }),
      stderr: new Writable({ write: (c, _e, done) => ((stderr += String(c)), done()) }),
    };
    // A prefix no app has used, and a Slack that refuses connections: neither can say whose workspace this is.
    const prefix = testPrefix('qe-none');
    const redisUrl = new URL(s.env.REDIS_URL!);
    redisUrl.password = 'hunter2';
    // LOG_LEVEL as shipped (the stack debugs), so the test sees what a person running it would.
    const env = parseEnv({ ...s.env, LOG_LEVEL: 'info', REDIS_URL: redisUrl.toString(), QUADRANT_REDIS_PREFIX: prefix, SLACK_API_URL: 'http://127.0.0.1:1/api/' });
    // No logger passed: the command's own writes to stderr, as from a shell, so its warnings would show here.
    const code = await runEmergency(['checkout is down'], io, { env });
    const shown = new URL(redisUrl);
    shown.password = '***';
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `quadrant emergency: no workspace is known: none is recorded in Redis at ${shown.toString().replace(/\/$/, '')} (key prefix "${prefix}"), and Slack did not say whose SLACK_BOT_TOKEN is. Run Quadrant connected to Slack first (quadrant start, with the same REDIS_URL and QUADRANT_REDIS_PREFIX), or pass --team T0123ABCD.\n`,
    });
    expect(twilioTo(s.providers, ADA_PHONE).sms.some((m) => m.Body?.includes('checkout is down'))).toBe(false);
    await deletePrefix(prefix);
  });

  const bad: Array<[label: string, args: string[], message: string]> = [
    ['no text', [], 'say what is happening'],
    ['an unknown severity', ['db down', '--severity', 'huge'], '--severity must be one of'],
    ['an unknown option', ['db down', '--loud'], 'unknown option --loud'],
  ];
  test.each(bad)('refuses %s with exit 2 and a clear message', async (_label, args, message) => {
    const out = await run(args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(message);
  });
});
