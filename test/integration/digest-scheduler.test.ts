import { Worker, type Job } from 'bullmq';
import type { SettingsInput } from '../../src/config/settings';
import { digestProcessors } from '../../src/flows/digest/processors';
import { postDigest } from '../../src/flows/digest/post-digest';
import { catchUpMissedDigests, scheduledJobId, syncDigestSchedulers } from '../../src/flows/digest/schedule-digests';
import { bullConnectionOptions } from '../../src/redis';
import { addItems, OPS, posted, startDigestWorld, TEAM, type DigestWorld } from './digest-harness';

// Each channel's next digest is one delayed BullMQ job at nextDigestAt (see schedule-digests.ts for why not a
// cron job scheduler). These tests read the jobs BullMQ stores and run them through the digest processors.

const FAST = { intervalMs: 0 };
const GENERAL = 'C0GENERAL';
const MON_1100 = Date.parse('2026-11-23T10:00:00Z'); // Mon 23 Nov, 11:00 in Budapest

function settingsWith(channels: Record<string, { at: string; days?: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'> }>, timezone = 'Europe/Budapest'): SettingsInput {
  return {
    timezone,
    channels: Object.fromEntries(Object.entries(channels).map(([id, digest]) => [id, { area: 'daily_operations' as const, digest: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], ...digest } }])),
  };
}

async function jobAt(world: DigestWorld, channel: string, dueIso: string) {
  return world.deps.queues.digest.getJob(scheduledJobId(TEAM, channel, Date.parse(dueIso)));
}

async function delayedPostJobs(world: DigestWorld): Promise<Array<{ channel: string; due: string }>> {
  const jobs = await world.deps.queues.digest.getJobs(['delayed', 'waiting']);
  return jobs
    .filter((j) => j?.name === 'post')
    .map((j) => ({ channel: j.data.channel as string, due: new Date(j.data.dueAt as number).toISOString() }))
    .sort((a, b) => (a.channel + a.due < b.channel + b.due ? -1 : 1));
}

/** Runs every queued 'post' job through the processors, as a worker would, and removes it. */
async function runPostJobs(world: DigestWorld): Promise<unknown[]> {
  const processors = digestProcessors(world.deps, FAST);
  const outcomes: unknown[] = [];
  const jobs = (await world.deps.queues.digest.getJobs(['delayed', 'waiting'])).filter((j) => j?.name === 'post' && j.data.dueAt <= world.clock.now);
  for (const job of jobs) {
    outcomes.push(await processors.post(job as Job));
    await job.remove();
  }
  return outcomes;
}

describe('syncDigestSchedulers', () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: MON_1100, settings: settingsWith({ [OPS]: { at: '09:00' }, [GENERAL]: { at: '17:30', days: ['mon', 'wed'] } }) });
  });
  afterEach(() => world.stop());

  test('registers one delayed post job per digest channel, at its next local time', async () => {
    const result = await syncDigestSchedulers(world.deps, TEAM);
    expect(result.removed).toEqual([]);
    expect(await delayedPostJobs(world)).toEqual([
      { channel: GENERAL, due: '2026-11-23T16:30:00.000Z' },
      { channel: OPS, due: '2026-11-24T08:00:00.000Z' },
    ]);
    const job = await jobAt(world, OPS, '2026-11-24T08:00:00Z');
    expect(await job!.getState()).toBe('delayed');
    expect(job!.opts.delay).toBe(Date.parse('2026-11-24T08:00:00Z') - MON_1100);
  });

  test('running it again, from any number of processes, adds nothing', async () => {
    await Promise.all([syncDigestSchedulers(world.deps, TEAM), syncDigestSchedulers(world.deps, TEAM)]);
    await syncDigestSchedulers(world.deps, TEAM);
    expect(await delayedPostJobs(world)).toHaveLength(2);
  });

  test('a changed time replaces the job', async () => {
    await syncDigestSchedulers(world.deps, TEAM);
    await world.deps.settings.set(TEAM, settingsWith({ [OPS]: { at: '10:15' }, [GENERAL]: { at: '17:30', days: ['mon', 'wed'] } }), 'U0ADA');
    await syncDigestSchedulers(world.deps, TEAM);
    expect(await jobAt(world, OPS, '2026-11-24T08:00:00Z')).toBeUndefined();
    expect(await delayedPostJobs(world)).toEqual([
      { channel: GENERAL, due: '2026-11-23T16:30:00.000Z' },
      { channel: OPS, due: '2026-11-24T09:15:00.000Z' },
    ]);
  });

  test("a removed channel's job is removed", async () => {
    await syncDigestSchedulers(world.deps, TEAM);
    await world.deps.settings.set(TEAM, settingsWith({ [OPS]: { at: '09:00' } }), 'U0ADA');
    expect(await syncDigestSchedulers(world.deps, TEAM)).toMatchObject({ removed: [GENERAL] });
    expect(await delayedPostJobs(world)).toEqual([{ channel: OPS, due: '2026-11-24T08:00:00.000Z' }]);
  });

  test("a channel that loses its digest gives its open items to the digest that takes them now, which posts them", async () => {
    await syncDigestSchedulers(world.deps, TEAM);
    await addItems(world.deps, 2, 'g', MON_1100, { channel: GENERAL, digestChannel: GENERAL });
    await world.deps.settings.set(TEAM, settingsWith({ [OPS]: { at: '09:00' } }), 'U0ADA');
    expect(await syncDigestSchedulers(world.deps, TEAM)).toMatchObject({ removed: [GENERAL], moved: { [GENERAL]: { to: OPS, items: 2 } } });
    expect(await world.deps.items.listOpen(TEAM, GENERAL)).toEqual([]);
    expect((await world.deps.items.listOpen(TEAM, OPS)).map((i) => i.id)).toEqual(['g0000', 'g0001']);
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'takes-over', reason: 'now' }, FAST);
    expect(posted(world.slack, 'takes-over').flatMap((m) => m.itemIds).sort()).toEqual(['g0000', 'g0001']);
  });

  test('with no digest left anywhere, the items wait and move once a digest is set up again', async () => {
    await syncDigestSchedulers(world.deps, TEAM);
    await addItems(world.deps, 1, 'w', MON_1100, { channel: GENERAL, digestChannel: GENERAL });
    await world.deps.settings.set(TEAM, { timezone: 'Europe/Budapest', channels: { [GENERAL]: { area: 'daily_operations' } } }, 'U0ADA');
    expect(await syncDigestSchedulers(world.deps, TEAM)).toMatchObject({ moved: {} });
    await world.deps.settings.set(TEAM, settingsWith({ [OPS]: { at: '09:00' } }), 'U0ADA');
    expect(await syncDigestSchedulers(world.deps, TEAM)).toMatchObject({ moved: { [GENERAL]: { to: OPS, items: 1 } } });
    expect((await world.deps.items.listOpen(TEAM, OPS)).map((i) => i.id)).toEqual(['w0000']);
  });

  test('a job that outlived its channel posts nothing', async () => {
    await syncDigestSchedulers(world.deps, TEAM);
    const job = await jobAt(world, GENERAL, '2026-11-23T16:30:00Z');
    await world.deps.settings.set(TEAM, settingsWith({ [OPS]: { at: '09:00' } }), 'U0ADA');
    world.clock.now = Date.parse('2026-11-23T16:30:00Z');
    expect(await digestProcessors(world.deps, FAST).post(job as Job)).toEqual({ status: 'not_configured' });
    expect(posted(world.slack)).toEqual([]);
  });
});

describe('across daylight-saving changes', () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: MON_1100 });
  });
  afterEach(() => world.stop());

  // Europe/Budapest springs forward on 29 March 2026 (02:00 -> 03:00) and falls back on 25 October (03:00 -> 02:00).
  // The 02:30 rows are the two moments where cron-parser, and so a BullMQ cron job scheduler, would answer
  // differently (digest-cron-agreement.test.ts): it would skip the gap day's digest, and post the repeated one twice.
  const WEEKDAYS = undefined;
  const DAILY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const cases: Array<[label: string, at: string, days: typeof DAILY | undefined, now: string, due: string]> = [
    ['weekday 09:00 across spring-forward (Saturday -> Monday, now UTC+2)', '09:00', WEEKDAYS, '2026-03-28T10:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['weekday 09:00 across fall-back (now UTC+1)', '09:00', WEEKDAYS, '2026-10-24T10:00:00Z', '2026-10-26T08:00:00.000Z'],
    ['daily 02:30 on the gap day, asked at 03:10: shifted to 03:30 that day, not skipped', '02:30', DAILY, '2026-03-29T01:10:00Z', '2026-03-29T01:30:00.000Z'],
    ['daily 02:30 on the fall-back day, asked in the repeated hour after it posted: the next day', '02:30', DAILY, '2026-10-25T01:10:00Z', '2026-10-26T01:30:00.000Z'],
  ];
  test.each(cases)('%s', async (_label, at, days, now, due) => {
    world.clock.now = Date.parse(now);
    await world.deps.settings.set(TEAM, settingsWith({ [OPS]: { at, ...(days ? { days: [...days] } : {}) } }), 'U0ADA');
    await syncDigestSchedulers(world.deps, TEAM);
    expect(await delayedPostJobs(world)).toEqual([{ channel: OPS, due }]);
  });
});

describe('a scheduled digest job', () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: MON_1100 });
    await syncDigestSchedulers(world.deps, TEAM);
    await addItems(world.deps, 3, 's', MON_1100);
    world.clock.now = Date.parse('2026-11-24T08:00:00.200Z');
  });
  afterEach(() => world.stop());

  test("posts the digest named by its local date and schedules the channel's next one", async () => {
    expect(await runPostJobs(world)).toMatchObject([{ status: 'posted', digestId: '2026-11-24', items: 3 }]);
    expect(posted(world.slack, '2026-11-24')).toHaveLength(4);
    expect(await delayedPostJobs(world)).toEqual([{ channel: OPS, due: '2026-11-25T08:00:00.000Z' }]);
  });

  test('run again (a retried job) it posts nothing more', async () => {
    const job = await jobAt(world, OPS, '2026-11-24T08:00:00Z');
    const processors = digestProcessors(world.deps, FAST);
    await processors.post(job as Job);
    expect(await processors.post(job as Job)).toEqual({ status: 'already_posted', digestId: '2026-11-24' });
    expect(posted(world.slack)).toHaveLength(4);
  });
});

describe('a digest missed while Quadrant was down', () => {
  let world: DigestWorld;
  const WED_1400 = Date.parse('2026-11-25T13:00:00Z');
  beforeEach(async () => {
    world = await startDigestWorld({ now: MON_1100 });
    await syncDigestSchedulers(world.deps, TEAM);
    await addItems(world.deps, 3, 'x', MON_1100);
    // Down from Monday until Wednesday afternoon: Tuesday's and Wednesday's digests never ran.
    world.clock.now = WED_1400;
  });
  afterEach(() => world.stop());

  test('is posted once when Quadrant comes back, however many days it missed', async () => {
    // Tuesday's job is still queued (Redis kept it); catch-up adds Wednesday's. Both run: one digest.
    expect(await catchUpMissedDigests(world.deps, TEAM)).toEqual([{ channel: OPS, digestId: '2026-11-25' }]);
    await syncDigestSchedulers(world.deps, TEAM);
    const outcomes = await runPostJobs(world);
    expect(outcomes.filter((o) => (o as { status: string }).status === 'posted')).toHaveLength(1);
    expect(posted(world.slack).filter((m) => m.slot === 'parent').map((m) => m.digestId)).toEqual(['2026-11-25']);
    expect(await catchUpMissedDigests(world.deps, TEAM)).toEqual([]);
    expect(await delayedPostJobs(world)).toEqual([{ channel: OPS, due: '2026-11-26T08:00:00.000Z' }]);
  });

  test('is posted once when its job was lost too (Redis restarted without persistence)', async () => {
    await world.deps.queues.digest.remove(scheduledJobId(TEAM, OPS, Date.parse('2026-11-24T08:00:00Z')));
    await catchUpMissedDigests(world.deps, TEAM);
    await catchUpMissedDigests(world.deps, TEAM);
    expect(await runPostJobs(world)).toMatchObject([{ status: 'posted', digestId: '2026-11-25' }]);
    expect(await catchUpMissedDigests(world.deps, TEAM)).toEqual([]);
  });

  test('is not owed when the schedule changed meanwhile', async () => {
    await world.deps.settings.set(TEAM, settingsWith({ [OPS]: { at: '08:30' } }), 'U0ADA');
    await syncDigestSchedulers(world.deps, TEAM);
    expect(await catchUpMissedDigests(world.deps, TEAM)).toEqual([]);
  });
});

describe('the digest queue with a real BullMQ worker', () => {
  let world: DigestWorld;
  let worker: Worker;
  beforeEach(async () => {
    world = await startDigestWorld({ now: MON_1100 });
    const processors = digestProcessors(world.deps, FAST);
    worker = new Worker('digest', (job) => processors[job.name as 'post' | 'refresh'](job), { connection: bullConnectionOptions(world.redisUrl), prefix: world.deps.keys.bullPrefix });
  });
  afterEach(async () => {
    await worker.close();
    await world.stop();
  });

  test('runs a caught-up digest and keeps a job with bad data in the failed set without retrying', async () => {
    await syncDigestSchedulers(world.deps, TEAM);
    // Lost, so that catch-up queues a job due now (the kept one's delay follows the wall clock, not the test's).
    await world.deps.queues.digest.remove(scheduledJobId(TEAM, OPS, Date.parse('2026-11-24T08:00:00Z')));
    await addItems(world.deps, 2, 'w', MON_1100);
    world.clock.now = Date.parse('2026-11-24T12:00:00Z');
    const completed = new Promise<Job>((resolve) => worker.once('completed', resolve));
    await catchUpMissedDigests(world.deps, TEAM);
    expect((await completed).returnvalue).toMatchObject({ status: 'posted', digestId: '2026-11-24' });

    const failed = new Promise<Job | undefined>((resolve) => worker.once('failed', resolve));
    await world.deps.queues.digest.add('post', { team: TEAM, channel: OPS, reason: 'now', digestId: 'bad:id' }, { jobId: 'bad-data' });
    const job = await failed;
    expect(job!.failedReason).toMatch(/^quadrant_payload_invalid/);
    expect(job!.attemptsMade).toBe(1);
  });
});

