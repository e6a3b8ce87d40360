import type { Emergency } from '../../src/core/emergency';
import { drainEmergencyWork } from '../../src/flows/emergency/inflight';
import { postPendingEmergencies } from '../../src/flows/emergency/post-pending';
import { ADA_PHONE, emergencyCodeIn, emergencySettingsYaml, ephemeralText, eventually, startEmergencyStack, TEAM_ID, twilioTo, type EmergencyStack } from '../helpers/emergency-stack';

/**
 * When an emergency cannot be declared or posted, the people who need to know are told, in words that cannot
 * be turned against them: the reporter learns nobody was paged, the admins get the text escaped and cut.
 */

async function declare(s: EmergencyStack, text: string, user = 'bob'): Promise<{ reply: string; e: Emergency }> {
  const reply = ephemeralText(await s.driver.command(user, '#ops', '/emergency', text));
  const code = emergencyCodeIn(reply);
  if (!code) throw new Error(`no emergency code in ${JSON.stringify(reply)}`);
  const e = await eventually(async () => (await s.app.deps.emergencies.byCode(code)) ?? undefined, `emergency ${code} in Redis`);
  return { reply, e };
}

async function openForm(s: EmergencyStack, user: string) {
  await s.driver.command(user, '#ops', '/emergency', '');
  return eventually(() => s.driver.openModal(user), 'the emergency form');
}

const NOT_DECLARED = 'was not declared';

describe('the emergency form and the channel post, when something fails', () => {
  let s: EmergencyStack;
  // The one fault no HTTP fake can cause: the declaration itself throws (here, its first look at the clock).
  let clockBroken = false;
  beforeAll(async () => {
    s = await startEmergencyStack({
      // No Slack DM page, so the only chat.postMessage of a declaration is its channel post; a long ack
      // timeout, so no escalation posts to a thread in the middle of a test.
      settingsYaml: emergencySettingsYaml({ providers: '[twilio_sms, twilio_voice, pagerduty]', ackTimeout: '1h' }),
      now: () => {
        if (clockBroken) throw new Error('the clock failed (test fault)');
        return Date.now();
      },
    });
  });
  afterAll(async () => {
    await s?.stop();
  });

  test('a form that fails to declare tells the reporter, in the channel it came from, that nobody was paged', async () => {
    const modal = await openForm(s, 'bob');
    clockBroken = true;
    let told: { text?: string };
    try {
      const submit = await s.driver.submitView('bob', modal.id, { text: 'payments API returns 502 for everyone' });
      expect(submit.delivery.status).toBe(200);
      told = await eventually(() => s.driver.ephemeralsFor('bob', '#ops').find((m) => m.text?.includes(NOT_DECLARED)), 'the ephemeral to the reporter');
    } finally {
      clockBroken = false;
    }
    expect(told.text).toContain('nobody was paged');
    expect(told.text).toContain('call the on-call directly');
    expect(told.text).toContain('`/emergency <what is happening>`');
    expect((await s.app.deps.emergencies.listOpen(TEAM_ID)).filter((e) => e.text.startsWith('payments API'))).toHaveLength(0);
    expect(twilioTo(s.providers, ADA_PHONE).sms.filter((m) => m.Body?.includes('payments API'))).toHaveLength(0);
    expect(s.driver.dmsTo('bob').filter((m) => m.text?.includes(NOT_DECLARED))).toHaveLength(0);
  });

  test('when the ephemeral cannot be shown, the reporter is told by DM', async () => {
    const modal = await openForm(s, 'cat');
    s.slack.failMethod('chat.postEphemeral', 'channel_not_found', 1);
    clockBroken = true;
    try {
      await s.driver.submitView('cat', modal.id, { text: 'the SSO provider rejects every login' });
      const dm = await eventually(() => s.driver.dmsTo('cat').find((m) => m.text?.includes(NOT_DECLARED)), 'the DM to the reporter');
      expect(dm.text).toContain('nobody was paged');
    } finally {
      clockBroken = false;
      s.slack.clearFaults();
    }
  });

  test('a form submitted twice is declared once, and the second submission says nothing', async () => {
    const modal = await openForm(s, 'bob');
    const before = s.driver.ephemeralsFor('bob', '#ops').length;
    const submit = await s.driver.submitView('bob', modal.id, { text: 'the loading dock doors will not open' });
    const declared = await eventually(() => s.driver.ephemeralsFor('bob', '#ops').slice(before).find((m) => m.text?.includes('declared')), 'the declared reply');
    const code = emergencyCodeIn(declared.text ?? '');
    const e = await eventually(async () => (code ? await s.app.deps.emergencies.byCode(code) : undefined), 'the emergency');
    await s.driver.redeliver(submit.delivery, { num: 1 });
    await eventually(() => s.logs.some((line) => line.includes('duplicate declaration ignored') && line.includes(e.id)), 'the duplicate seen');
    await drainEmergencyWork(s.app.deps, 15_000);
    const after = s.driver.ephemeralsFor('bob', '#ops').slice(before);
    expect(after.filter((m) => m.text?.includes(NOT_DECLARED))).toHaveLength(0);
    expect(after.filter((m) => m.text?.includes(`*${e.code}* declared`))).toHaveLength(1);
    expect(s.driver.dmsTo('bob').filter((m) => m.text?.includes(NOT_DECLARED))).toHaveLength(0);
  });

  test('a post Slack refuses as invalid_blocks is not retried forever: the admins are told, the pages go out', async () => {
    // Nothing else of an earlier test may be posting when the fault is set.
    expect(await drainEmergencyWork(s.app.deps, 15_000)).toBe(0);
    s.slack.failMethod('chat.postMessage', 'invalid_blocks', 1);
    const postsBefore = s.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0EMERG').length;
    try {
      const { e } = await declare(s, 'the order database is read-only');
      const dm = await eventually(() => s.driver.dmsTo('ada').find((m) => m.text?.includes(`*${e.code}*`) && m.text.includes('could not be posted')), 'the DM to the admin');
      expect(dm.text).toContain('Slack said invalid_blocks');
      expect(dm.text).not.toContain('It will be posted when Slack answers again');
      await eventually(() => twilioTo(s.providers, ADA_PHONE).sms.some((m) => m.Body?.includes(e.code)), 'the SMS page');
      await drainEmergencyWork(s.app.deps, 15_000);
      expect((await s.app.deps.emergencies.pendingPosts()).map((p) => p.id)).not.toContain(e.id);
      expect(await postPendingEmergencies(s.app.deps)).toBe(0);
      expect(s.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0EMERG')).toHaveLength(postsBefore + 1);
      const stored = await s.app.deps.emergencies.get(TEAM_ID, e.id);
      expect(stored?.status).toBe('open');
      expect(stored?.post).toBeUndefined();
    } finally {
      s.slack.clearFaults();
    }
  });
});

describe('when the emergency channel cannot be posted to, the admins DM', () => {
  let s: EmergencyStack;
  beforeAll(async () => {
    s = await startEmergencyStack({ settingsYaml: emergencySettingsYaml({ channel: 'C0GONE', ackTimeout: '1h' }) });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const DISGUISED = 'db down <https://evil.example|https://status.acme.com>';
  const SHOWN = '>db down https://status.acme.com (<https://evil.example>)';

  test('shows a disguised link with its real target', async () => {
    const { e } = await declare(s, DISGUISED);
    const dm = await eventually(() => s.driver.dmsTo('ada').find((m) => m.text?.includes(`*${e.code}*`) && m.text.includes('could not be posted')), 'the DM to the admin');
    expect(dm.text).toContain(SHOWN);
    expect(dm.text).not.toContain('|https://status.acme.com>');
  });

  test('cuts a long text to 500 characters, never through an entity', async () => {
    const { e } = await declare(s, `${'a &lt;b&gt; &amp; '.repeat(60)}END`);
    const dm = await eventually(() => s.driver.dmsTo('ada').find((m) => m.text?.includes(`*${e.code}*`) && m.text.includes('could not be posted')), 'the DM to the admin');
    const quote = dm.text!.slice(dm.text!.indexOf('\n') + 1);
    expect(quote.startsWith('>a &lt;b&gt; &amp; ')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(500);
    expect(quote.endsWith('…')).toBe(true);
    expect(quote.slice(0, -1)).not.toMatch(/&[a-z]*$/);
    expect(quote).not.toContain('END');
  });

  test('an owed post the channel still refuses is dropped, with the text escaped in the DM', async () => {
    const now = Date.now();
    const owed: Emergency = { id: 'emf00dfeed42', team: TEAM_ID, code: '7312', text: DISGUISED, severity: 'critical', reporter: 'U0BOB', origin: 'cli', declaredAt: now, status: 'open', step: 0 };
    const stored = await s.app.deps.emergencies.create(owed, 'test-owed-post');
    expect('created' in stored && stored.created).toBe(true);
    await s.app.deps.emergencies.addPendingPost(TEAM_ID, owed.id);
    // The upkeep may get to it first; either way it is tried once and the admins are told once.
    await postPendingEmergencies(s.app.deps);
    const dm = await eventually(() => s.driver.dmsTo('ada').find((m) => m.text?.includes('*7312*') && m.text.includes('still could not be posted')), 'the DM to the admin');
    expect(dm.text).toContain(SHOWN);
    expect(dm.text).not.toContain('|https://status.acme.com>');
    expect((await s.app.deps.emergencies.pendingPosts()).map((p) => p.id)).not.toContain(owed.id);
  });
});
