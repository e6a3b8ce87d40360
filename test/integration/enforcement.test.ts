import { sandboxSettingsYaml } from '../../sandbox/settings';
import { eventually } from '../helpers/eventually';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

// Issue 4's end-to-end promise: enforcement happens through the queue, privately, and never nags.
describe('enforcing the framework on channel messages', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox();
  });
  afterAll(async () => {
    await s.close();
  });

  test('a <!channel> FYI in a daily-operations channel earns its author one ephemeral nudge, and a second one within the window does not', async () => {
    const { driver } = s;
    await driver.sendMessage('bob', '#ops', '<!channel> fyi the staging deploy finished, release notes are in the wiki');
    const first = await driver.waitFor(() => driver.ephemeralsFor('bob', 'C0OPS').find((e) => e.via === 'chat.postEphemeral'), { timeoutMs: 15_000 });
    expect(first.text).toMatch(/digest/);
    expect(first.text).toContain('@channel');

    const second = await driver.sendMessage('bob', '#ops', '<!channel> fyi the cafeteria menu for next week is posted');
    // Wait until the worker has handled the second message (its item is filed), then count nudges.
    await eventually(async () => (await s.app.deps.items.findBySource('T0SANDBOX', 'C0OPS', second.ts)) !== undefined, 'the second FYI filed').catch(() => undefined);
    await waitForJobs(s);
    expect(driver.ephemeralsFor('bob', 'C0OPS').filter((e) => e.via === 'chat.postEphemeral')).toHaveLength(1);
    // Nothing public was posted about it: nudges are never public shaming.
    expect(driver.messagesIn('C0OPS').filter((m) => m.user === 'U0QUADRANT' || (m as { bot_id?: string }).bot_id)).toHaveLength(0);
  });

  test('an outage message in an ordinary (unlisted) channel earns the suggestion to declare an emergency', async () => {
    const { driver } = s;
    await driver.sendMessage('cat', '#general', 'checkout is returning 500 for every customer right now, payments failing');
    const hint = await driver.waitFor(() => driver.ephemeralsFor('cat', 'C0GENERAL').find((e) => e.text.includes('/emergency')), { timeoutMs: 15_000 });
    expect(JSON.stringify(hint.blocks)).toContain('nudge_declare_emergency');
  });

  test('small talk is neither filed nor nudged, in #ops or the emergency channel; a <!here> review request gets the digest nudge, not the FYI one', async () => {
    const { driver } = s;
    const ops = [];
    for (const text of ['thanks!', 'ok', 'lol', 'good morning :wave:', ':tada: :tada:']) ops.push(await driver.sendMessage('ada', '#ops', text));
    for (const text of ['hello', 'good morning', ':eyes:']) await driver.sendMessage('ada', '#emergencies', text);
    await waitForJobs(s);
    for (const m of ops) expect(await s.app.deps.items.findBySource('T0SANDBOX', 'C0OPS', m.ts)).toBeUndefined();
    expect(driver.ephemeralsFor('ada')).toEqual([]);

    await driver.sendMessage('ada', '#ops', '<!here> can someone review my PR?');
    const nudge = await driver.waitFor(() => driver.ephemeralsFor('ada', 'C0OPS').find((e) => e.via === 'chat.postEphemeral'), { timeoutMs: 15_000 });
    expect(nudge.text).toContain('This reads like async work');
    expect(nudge.text).not.toContain('For an FYI');
  });

  test('a bot message is never enforced', async () => {
    const before = s.driver.ephemeralsFor('bob').length;
    await s.driver.deliverEvent({ type: 'message', subtype: 'bot_message', bot_id: 'B0OTHER', channel: 'C0OPS', text: '<!channel> build failed: outage!', ts: '1999999999.000100' }, 'message.channels');
    await waitForJobs(s);
    expect(s.driver.ephemeralsFor('bob').length).toBe(before);
  });

  test('the Web API calls made are all ones Slack has, with its arguments', () => {
    expect(s.slack.violations).toEqual([]);
  });
});

/** A fixed-offset zone whose clock shows `hour` o'clock now, so the test holds at any time of day. */
function zoneWhereItIs(hour: number): string {
  let offset = (((hour - new Date().getUTCHours()) % 24) + 24) % 24;
  if (offset > 12) offset -= 24;
  // Etc/GMT signs are inverted: Etc/GMT-3 is three hours ahead of UTC.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

describe('quiet hours are the author’s own', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox({ settingsYaml: `${sandboxSettingsYaml(zoneWhereItIs(12))}quiet_hours: { from: "22:00", to: "07:00" }\n` });
  });
  afterAll(async () => {
    await s.close();
  });

  test('an FYI from someone whose profile says it is 3 a.m. is held, while a colleague at noon is nudged', async () => {
    const { driver } = s;
    s.slack.workspace.setTimezoneOf('cat', zoneWhereItIs(3));
    // Profiles default to this machine's zone, which may itself be in quiet hours when the suite runs.
    s.slack.workspace.setTimezoneOf('bob', zoneWhereItIs(12));
    const late = await driver.sendMessage('cat', '#ops', '<!channel> fyi the release notes for 4.2 are in the wiki');
    await driver.sendMessage('bob', '#ops', '<!channel> fyi the staging deploy finished');
    await driver.waitFor(() => driver.ephemeralsFor('bob', 'C0OPS').find((e) => e.via === 'chat.postEphemeral'), { timeoutMs: 15_000 });
    // Cat's message is still routed to the digest; only the nudge waits for her morning.
    await eventually(async () => (await s.app.deps.items.findBySource('T0SANDBOX', 'C0OPS', late.ts)) !== undefined, 'cat’s FYI filed');
    await waitForJobs(s);
    expect(driver.ephemeralsFor('cat', 'C0OPS').filter((e) => e.via === 'chat.postEphemeral')).toEqual([]);
    expect(s.slack.violations).toEqual([]);
  });

  test('someone nudged recently and now in their own quiet hours is recorded as held, not merely skipped', async () => {
    const { driver, app } = s;
    await app.deps.redis.set(app.deps.keys.nudged('T0SANDBOX', 'C0OPS', 'U0CAT'), 'broadcast_fyi', 'PX', 60_000);
    const held = () => s.logs.filter((l) => l.includes('message handled') && l.includes('"decision":"quiet_hours"')).length;
    const before = held();
    const message = await driver.sendMessage('cat', '#ops', '<!channel> fyi the office wifi password changed');
    await eventually(async () => (await app.deps.items.findBySource('T0SANDBOX', 'C0OPS', message.ts)) !== undefined, 'the FYI filed');
    await eventually(async () => held() === before + 1, 'the message decided as held for quiet hours');
  });
});

/** Waits until the intake queue has nothing waiting or active. */
async function waitForJobs(s: TestSandbox): Promise<void> {
  const q = s.app.deps.queues.intake;
  for (let i = 0; i < 300; i++) {
    const counts = await q.getJobCounts('waiting', 'active', 'delayed');
    if (counts.waiting === 0 && counts.active === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
