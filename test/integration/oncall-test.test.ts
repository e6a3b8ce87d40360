import { getOncallTest, runOncallTest, type OncallTestReport } from '../../src/flows/emergency/oncall-test';
import { emergencyKey } from '../../src/pagers';
import { oncallTestMessage } from '../../src/slack/blocks/oncall-test-blocks';
import { ADA_PHONE, BOB_PHONE, eventually, startEmergencyStack, TEAM_ID, twilioTo, type EmergencyStack } from '../helpers/emergency-stack';

/** Issue 10.2: `/quadrant oncall test` pages everyone through everything, marked [TEST], and reports per line. */
describe('the on-call test', () => {
  let s: EmergencyStack;
  let report: OncallTestReport;
  beforeAll(async () => {
    s = await startEmergencyStack();
    // One provider failing, as the done-when asks: its line must say so, and why.
    s.providers.opsgenie.setMode('fail500');
    report = await runOncallTest(s.app.deps, TEAM_ID, 'U0ADA');
    s.providers.opsgenie.setMode('ok');
  });
  afterAll(async () => {
    await s?.stop();
  });

  test('reports one line per person and per-person provider, and one per service-wide provider', () => {
    const lines = report.lines.map((l) => `${l.person ?? '-'} ${l.provider} ${l.ok ? 'ok' : 'failed'}`).sort();
    expect(lines).toEqual(
      [
        ...['U0ADA', 'U0BOB'].flatMap((p) => ['slack_dm', 'twilio_sms', 'twilio_voice', 'webhook'].map((provider) => `${p} ${provider} ok`)),
        '- opsgenie failed',
        '- pagerduty ok',
      ].sort(),
    );
    expect(report.lines.find((l) => l.provider === 'opsgenie')?.reason).toBe('provider error (HTTP 500)');
    expect(report.lines.find((l) => l.person === 'U0BOB')?.tiers).toEqual([2]);
  });

  test('marks every page as a test', () => {
    expect(twilioTo(s.providers, ADA_PHONE).sms.find((m) => m.Body?.includes(report.code))?.Body).toMatch(/^\[TEST\] QUADRANT EMERGENCY/);
    expect(twilioTo(s.providers, BOB_PHONE).calls.find((c) => c.Twiml?.includes(`emergency=${report.id}`))?.Twiml).toContain('[TEST] This is a test page.');
    const trigger = s.providers.pagerduty.events().find((e) => e.dedup_key === emergencyKey(TEAM_ID, report.id));
    expect(trigger?.payload.summary).toMatch(/^\[TEST\]/);
    expect(s.providers.webhook.deliveries().filter((d) => d.body.data?.emergency_id === report.id).every((d) => d.body.data.test === true)).toBe(true);
  });

  test('renders the report with one line per person and provider, failures and their reasons', () => {
    const message = oncallTestMessage(report);
    const body = JSON.stringify(message.blocks);
    expect(message.text).toContain('9 of 10 test pages accepted');
    expect(body).toContain('failed: provider error (HTTP 500)');
    expect((body.match(/\\n•|• /g) ?? []).length).toBe(10);
  });

  test('an ACK reply with the test code marks the person acknowledged and tells the admin who ran it', async () => {
    const answer = await s.providers.twilio.sendSmsReply({ url: `${s.publicUrl}/hooks/twilio`, from: BOB_PHONE, body: `ACK ${report.code}` });
    expect(answer.body).toContain('test page');
    const stored = await getOncallTest(s.app.deps, TEAM_ID, report.id);
    expect(stored?.lines.filter((l) => l.person === 'U0BOB').every((l) => l.acknowledged?.via === 'SMS')).toBe(true);
    expect(stored?.lines.filter((l) => l.person === 'U0ADA').some((l) => l.acknowledged)).toBe(false);
    await eventually(() => s.driver.dmsTo('ada').some((m) => m.text?.includes('<@U0BOB> acknowledged the on-call test')), 'the DM to the admin');
    expect(oncallTestMessage(stored!).blocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(oncallTestMessage(stored!).blocks)).toContain('acknowledged via SMS');
  });

  test('an acknowledgement in PagerDuty marks its line', async () => {
    const answer = await s.providers.pagerduty.sendWebhook({ url: `${s.publicUrl}/hooks/pagerduty`, eventType: 'incident.acknowledged', incidentKey: emergencyKey(TEAM_ID, report.id), secrets: s.secrets.pagerduty });
    expect(answer.status).toBe(200);
    const stored = await getOncallTest(s.app.deps, TEAM_ID, report.id);
    expect(stored?.lines.find((l) => l.provider === 'pagerduty')?.acknowledged?.via).toBe('PagerDuty');
  });

  test("a stranger's reply to the test code changes nothing", async () => {
    const answer = await s.providers.twilio.sendSmsReply({ url: `${s.publicUrl}/hooks/twilio`, from: '+15555550177', body: `ACK ${report.code}` });
    expect(answer.body).toContain('not on call');
    const stored = await getOncallTest(s.app.deps, TEAM_ID, report.id);
    expect(stored?.lines.filter((l) => l.person === 'U0ADA').some((l) => l.acknowledged)).toBe(false);
  });
});
