import type { Figures } from '../../src/core/report';
import { periodWeeks } from '../../src/core/report';
import { actOnEmergency } from '../../src/flows/emergency/act';
import { replaySpool } from '../../src/flows/emergency/replay-spool';
import { buildReportView } from '../../src/flows/evaluation/report';
import { EMERGENCY_ACTIONS } from '../../src/slack/blocks/emergency-blocks';
import { emergencyCodeIn, emergencySettingsYaml, ephemeralText, eventually, startEmergencyStack, TEAM_ID, type EmergencyStack } from '../helpers/emergency-stack';

/**
 * The emergency figures of the reports come from the emergency path itself: a declaration through the app,
 * its pages and an acknowledgement show up in the workspace's weekly report, each once.
 */

const MIN = 60_000;
// Tier 1 is ada alone, paged by each of the six providers once.
const TIER_ONE_PAGES = 6;

describe('an emergency declared and acknowledged through the app', () => {
  let s: EmergencyStack;
  let offset = 0;
  beforeAll(async () => {
    // A long ack timeout keeps tier 2 out of the counts however slow the run.
    s = await startEmergencyStack({ settingsYaml: emergencySettingsYaml({ ackTimeout: '30m' }), now: () => Date.now() + offset });
  });
  afterAll(async () => {
    await s?.stop();
  });

  async function figures(): Promise<Figures> {
    const view = await buildReportView(s.app.deps, TEAM_ID, periodWeeks('week', s.app.deps.now(), 'UTC'), true);
    return view.report.current;
  }

  test('counts one emergency, its pages, one acknowledgement and the time to it in the weekly report', async () => {
    const result = await s.driver.command('bob', '#ops', '/emergency', 'payments are failing for everyone');
    const code = emergencyCodeIn(ephemeralText(result));
    expect(code).toBeDefined();
    const declared = await eventually(() => s.app.deps.emergencies.byCode(code!), 'the emergency in Redis');
    // Slack retries the command, and a second process' replay finds nothing journalled: neither counts again.
    await s.driver.redeliver(result.delivery, { num: 1, reason: 'http_timeout' });
    await replaySpool(s.app.deps);
    await eventually(async () => (await figures()).pages === TIER_ONE_PAGES, 'every tier-1 page counted');

    offset += 4 * MIN;
    const post = await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, declared.id))?.post, 'the emergency post');
    await s.driver.clickButton('ada', { channel: '#emergencies', ts: post.ts }, EMERGENCY_ACTIONS.acknowledge);
    const acked = await eventually(async () => {
      const e = await s.app.deps.emergencies.get(TEAM_ID, declared.id);
      return e?.status === 'acknowledged' ? e : undefined;
    }, 'acknowledged');
    await eventually(async () => (await figures()).acknowledged === 1, 'the acknowledgement counted');
    // A second acknowledgement (another button, an SMS reply) changes nothing, so it counts nothing.
    expect(await actOnEmergency(s.app.deps, TEAM_ID, declared.id, 'acknowledge', 'U0BOB', 'sms')).toMatchObject({ ok: true, changed: false });

    const f = await figures();
    expect(f).toMatchObject({ emergencies: 1, pages: TIER_ONE_PAGES, pagesFailed: 0, acknowledged: 1, unacknowledged: 0, notEmergency: 0, resolved: 0 });
    expect(f.avgTimeToAck).toBe(Math.round((acked.ackAt! - acked.declaredAt) / 1000) * 1000);
    expect(f.avgTimeToAck).toBeGreaterThanOrEqual(4 * MIN);
  });
});
