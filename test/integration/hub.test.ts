import type { SettingsInput } from '../../src/config/settings';
import { fileItem } from '../../src/flows/file-item';
import { changeHubState } from '../../src/flows/hub/change-state';
import { hubHomeSection, hubListMessage } from '../../src/flows/hub/hub-overview';
import { postHubSummary } from '../../src/flows/hub/hub-summary';
import { afterItemFiled, afterItemMoved } from '../../src/flows/hub/post-to-hub';
import { syncWeeklySchedulers, weeklySchedulerId } from '../../src/flows/evaluation/weekly-schedule';
import { forgetWorkspace } from '../../src/flows/admin/forget-workspace';
import { evaluationOf } from '../../src/flows/evaluation/record';
import { maybeIntroduce, setTips } from '../../src/flows/intro';
import { HUB, OPS, OPS_SETTINGS, startDigestWorld, TEAM, type DigestWorld } from './digest-harness';

// Issue 9: deep work gets its own message in the hub, a life cycle moved on by buttons, a place in App Home
// and a weekly summary. The flows run against real Redis and the sandbox's strict fake Slack.
const START = Date.parse('2026-04-01T08:00:00Z'); // Wednesday 1 April 2026, 10:00 in Budapest
const DAY = 86_400_000;

function texts(blocks: unknown): string {
  return JSON.stringify(blocks);
}

describe('the hub', () => {
  let w: DigestWorld;
  beforeEach(async () => {
    w = await startDigestWorld({ now: START });
  });
  afterEach(async () => {
    await w.stop();
  });

  const file = (text: string, seed: string, extra: { author?: string; area?: 'deep_work' | 'daily_operations' } = {}) =>
    fileItem(w.deps, { team: TEAM, author: extra.author ?? 'U0BOB', channel: OPS, text, source: 'command', seed, area: extra.area ?? 'deep_work' });

  const hubMessages = () => w.slack.workspace.history(HUB).filter((m) => m.bot_id);

  test('a deep-work item appears in the hub at once as its own top-level message, with title, author, escaped text and state', async () => {
    const filed = await file('RFC: move the on-call rota to weekly <!channel>\nDetails in the doc.', 'rfc-1');
    await afterItemFiled(w.deps, filed);

    const [message, ...others] = hubMessages();
    expect(others).toHaveLength(0);
    expect(message!.thread_ts).toBeUndefined();
    const shown = texts(message!.blocks);
    expect(shown).toContain('*RFC: move the on-call rota to weekly @\u200bchannel*');
    expect(shown).not.toContain('<!channel>');
    expect(shown).toContain('by bob');
    expect(shown).toContain(':bulb: Proposal');
    expect(shown).toContain('hub_decide');
    const item = await w.deps.items.get(TEAM, filed.item.id);
    expect(item?.hub).toMatchObject({ channel: HUB, ts: message!.ts, state: 'proposal' });
    expect(w.slack.violations).toEqual([]);
  });

  test('filing the same item again, or calling twice, posts it once', async () => {
    const filed = await file('Proposal: quarterly planning in async docs', 'plan-1');
    await Promise.all([afterItemFiled(w.deps, filed), afterItemFiled(w.deps, filed)]);
    const again = await file('Proposal: quarterly planning in async docs', 'plan-1');
    expect(again.created).toBe(false);
    await afterItemFiled(w.deps, again);
    expect(hubMessages()).toHaveLength(1);
  });

  test('daily-operations items stay out of the hub; one moved into deep work by reaction goes in', async () => {
    const filed = await file('Can someone review PR 42?', 'ops-1', { area: 'daily_operations' });
    await afterItemFiled(w.deps, filed);
    expect(hubMessages()).toHaveLength(0);
    const moved = await w.deps.items.update(TEAM, filed.item.id, { area: 'deep_work' });
    await afterItemMoved(w.deps, moved!);
    expect(hubMessages()).toHaveLength(1);
  });

  test('"Mark decided" records who decided and when, updates the message in place, notes it in the thread, and closes the item', async () => {
    const filed = await file('Decision needed: pick the new status page vendor', 'vendor-1');
    await afterItemFiled(w.deps, filed);
    const [message] = hubMessages();

    expect((await changeHubState(w.deps, TEAM, filed.item.id, 'discuss', 'U0CAT')).ok).toBe(true);
    w.clock.now += DAY;
    const decided = await changeHubState(w.deps, TEAM, filed.item.id, 'decide', 'U0ADA');
    expect(decided.ok && decided.item.hub).toMatchObject({ state: 'decided', decidedBy: 'U0ADA', decidedAt: START + DAY });
    expect(decided.ok && decided.item.status).toBe('done');

    const updated = w.slack.workspace.findMessage(HUB, message!.ts)!;
    expect(hubMessages()).toHaveLength(1);
    const shown = texts(updated.blocks);
    expect(shown).toContain(':white_check_mark: Decided* by ada on <!date^' + String((START + DAY) / 1000));
    expect(shown).toContain('hub_archive');
    expect(shown).not.toContain('hub_decide');
    expect(w.slack.workspace.thread(HUB, message!.ts).map((m) => m.text)).toEqual(expect.arrayContaining(['cat opened the discussion.', 'ada marked this *decided*.']));
    expect(await w.deps.redis.zscore(w.deps.keys.hubDecided(TEAM), filed.item.id)).toBe(String(START + DAY));
  });

  test('a stale button changes nothing and says why; reopening brings a decided item back', async () => {
    const filed = await file('Proposal: no-meeting Wednesdays', 'nmw-1');
    await afterItemFiled(w.deps, filed);
    await changeHubState(w.deps, TEAM, filed.item.id, 'decide', 'U0ADA');
    expect(await changeHubState(w.deps, TEAM, filed.item.id, 'discuss', 'U0BOB')).toMatchObject({ ok: false, reason: 'not_allowed' });
    const reopened = await changeHubState(w.deps, TEAM, filed.item.id, 'reopen', 'U0BOB');
    expect(reopened.ok && reopened.item.hub).toMatchObject({ state: 'in_discussion' });
    expect(reopened.ok && reopened.item.hub?.decidedBy).toBeUndefined();
    expect(reopened.ok && reopened.item.status).toBe('open');
    expect(await w.deps.redis.zscore(w.deps.keys.hubDecided(TEAM), filed.item.id)).toBeNull();
  });

  test('App Home and /async list hub show open items and recent decisions', async () => {
    const open = await file('RFC: error budget policy', 'eb-1');
    const done = await file('Decide: office move date', 'move-1', { author: 'U0CAT' });
    await afterItemFiled(w.deps, open);
    await afterItemFiled(w.deps, done);
    await changeHubState(w.deps, TEAM, done.item.id, 'decide', 'U0ADA');

    const home = texts(await hubHomeSection(w.deps, TEAM));
    expect(home).toContain('*Open* (1)');
    expect(home).toContain('RFC: error budget policy');
    expect(home).toContain('*Decided in the last 30 days* (1)');
    expect(home).toContain('Decide: office move date');
    expect(home).toContain('decided by ada');
    const list = await hubListMessage(w.deps, TEAM);
    expect(list.text).toBe('Hub: 1 open, 1 decided recently');
  });

  test('the weekly summary lists what was proposed, decided and waits on whom, once a week', async () => {
    const asked = await file('RFC: data retention. <@U0ADA> please review', 'ret-1');
    const decided = await file('Decide: laptop refresh budget', 'lap-1', { author: 'U0CAT' });
    await afterItemFiled(w.deps, asked);
    await afterItemFiled(w.deps, decided);
    await changeHubState(w.deps, TEAM, decided.item.id, 'decide', 'U0BOB');

    const outcome = await postHubSummary(w.deps, TEAM);
    expect(outcome).toMatchObject({ status: 'posted', week: '2026-W14' });
    const summary = hubMessages().at(-1)!;
    const shown = texts(summary.blocks);
    expect(shown).toContain('*Proposed* (2)');
    expect(shown).toContain('*Decided* (1)');
    expect(shown).toContain('*Waiting* (1)');
    expect(shown).toContain('waiting on ada');
    expect(await postHubSummary(w.deps, TEAM)).toMatchObject({ status: 'skipped', why: 'already_posted' });
    expect(w.slack.violations).toEqual([]);
  });

  test('job schedulers follow the settings: local day and time, removed when switched off', async () => {
    const settings: SettingsInput = { ...OPS_SETTINGS, hub_summary: { day: 'fri', at: '16:30' }, report: { weekly: true, day: 'mon', at: '08:15' } };
    await w.deps.settings.set(TEAM, settings, 'U0ADA');
    expect(await syncWeeklySchedulers(w.deps, TEAM)).toEqual({
      hubSummary: { pattern: '30 16 * * 5', tz: 'Europe/Budapest' },
      weeklyReport: { pattern: '15 8 * * 1', tz: 'Europe/Budapest' },
    });
    const scheduled = await w.deps.queues.digest.getJobScheduler(weeklySchedulerId('hub-summary', TEAM));
    expect(scheduled).toMatchObject({ name: 'hub-summary', pattern: '30 16 * * 5', tz: 'Europe/Budapest' });

    await w.deps.settings.set(TEAM, { ...settings, report: { weekly: false } }, 'U0ADA');
    expect(await syncWeeklySchedulers(w.deps, TEAM)).toEqual({ hubSummary: { pattern: '30 16 * * 5', tz: 'Europe/Budapest' } });
    expect(await w.deps.queues.digest.getJobScheduler(weeklySchedulerId('weekly-report', TEAM))).toBeUndefined();
  });
});

describe('forgetting a workspace', () => {
  let w: DigestWorld;
  beforeAll(async () => {
    w = await startDigestWorld({ now: START });
  });
  afterAll(async () => {
    await w.stop();
  });

  test('removes the hub, counts, introductions, weekly markers and schedulers, and a later sync schedules nothing', async () => {
    const filed = await fileItem(w.deps, { team: TEAM, author: 'U0BOB', channel: OPS, text: 'RFC: remote week', source: 'command', seed: 'fw-1', area: 'deep_work' });
    await afterItemFiled(w.deps, filed);
    await changeHubState(w.deps, TEAM, filed.item.id, 'decide', 'U0ADA');
    await maybeIntroduce(w.deps, { team: TEAM, user: 'U0CAT', channel: OPS, via: 'command' });
    await setTips(w.deps, TEAM, 'U0BOB', false);
    await postHubSummary(w.deps, TEAM);
    expect(await syncWeeklySchedulers(w.deps, TEAM)).toHaveProperty('weeklyReport');
    await evaluationOf(w.deps).flush();
    const mine = async () =>
      (await w.deps.redis.keys(`${w.prefix}:*${TEAM}*`)).filter((k) => /:(eval|eval-ch|eval-user|eval-people|weekly-posted|hub-[a-z-]+|introduced|tips-off):|hub-summary|weekly-report/.test(k));
    expect((await mine()).length).toBeGreaterThan(5);

    expect((await forgetWorkspace(w.deps, TEAM)).keys).toBeGreaterThan(0);
    expect(await syncWeeklySchedulers(w.deps, TEAM)).toEqual({});
    expect(await mine()).toEqual([]);
  });
});

describe('without a hub channel', () => {
  let w: DigestWorld;
  beforeAll(async () => {
    w = await startDigestWorld({ now: START, settings: { ...OPS_SETTINGS, channels: { C0OPS: OPS_SETTINGS.channels!.C0OPS! } } });
  });
  afterAll(async () => {
    await w.stop();
  });

  test('deep-work items go to the daily digest and the admins are told once how to set a hub', async () => {
    for (const seed of ['a', 'b']) {
      const filed = await fileItem(w.deps, { team: TEAM, author: 'U0BOB', channel: OPS, text: `Proposal ${seed}: rethink sprint reviews`, source: 'command', seed, area: 'deep_work' });
      expect(filed.item.digestChannel).toBe(OPS);
      await afterItemFiled(w.deps, filed);
    }
    const dms = w.slack.workspace.allMessages('D0ADA').filter((m) => m.bot_id);
    expect(dms).toHaveLength(1);
    expect(dms[0]!.text).toContain('/quadrant channels set hub');
  });
});
