import { inflateSync } from 'node:zlib';
import { Redis } from 'ioredis';
import type { SettingsInput } from '../../src/config/settings';
import { weekEndsAt, weekOf, weekStartsAt, type EvaluationEvent } from '../../src/core/evaluation';
import type { Decision } from '../../src/core/policy';
import type { Verdict } from '../../src/core/verdict';
import { myWeekSection } from '../../src/flows/evaluation/my-week';
import {
  evaluationOf, recordCorrection, recordDigestPosted, recordEmergencyAction, recordEmergencyDeclared, recordItemDone, recordMessage,
  recordNudgeAnswer, recordNudgeSent, recordPage,
} from '../../src/flows/evaluation/record';
import { buildReportView, reportCsv, reportMessage } from '../../src/flows/evaluation/report';
import { postWeeklyReport } from '../../src/flows/evaluation/weekly-report';
import { fileItem } from '../../src/flows/file-item';
import { afterItemFiled } from '../../src/flows/hub/post-to-hub';
import { periodWeeks } from '../../src/core/report';
import type { Emergency } from '../../src/core/emergency';
import { createEvaluationStore, type EvaluationStore } from '../../src/store/evaluation-store';
import { testRedisUrl } from '../helpers/redis';
import { OPS, OPS_SETTINGS, startDigestWorld, TEAM, TIMEZONE, type DigestWorld } from './digest-harness';

// Issue 9's evaluation: counts per workspace, channel and person in Redis, kept for a set number of weeks, and
// a report whose figures match exactly what a scripted week sent. Real Redis, the sandbox's strict fake Slack.
// Redis expires keys by its own clock, so the scripted weeks are the real current week and the one before.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const THIS_MONDAY = weekStartsAt(weekOf(Date.now(), TIMEZONE), TIMEZONE)!;
const at = (weekOffset: number, day: number, hour: number) => THIS_MONDAY + weekOffset * WEEK + day * DAY + hour * HOUR;

const verdict = (area: Verdict['area'], urgent = false): Verdict => ({ area, urgent, important: false, confidence: 0.9, reasons: [] });
const allowed: Decision = { actions: [], reason: 'allowed' };

/** The store the flows use (what main.ts wires as deps.evaluation). */
function withEvaluation(w: DigestWorld, store: EvaluationStore): void {
  (w.deps as typeof w.deps & { evaluation?: EvaluationStore }).evaluation = store;
}

describe('evaluation', () => {
  let w: DigestWorld;
  const settings: SettingsInput = { ...OPS_SETTINGS, quiet_hours: { from: '20:00', to: '07:00' } };
  beforeAll(async () => {
    w = await startDigestWorld({ now: at(-1, 1, 10), settings });
    // Written on the next turn of the event loop instead of within half a second, so each step can be awaited.
    withEvaluation(w, createEvaluationStore(w.deps.redis, w.deps.keys, { flushMs: 0 }));
  });
  afterAll(async () => {
    await w.stop();
  });

  const message = (channel: string, user: string, text: string, v: Verdict, decision: Decision = allowed) => recordMessage(w.deps, TEAM, channel, { user, text }, v, decision);
  const file = async (seed: string, area: 'daily_operations' | 'deep_work' = 'daily_operations') => {
    const filed = await fileItem(w.deps, { team: TEAM, author: 'U0BOB', channel: OPS, text: `item ${seed}`, source: 'command', seed, area });
    await afterItemFiled(w.deps, filed);
    return filed.item;
  };
  const emergency = (declaredAt: number, extra: Partial<Emergency>): Emergency => ({
    id: `e${declaredAt}`, team: TEAM, code: '1234', text: 'db down', severity: 'critical', reporter: 'U0CAT', origin: 'C0GENERAL', declaredAt, status: 'open', step: 0, ...extra,
  });

  /** Last week: a smaller, plainer week to compare with. */
  async function lastWeek(): Promise<void> {
    w.clock.now = at(-1, 1, 10);
    for (let i = 0; i < 8; i++) await message(OPS, 'U0CAT', 'handoff notes', verdict('daily_operations'));
    for (let i = 0; i < 2; i++) await message(OPS, 'U0CAT', 'quick call?', verdict('online_meeting'));
    for (let i = 0; i < 6; i++) await file(`last-${i}`);
  }

  /** This week: every kind of event the framework counts, on different days. */
  async function thisWeek(): Promise<string[]> {
    w.clock.now = at(0, 0, 10); // Monday 10:00
    for (let i = 0; i < 7; i++) await message(OPS, 'U0CAT', 'status update', verdict('daily_operations'));
    await message(OPS, 'U0BOB', '<!here> fyi the wiki moved', verdict('daily_operations'));
    await message(OPS, 'U0BOB', '<!channel> fyi lunch is in', verdict('daily_operations'));
    await message(OPS, 'U0BOB', '<!here> payments page slow for some users, please look', verdict('daily_operations', true));
    await recordNudgeSent(w.deps, TEAM, OPS, 'broadcast_fyi');
    await recordNudgeSent(w.deps, TEAM, OPS, 'broadcast_fyi');
    await recordNudgeAnswer(w.deps, TEAM, OPS, 'keep_as_is');

    w.clock.now = at(0, 1, 10); // Tuesday
    for (let i = 0; i < 2; i++) await message(OPS, 'U0CAT', 'can we hop on a call about the review?', verdict('online_meeting'));
    await recordNudgeSent(w.deps, TEAM, OPS, 'ask_async');
    await recordNudgeSent(w.deps, TEAM, OPS, 'ask_async');
    await recordNudgeAnswer(w.deps, TEAM, OPS, 'make_async');
    await recordNudgeAnswer(w.deps, TEAM, OPS, 'keep_as_is');
    const short: Decision = { actions: [{ kind: 'nudge', nudge: { code: 'warn_lead_time', leadMs: 5 * DAY, neededMs: 21 * DAY }, buttons: [] }], reason: 'nudged' };
    await message(OPS, 'U0CAT', 'team dinner next friday!', verdict('offline_activity'), short);
    await recordNudgeSent(w.deps, TEAM, OPS, 'warn_lead_time');
    for (let i = 0; i < 4; i++) await message('C0HUB', 'U0ADA', 'RFC thoughts', verdict('deep_work'));

    w.clock.now = at(0, 1, 21); // Tuesday 21:00, quiet hours: the nudge is held back
    const held: Decision = { actions: [{ kind: 'queue_for_digest', digestChannel: OPS }, { kind: 'hold_for_quiet_hours', until: at(0, 2, 7), held: 'queued_for_digest' }], reason: 'quiet_hours' };
    await message(OPS, 'U0CAT', 'late note for tomorrow', verdict('daily_operations'), held);

    w.clock.now = at(0, 2, 10); // Wednesday: nine items filed, three done later
    const items = [];
    for (let i = 0; i < 7; i++) items.push(await file(`ops-${i}`));
    for (let i = 0; i < 2; i++) items.push(await file(`deep-${i}`, 'deep_work'));
    for (const [item, ageHours] of [[items[0]!, 2], [items[1]!, 5], [items[2]!, 50]] as const) {
      w.clock.now = item.createdAt + ageHours * HOUR;
      // What markItemDone records once it is wired (lead: mark-item-done.ts); the store call itself counts nothing.
      await recordItemDone(w.deps, (await w.deps.items.setStatus(TEAM, item.id, 'done', w.clock.now))!);
    }

    w.clock.now = at(0, 3, 9); // Thursday: digests
    await recordDigestPosted(w.deps, TEAM, OPS, 4);
    await recordDigestPosted(w.deps, TEAM, OPS, 5);

    w.clock.now = at(0, 4, 11); // Friday: emergencies
    await message('C0GENERAL', 'U0CAT', 'checkout is down for everyone', verdict('emergency', true));
    await recordNudgeSent(w.deps, TEAM, 'C0GENERAL', 'suggest_emergency');
    await recordNudgeAnswer(w.deps, TEAM, 'C0GENERAL', 'declare_emergency');
    const first = at(0, 4, 11);
    await recordEmergencyDeclared(w.deps, emergency(first, {}));
    for (const ok of [true, true, true, false]) await recordPage(w.deps, TEAM, ok ? { ok, provider: 'twilio_sms' } : { ok, provider: 'pagerduty', retryable: true, reason: 'timeout' });
    await recordEmergencyAction(w.deps, emergency(first, { status: 'acknowledged', ackAt: first + 4 * 60_000 }), 'acknowledge');
    await recordEmergencyAction(w.deps, emergency(first, { status: 'resolved', ackAt: first + 4 * 60_000, closedAt: first + HOUR }), 'resolve');
    await recordEmergencyDeclared(w.deps, emergency(first + HOUR, {}));
    await recordEmergencyAction(w.deps, emergency(first + HOUR, { status: 'not_emergency', closedAt: first + 2 * HOUR }), 'not_emergency');

    w.clock.now = at(0, 5, 12); // Saturday: corrections
    await recordCorrection(w.deps, TEAM, 'deep_work');
    await recordCorrection(w.deps, TEAM, 'deep_work');
    await recordCorrection(w.deps, TEAM, 'daily_operations');
    return items.map((i) => i.id);
  }

  test('after a scripted week, /quadrant report week shows exactly what was sent, against the week before', async () => {
    await lastWeek();
    await thisWeek();
    w.clock.now = at(0, 6, 18); // Sunday evening, still this week
    const settingsNow = await w.deps.settings.get(TEAM);
    const view = await buildReportView(w.deps, TEAM, periodWeeks('week', w.clock.now, settingsNow.timezone), true);

    expect(view.report.current).toEqual({
      messages: { deep_work: 4, daily_operations: 11, online_meeting: 2, offline_activity: 1, emergency: 1 },
      totalMessages: 19,
      asyncMessages: 15,
      asyncShare: 15 / 19,
      broadcasts: 3,
      broadcastFyis: 2,
      filed: 9,
      filedByArea: { deep_work: 2, daily_operations: 7, online_meeting: 0, offline_activity: 0, emergency: 0 },
      done: 3,
      doneWithinDay: 2,
      avgTimeToDone: 19 * HOUR,
      digests: 2,
      digestItems: 9,
      nudges: { queued_for_digest: 0, broadcast_fyi: 2, belongs_in_digest: 0, belongs_in_hub: 0, not_an_emergency: 0, suggest_emergency: 1, ask_async: 2, warn_lead_time: 1 },
      nudgesSent: 6,
      nudgesAccepted: 2,
      nudgesKept: 2,
      nudgesUnanswered: 2,
      meetingsMadeAsync: 1,
      offlineShortNotice: 1,
      quietHeld: 1,
      emergencies: 2,
      notEmergency: 1,
      pages: 4,
      pagesFailed: 1,
      acknowledged: 1,
      unacknowledged: 0,
      avgTimeToAck: 4 * 60_000,
      resolved: 1,
      avgTimeToResolve: HOUR,
      corrections: { deep_work: 2, daily_operations: 1, online_meeting: 0, offline_activity: 0, emergency: 0 },
      totalCorrections: 3,
      hubPosted: 2,
      hubDecided: 0,
    });
    expect(view.report.previous).toMatchObject({ totalMessages: 10, filed: 6, broadcasts: 0 });
    expect(view.channels.map((c) => [c.channel, c.messages])).toEqual([[OPS, 14], ['C0HUB', 4], ['C0GENERAL', 1]]);

    const text = JSON.stringify((await reportMessage(w.deps, TEAM, 'week')).blocks);
    for (const line of [
      'Messages classified: *19* (+90% from 10)',
      'Async share: *79%* (−1 pts from 80%)',
      '@here / @channel / @everyone: *3* (new)',
      'Async items filed: *9* (+50% from 6)',
      '…done within a day: *2* (new)',
      'Average time to done: *19h*\\n',
      'Nudges sent: *6* (new)',
      'Emergencies declared: *2* (new)',
      'Average time to acknowledge: *4m*',
      'Classifier corrections: *3* (new)',
      '67% of @here / @channel messages were FYIs (2 of 3): consider a digest channel for updates.',
      '1 of 2 emergencies were closed as \\"Not an emergency\\"',
    ]) {
      expect(text).toContain(line);
    }
    // Nobody is named: no user id and no display name appears anywhere in the report.
    for (const person of [/U0BOB|U0CAT|U0ADA/, /\bbob\b/i, /\bcat\b/i, /\bada\b/i]) expect(text).not.toMatch(person);
  });

  test('App Home shows a person their own week', async () => {
    const blocks = JSON.stringify(await myWeekSection(w.deps, TEAM, 'U0BOB'));
    expect(blocks).toContain('You filed *9* async items, *2* were done within a day; you sent *3* @here or @channel messages, *2* were FYIs that could have waited for the digest.');
    expect(blocks).toContain('intro_tips');
  });

  test('/quadrant report csv has a row per week with the same figures', async () => {
    const { csv, weeks } = await reportCsv(w.deps, TEAM);
    expect(weeks).toBe(2);
    const [header, previous, current] = csv.trim().split('\r\n').map((line) => line.split(','));
    const row = (cells: string[]) => Object.fromEntries(header!.map((h, i) => [h, cells[i]]));
    expect(row(previous!)).toMatchObject({ week: weekOf(at(-1, 0, 0), TIMEZONE), filed: '6', messages: '10' });
    expect(row(current!)).toMatchObject({ week: weekOf(at(0, 0, 0), TIMEZONE), filed: '9', messages: '19', avg_time_to_done_s: String(19 * 3600), pages: '4', corrections_deep_work: '2' });
  });

  test('the weekly report goes to the admins with a PNG chart, through Slack\'s upload API, once', async () => {
    w.clock.now = at(1, 0, 9); // next Monday 09:00: the report covers the week just ended
    const outcome = await postWeeklyReport(w.deps, TEAM);
    expect(outcome).toEqual({ status: 'posted', week: weekOf(at(0, 0, 0), TIMEZONE), targets: ['U0ADA'] });

    const files = w.slack.workspace.files.list();
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect(file.completed).toBe(true);
    expect(file.channels).toEqual(['D0ADA']);
    expect(file.filename).toMatch(/\.png$/);
    const bytes = file.bytes!;
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([780, 400]);
    expect(bytes.length).toBeGreaterThan(2_000);
    expect(bytes.length).toBeLessThan(100_000);
    const idat = bytes.indexOf('IDAT');
    expect(inflateSync(bytes.subarray(idat + 4, idat + 4 + bytes.readUInt32BE(idat - 4))).length).toBe(400 * (1 + 780 * 3));
    expect(w.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(w.slack.callsTo('files.completeUploadExternal')).toHaveLength(1);

    const shared = w.slack.workspace.allMessages('D0ADA').find((m) => m.files?.length);
    expect(shared?.text).toContain('Async items filed: *9* (+50% from 6)');

    expect(await postWeeklyReport(w.deps, TEAM)).toMatchObject({ status: 'skipped', why: 'already_posted' });
    expect(w.slack.workspace.files.list()).toHaveLength(1);
    expect(w.slack.violations).toEqual([]);
  });
});

describe('evaluation counters in Redis', () => {
  let w: DigestWorld;
  beforeAll(async () => {
    w = await startDigestWorld({ now: Date.now(), settings: { ...OPS_SETTINGS, evaluation_weeks: 2 } });
    withEvaluation(w, createEvaluationStore(w.deps.redis, w.deps.keys, { flushMs: 0 }));
  });
  afterAll(async () => {
    await w.stop();
  });

  const event: EvaluationEvent = { kind: 'message', channel: OPS, user: 'U0BOB', area: 'daily_operations', broadcast: true, fyi: true };

  test('a week is kept for the configured number of weeks after it ends; the personal counts for a week more', async () => {
    w.clock.now = Date.now();
    await w.deps.settings.get(TEAM);
    await recordMessage(w.deps, TEAM, OPS, { user: 'U0BOB', text: '<!here> fyi' }, verdict('daily_operations'), allowed);
    const week = weekOf(w.clock.now, TIMEZONE);
    const end = weekEndsAt(w.clock.now, TIMEZONE) / 1000;
    expect(Number(await w.deps.redis.call('EXPIRETIME', w.deps.keys.evalWeek(TEAM, week)))).toBe(end + 2 * 7 * 86_400);
    expect(Number(await w.deps.redis.call('EXPIRETIME', w.deps.keys.evalChannels(TEAM, week)))).toBe(end + 2 * 7 * 86_400);
    expect(Number(await w.deps.redis.call('EXPIRETIME', w.deps.keys.evalUser(TEAM, week, 'U0BOB')))).toBe(end + 8 * 86_400);
  });

  test('counts of a week older than the retention are gone', async () => {
    w.clock.now = Date.now() - 3 * WEEK;
    await recordMessage(w.deps, TEAM, OPS, { user: 'U0BOB', text: 'old' }, verdict('daily_operations'), allowed);
    const week = weekOf(w.clock.now, TIMEZONE);
    expect(await w.deps.redis.exists(w.deps.keys.evalWeek(TEAM, week))).toBe(0);
    expect(await evaluationOf(w.deps).weeks(TEAM, [week])).toEqual([{}]);
  });

  test('counts are summed in memory and written in one command per workspace and week, whatever the number of events', async () => {
    // A connection of the test's own, with every command it writes to the socket noted (MONITOR on the shared
    // Redis would also see other test runs).
    const conn = new Redis(testRedisUrl(), { enableAutoPipelining: true });
    const sent: string[] = [];
    const send = conn.sendCommand.bind(conn) as (...args: unknown[]) => unknown;
    conn.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
      sent.push(command.name);
      return send(command, ...rest);
    }) as typeof conn.sendCommand;
    const store = createEvaluationStore(conn, w.deps.keys); // the production interval
    const ref = { week: '2099-W01', expireAt: Math.floor(Date.now() / 1000) + 3600, personalExpireAt: Math.floor(Date.now() / 1000) + 3600 };
    try {
      await store.record(TEAM, ref, [event]); // may load the script first (EVALSHA, then EVAL once)
      sent.length = 0;
      const settled = [1, 2, 3, 4, 5].map((i) => store.record(TEAM, ref, [{ ...event, user: `U0P${i}`, channel: `C0CH${i}` }]));
      expect(sent).toEqual([]); // nothing has gone to Redis yet
      await Promise.all(settled);
      expect(sent).toEqual(['evalsha']);
    } finally {
      await store.close();
      conn.disconnect();
    }
    const reader = evaluationOf(w.deps);
    expect(await reader.weeks(TEAM, ['2099-W01'])).toEqual([{ 'msg:daily_operations': 6, bcast: 6, bcast_fyi: 6 }]);
    expect(await reader.channelWeek(TEAM, '2099-W01')).toMatchObject({ 'C0OPS|msg:daily_operations': 1, 'C0CH3|bcast_fyi': 1 });
    expect(await reader.userWeek(TEAM, '2099-W01', 'U0BOB')).toEqual({ msgs: 1, bcast: 1, bcast_fyi: 1 });
    expect(await reader.userWeek(TEAM, '2099-W01', 'U0P4')).toEqual({ msgs: 1, bcast: 1, bcast_fyi: 1 });
    expect((await reader.topPeople(TEAM, '2099-W01', 10)).map((p) => p.count)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test('a process reads its own counts before they are written', async () => {
    const store = createEvaluationStore(w.deps.redis, w.deps.keys, { flushMs: 60_000 });
    const ref = { week: '2099-W03', expireAt: Math.floor(Date.now() / 1000) + 3600, personalExpireAt: Math.floor(Date.now() / 1000) + 3600 };
    void store.record(TEAM, ref, [{ kind: 'hub_posted' }]);
    expect(await store.weeks(TEAM, ['2099-W03'])).toEqual([{ hub_posted: 1 }]);
    await store.close();
  });

  test('per-channel fields stop growing at the cap: later channels count under _other', async () => {
    const store = createEvaluationStore(w.deps.redis, w.deps.keys, { channelFieldCap: 3 });
    const ref = { week: '2099-W02', expireAt: Math.floor(Date.now() / 1000) + 3600, personalExpireAt: Math.floor(Date.now() / 1000) + 3600 };
    for (const channel of ['C01', 'C02', 'C03', 'C04', 'C05']) await store.record(TEAM, ref, [{ kind: 'digest_posted', channel, items: 1 }]);
    expect(await store.channelWeek(TEAM, '2099-W02')).toEqual({ 'C01|digests': 1, 'C02|digests': 1, 'C03|digests': 1, '_other|digests': 2 });
    expect(await store.weeks(TEAM, ['2099-W02'])).toEqual([{ digests: 5, digest_items: 5 }]);
  });

  test('erasing a person removes their own counts and ranking, not the workspace totals', async () => {
    const store = evaluationOf(w.deps);
    expect(await store.forgetUser(TEAM, 'U0BOB')).toBeGreaterThan(0);
    expect(await store.userWeek(TEAM, '2099-W01', 'U0BOB')).toEqual({});
    expect((await store.topPeople(TEAM, '2099-W01', 10)).map((p) => p.user)).not.toContain('U0BOB');
    expect(await store.weeks(TEAM, ['2099-W01'])).toEqual([{ 'msg:daily_operations': 6, bcast: 6, bcast_fyi: 6 }]);
  });
});

describe('the month report names people', () => {
  let w: DigestWorld;
  beforeAll(async () => {
    w = await startDigestWorld({ now: at(0, 0, 10), settings: { ...OPS_SETTINGS, report: { name_people: true } } });
    withEvaluation(w, createEvaluationStore(w.deps.redis, w.deps.keys, { flushMs: 0 }));
  });
  afterAll(async () => {
    await w.stop();
  });

  const fyi = async (weekOffset: number, user: string, times: number) => {
    w.clock.now = at(weekOffset, 2, 10);
    for (let i = 0; i < times; i++) await recordMessage(w.deps, TEAM, OPS, { user, text: '<!here> fyi the wiki moved' }, verdict('daily_operations'), allowed);
  };

  test('"Most FYI broadcasts" sums the weeks still kept per person and says which they are', async () => {
    // Three weeks back is gone by now (personal counts go 8 days after their week ends): written, but expired at once.
    await fyi(-3, 'U0ADA', 9);
    await fyi(-1, 'U0CAT', 2);
    await fyi(0, 'U0CAT', 1);
    await fyi(0, 'U0BOB', 2);
    w.clock.now = Date.now();
    const view = await buildReportView(w.deps, TEAM, periodWeeks('month', w.clock.now, TIMEZONE), true);

    // Only the current week would put bob (2) above cat (1 + 2).
    expect(view.people).toEqual([{ name: 'cat', count: 3 }, { name: 'bob', count: 2 }]);
    // Two weeks back is still kept on the day after its grace began, so the first week named depends on today.
    const twoBack = at(-2, 0, 0);
    const first = w.clock.now < weekEndsAt(twoBack, TIMEZONE) + 8 * DAY ? weekOf(twoBack, TIMEZONE) : weekOf(at(-1, 0, 0), TIMEZONE);
    const label = `${first} to ${weekOf(at(0, 0, 0), TIMEZONE)} only: counts per person are not kept longer`;
    expect(view.peopleWeeks).toBe(label);
    expect(JSON.stringify((await reportMessage(w.deps, TEAM, 'month')).blocks)).toContain(`*Most FYI broadcasts* (${label})\\n• cat: 3\\n• bob: 2`);
  });
});

describe('an emergency acknowledged again after "Escalate now"', () => {
  let w: DigestWorld;
  beforeAll(async () => {
    w = await startDigestWorld({ now: at(0, 0, 10) });
    withEvaluation(w, createEvaluationStore(w.deps.redis, w.deps.keys, { flushMs: 0 }));
  });
  afterAll(async () => {
    await w.stop();
  });

  test('counts one acknowledgement, timed at the first', async () => {
    const declaredAt = at(0, 0, 10);
    const e: Emergency = { id: 'ereack', team: TEAM, code: '4321', text: 'db down', severity: 'critical', reporter: 'U0CAT', origin: 'C0GENERAL', declaredAt, status: 'open', step: 0 };
    await recordEmergencyDeclared(w.deps, e);
    await recordEmergencyAction(w.deps, { ...e, status: 'acknowledged', ackAt: declaredAt + 2 * 60_000 }, 'acknowledge');
    // "Escalate now" re-opened it (keeping ackAt); the next tier acknowledges twenty minutes later.
    await recordEmergencyAction(w.deps, { ...e, status: 'acknowledged', ackAt: declaredAt + 22 * 60_000, step: 1 }, 'acknowledge');
    // A declaration that lands twice (a retry, a replay) counts once too.
    await recordEmergencyDeclared(w.deps, e);

    const view = await buildReportView(w.deps, TEAM, periodWeeks('week', declaredAt, TIMEZONE), true);
    expect(view.report.current).toMatchObject({ emergencies: 1, acknowledged: 1, unacknowledged: 0, avgTimeToAck: 2 * 60_000 });
  });
});
