import { frameworkProcessors } from '../../src/flows/evaluation/processors';
import { introduceNewMember, maybeIntroduce, setTips } from '../../src/flows/intro';
import { OPS, OPS_SETTINGS, startDigestWorld, TEAM, type DigestWorld } from './digest-harness';

// Issue 9's mindset shift: one short introduction per person, never during quiet hours, never after "tips off".
const DAYTIME = Date.parse('2026-04-01T10:00:00Z'); // 12:00 in Budapest
const NIGHT = Date.parse('2026-04-01T20:00:00Z'); // 22:00 in Budapest, inside 19:00-08:00
const QUIET_ENDS = Date.parse('2026-04-02T06:00:00Z'); // 08:00 in Budapest

describe('the introduction', () => {
  let w: DigestWorld;
  beforeEach(async () => {
    w = await startDigestWorld({ now: DAYTIME, settings: { ...OPS_SETTINGS, quiet_hours: { from: '19:00', to: '08:00' } } });
  });
  afterEach(async () => {
    await w.stop();
  });

  const intros = (user: string) => [
    ...w.slack.workspace.ephemeralsFor(user).filter((e) => JSON.stringify(e.blocks ?? []).includes('intro_tips')),
    ...w.slack.workspace.allMessages(`D${user.slice(1)}`).filter((m) => m.bot_id && JSON.stringify(m.blocks ?? []).includes('intro_tips')),
  ];

  test("a new user's first command gets it once, ephemerally where they are, and never twice", async () => {
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0BOB', channel: OPS, via: 'command' })).toBe('sent');
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0BOB', channel: OPS, via: 'command' })).toBe('already');
    const [intro, ...more] = intros('U0BOB');
    expect(more).toHaveLength(0);
    const text = JSON.stringify(intro!.blocks);
    for (const words of ['Deep work', 'Daily operations', 'Online meeting', 'Offline activity', 'Emergency', '/async', '/emergency', '3 weeks']) expect(text).toContain(words);
    expect(w.slack.violations).toEqual([]);
  });

  test('two commands at the same moment still introduce once', async () => {
    const outcomes = await Promise.all([1, 2, 3].map(() => maybeIntroduce(w.deps, { team: TEAM, user: 'U0CAT', channel: OPS, via: 'command' })));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(intros('U0CAT')).toHaveLength(1);
  });

  test('someone who turned tips off gets nothing; turning them on again allows it', async () => {
    await setTips(w.deps, TEAM, 'U0ADA', false);
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0ADA', channel: OPS, via: 'command' })).toBe('tips_off');
    expect(intros('U0ADA')).toHaveLength(0);
    await setTips(w.deps, TEAM, 'U0ADA', true);
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0ADA', channel: OPS, via: 'command' })).toBe('sent');
  });

  test('during quiet hours nothing is sent; a DM follows when they end, once', async () => {
    w.clock.now = NIGHT;
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0BOB', channel: OPS, via: 'command' })).toBe('later');
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0BOB', channel: OPS, via: 'command' })).toBe('later');
    expect(intros('U0BOB')).toHaveLength(0);
    const jobs = await w.deps.queues.digest.getJobs(['delayed']);
    const job = jobs.find((j) => j.name === 'intro');
    expect(jobs.filter((j) => j.name === 'intro')).toHaveLength(1);
    expect(job!.data).toEqual({ team: TEAM, user: 'U0BOB' });
    expect(job!.opts.delay).toBe(QUIET_ENDS - NIGHT);

    w.clock.now = QUIET_ENDS;
    expect(await frameworkProcessors(w.deps).intro(job!)).toBe('sent');
    expect(w.slack.workspace.allMessages('D0BOB').filter((m) => m.bot_id)).toHaveLength(1);
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0BOB', channel: OPS, via: 'command' })).toBe('already');
  });

  test('quiet hours are the person’s own: noon in Budapest is 19:00 in Tokyo, so a Tokyo colleague hears at their 08:00', async () => {
    w.slack.workspace.setTimezoneOf('U0CAT', 'Asia/Tokyo');
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0CAT', channel: OPS, via: 'command' })).toBe('later');
    expect(intros('U0CAT')).toHaveLength(0);
    const job = (await w.deps.queues.digest.getJobs(['delayed'])).find((j) => j.name === 'intro' && j.data.user === 'U0CAT');
    expect(job!.opts.delay).toBe(Date.parse('2026-04-01T23:00:00Z') - DAYTIME);
    // Their Budapest colleague, at noon, is introduced at once.
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0BOB', channel: OPS, via: 'command' })).toBe('sent');
  });

  test('where the ephemeral cannot be shown (the bot is not in the channel), it comes as a DM', async () => {
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0CAT', channel: 'C0NOWHERE', via: 'command' })).toBe('sent');
    expect(w.slack.workspace.allMessages('D0CAT').filter((m) => m.bot_id)).toHaveLength(1);
  });

  test('an introduction Slack refuses is tried again hours later, not on every command', async () => {
    // U0GHOST is not in the sandbox workspace: Slack answers user_not_found to the ephemeral and to the DM.
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0GHOST', channel: OPS, via: 'command' })).toBe('failed');
    const calls = w.slack.calls.length;
    expect(await maybeIntroduce(w.deps, { team: TEAM, user: 'U0GHOST', channel: OPS, via: 'command' })).toBe('already');
    expect(w.slack.calls.length).toBe(calls);
    expect(await w.deps.redis.ttl(w.deps.keys.introduced(TEAM, 'U0GHOST'))).toBeGreaterThan(3600);
  });

  test('joining a channel Quadrant enforces introduces the member; other channels do not', async () => {
    expect(await introduceNewMember(w.deps, TEAM, 'U0BOB', 'C0GENERAL')).toBe('not_enforced');
    expect(await introduceNewMember(w.deps, TEAM, 'U0BOB', OPS)).toBe('sent');
    expect(intros('U0BOB')).toHaveLength(1);
  });
});
