import { escalationJobId } from '../../src/flows/emergency/schedule-escalation';
import { emergencyKey } from '../../src/pagers';
import type { Emergency } from '../../src/core/emergency';
import { ADA_PHONE, BOB_PHONE, emergencyCodeIn, ephemeralText, eventually, startEmergencyStack, TEAM_ID, twilioTo, type EmergencyStack } from '../helpers/emergency-stack';

/**
 * Issue 10.1: acknowledging away from Slack. The provider fakes call the hooks the way each provider does
 * (Twilio's signed form posts, PagerDuty's signed v3 webhook, Opsgenie's webhook with the shared secret).
 */
describe('provider callbacks', () => {
  let s: EmergencyStack;
  beforeAll(async () => {
    s = await startEmergencyStack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  async function declare(text: string): Promise<Emergency> {
    const result = await s.driver.command('bob', '#ops', '/emergency', text);
    const reply = ephemeralText(result);
    const code = emergencyCodeIn(reply)!;
    const e = await eventually(() => s.app.deps.emergencies.byCode(code), 'the emergency');
    await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, e.id))?.post, 'the post');
    await eventually(() => s.app.deps.queues.emergency.getJob(escalationJobId(e, 1)), 'the escalation job');
    return e;
  }

  async function expectAcknowledged(e: Emergency, via: string): Promise<void> {
    await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, e.id))?.status === 'acknowledged', 'acknowledged');
    expect(await s.app.deps.queues.emergency.getJob(escalationJobId(e, 1))).toBeUndefined();
    const post = (await s.app.deps.emergencies.get(TEAM_ID, e.id))!.post!;
    await eventually(() => s.driver.threadOf('#emergencies', post.ts).some((m) => m.text?.includes(`(via ${via})`)), 'the timeline in the thread');
    await eventually(() => JSON.stringify(s.driver.messagesIn('#emergencies').find((m) => m.ts === post.ts)?.blocks).includes('acknowledged by'), 'the message');
  }

  async function expectUnchanged(e: Emergency): Promise<void> {
    const now = await s.app.deps.emergencies.get(TEAM_ID, e.id);
    expect(now?.status).toBe('open');
    expect(await s.app.deps.queues.emergency.getJob(escalationJobId(e, 1))).toBeDefined();
  }

  describe('an SMS reply', () => {
    test('"ACK <code>" from a number on call acknowledges, stops escalation and tells the other providers', async () => {
      const e = await declare('orders are not being saved');
      const answer = await s.providers.twilio.sendSmsReply({ url: `${s.publicUrl}/hooks/twilio`, from: ADA_PHONE, body: `ack ${e.code}` });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatch(/^<\?xml[^>]*><Response><Message>Quadrant: emergency \d{4} acknowledged/);
      await expectAcknowledged(e, 'SMS');
      const key = emergencyKey(TEAM_ID, e.id);
      await eventually(() => s.providers.pagerduty.alerts().get(key)?.status === 'acknowledged', 'PagerDuty acknowledged');
      await eventually(() => s.providers.opsgenie.alerts().get(key)?.status === 'acked', 'Opsgenie acknowledged');
    });

    test('"RES <code>" resolves', async () => {
      const e = await declare('the billing batch double-charges');
      const answer = await s.providers.twilio.sendSmsReply({ url: `${s.publicUrl}/hooks/twilio`, from: BOB_PHONE, body: `RES ${e.code}` });
      expect(answer.body).toContain('resolved');
      await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, e.id))?.status === 'resolved', 'resolved');
      await eventually(() => s.providers.pagerduty.alerts().get(emergencyKey(TEAM_ID, e.id))?.status === 'resolved', 'PagerDuty resolved');
    });

    test("from a stranger's number is answered politely and changes nothing", async () => {
      const e = await declare('the mobile app crashes on start');
      const answer = await s.providers.twilio.sendSmsReply({ url: `${s.publicUrl}/hooks/twilio`, from: '+15555550199', body: `ACK ${e.code}` });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('not on call');
      await expectUnchanged(e);
    });

    test('that is not a command gets the help text and changes nothing', async () => {
      const e = await declare('webhooks to partners are failing');
      const answer = await s.providers.twilio.sendSmsReply({ url: `${s.publicUrl}/hooks/twilio`, from: ADA_PHONE, body: 'on my way' });
      expect(answer.body).toContain('reply ACK');
      await expectUnchanged(e);
    });
  });

  test('pressing 1 during the voice call acknowledges', async () => {
    const e = await declare('the admin panel is unreachable');
    const call = await eventually(() => twilioTo(s.providers, ADA_PHONE).calls.find((c) => c.Twiml?.includes(`emergency=${e.id}`)), 'the call');
    const answer = await s.providers.twilio.sendVoiceKeypress({ call, digits: '1' });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<Say>Acknowledged.');
    await expectAcknowledged(e, 'phone call');
  });

  test('a PagerDuty webhook (incident.acknowledged) acknowledges', async () => {
    const e = await declare('the reporting database is corrupt');
    const answer = await s.providers.pagerduty.sendWebhook({ url: `${s.publicUrl}/hooks/pagerduty`, eventType: 'incident.acknowledged', incidentKey: emergencyKey(TEAM_ID, e.id), secrets: ['old-secret-being-rotated-out', s.secrets.pagerduty] });
    expect(answer.status).toBe(200);
    await expectAcknowledged(e, 'PagerDuty');
    await eventually(() => s.providers.opsgenie.alerts().get(emergencyKey(TEAM_ID, e.id))?.status === 'acked', 'Opsgenie told');
  });

  test('an Opsgenie webhook (Acknowledge) acknowledges', async () => {
    const e = await declare('the status page is down');
    const answer = await s.providers.opsgenie.sendWebhook({ url: `${s.publicUrl}/hooks/opsgenie`, action: 'Acknowledge', alias: emergencyKey(TEAM_ID, e.id), secret: s.secrets.opsgenie });
    expect(answer.status).toBe(200);
    await expectAcknowledged(e, 'Opsgenie');
    await eventually(() => s.providers.pagerduty.alerts().get(emergencyKey(TEAM_ID, e.id))?.status === 'acknowledged', 'PagerDuty told');
  });

  describe('a callback that fails its check', () => {
    // Each provider's scheme broken the ways it can be: wrong secret, none at all, or signed for another URL.
    type Forge = (e: Emergency) => Promise<{ status: number }>;
    const forged: Array<[label: string, forge: Forge]> = [
      ['an SMS reply signed with another auth token', (e) => s.providers.twilio.sendSmsReply({ url: `${s.publicUrl}/hooks/twilio`, from: ADA_PHONE, body: `ACK ${e.code}`, authToken: 'not-the-auth-token' })],
      ['an SMS reply without X-Twilio-Signature', (e) => fetch(`${s.publicUrl}/hooks/twilio`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ From: ADA_PHONE, Body: `ACK ${e.code}` }) })],
      [
        'an SMS reply signed for the forwarded URL instead of PUBLIC_URL',
        async (e) => {
          const forwarded = `${s.publicUrl.replace('127.0.0.1', 'localhost')}/hooks/twilio`;
          const answer = await s.providers.twilio.sendSmsReply({ url: forwarded, from: ADA_PHONE, body: `ACK ${e.code}` });
          return answer;
        },
      ],
      [
        'a key press signed with another auth token',
        async (e) => {
          const call = await eventually(() => twilioTo(s.providers, ADA_PHONE).calls.find((c) => c.Twiml?.includes(`emergency=${e.id}`)), 'the call');
          return s.providers.twilio.sendVoiceKeypress({ call, digits: '1', authToken: 'not-the-auth-token' });
        },
      ],
      ['a PagerDuty webhook signed with another secret', (e) => s.providers.pagerduty.sendWebhook({ url: `${s.publicUrl}/hooks/pagerduty`, eventType: 'incident.acknowledged', incidentKey: emergencyKey(TEAM_ID, e.id), secrets: 'not-the-secret' })],
      ['a PagerDuty webhook without a signature', (e) => fetch(`${s.publicUrl}/hooks/pagerduty`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event: { event_type: 'incident.acknowledged', data: { incident_key: emergencyKey(TEAM_ID, e.id) } } }) })],
      ['an Opsgenie webhook with the wrong secret', (e) => s.providers.opsgenie.sendWebhook({ url: `${s.publicUrl}/hooks/opsgenie`, action: 'Acknowledge', alias: emergencyKey(TEAM_ID, e.id), secret: 'not-the-secret' })],
      ['an Opsgenie webhook without the secret header', (e) => s.providers.opsgenie.sendWebhook({ url: `${s.publicUrl}/hooks/opsgenie`, action: 'Acknowledge', alias: emergencyKey(TEAM_ID, e.id) })],
    ];
    test.each(forged)('%s gets 401 and changes nothing', async (_label, forge) => {
      const e = await declare(`forged callback check ${_label}`);
      const answer = await forge(e);
      expect(answer.status).toBe(401);
      await expectUnchanged(e);
    });
  });

  test('the hooks never log phone numbers or secrets', () => {
    const logs = s.logs.join('');
    for (const secret of [ADA_PHONE, BOB_PHONE, '+15555550199', s.secrets.pagerduty, s.secrets.opsgenie, s.env.TWILIO_AUTH_TOKEN!]) expect(logs).not.toContain(secret);
  });
});
