import { Worker, type Job } from 'bullmq';
import { postDigest } from '../../src/flows/digest/post-digest';
import { postDigestNow } from '../../src/flows/digest/post-digest-now';
import { digestProcessors } from '../../src/flows/digest/processors';
import { bullConnectionOptions } from '../../src/redis';
import { createDigestStore } from '../../src/store/digest-store';
import { addItems, OPS, postCounts, posted, startDigestWorld, TEAM, type DigestWorld } from './digest-harness';

// A digest that cannot be posted must give its unposted items back and finish: otherwise they stay claimed by
// a digest that never completes, and every later digest counts them as "carried" without ever posting them.

const FAST = { intervalMs: 0 };
const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-24T08:00:00Z'); // Tue 24 Nov, 09:00 in Budapest

const replyIds = (world: DigestWorld, digestId: string) =>
  posted(world.slack, digestId)
    .filter((m) => m.slot !== 'parent')
    .flatMap((m) => m.itemIds);

describe('a digest Slack refuses a message of for good', () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: NOW });
    // addItems makes p0000 drop, p0001 delegate, p0002 schedule: replies go p0002, p0001, p0000.
    await addItems(world.deps, 3, 'p', NOW - HOUR);
  });
  afterEach(() => world.stop());

  test('a refused reply: the other replies still go out, and the next digest posts its item once', async () => {
    world.slack.fault('chat.postMessage', { times: 1 }); // the parent goes through
    world.slack.failMethod('chat.postMessage', 'msg_too_long', 1);
    const outcome = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'refused', reason: 'now' }, FAST);
    expect(outcome).toMatchObject({ status: 'posted' });
    expect(replyIds(world, 'refused')).toEqual(['p0001', 'p0000']);
    expect((await world.deps.items.get(TEAM, 'p0002'))!.posted).toBeUndefined();

    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'next', reason: 'now' }, FAST);
    expect(replyIds(world, 'next')).toEqual(['p0002']);
    expect([...postCounts(world.slack).values()]).toEqual([1, 1, 1]);
  });

  test('a refused parent: the digest stops at once, finished, and the next digest posts every item once', async () => {
    world.slack.failMethod('chat.postMessage', 'invalid_blocks', 1);
    const outcome = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'refused', reason: 'now' }, FAST);
    expect(outcome).toEqual({ status: 'failed', digestId: 'refused', why: 'invalid_blocks' });
    expect((await createDigestStore(world.deps.redis, world.deps.keys).load(TEAM, OPS, 'refused'))!.state).toBe('skipped');
    for (const id of ['p0000', 'p0001', 'p0002']) expect((await world.deps.items.get(TEAM, id))!.posted).toBeUndefined();

    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'next', reason: 'now' }, FAST);
    expect(replyIds(world, 'next')).toEqual(['p0002', 'p0001', 'p0000']);
    expect([...postCounts(world.slack).values()]).toEqual([1, 1, 1]);
  });
});

describe('a digest job whose every attempt fails', () => {
  let world: DigestWorld;
  let worker: Worker;
  beforeEach(async () => {
    world = await startDigestWorld({ now: NOW });
    const processors = digestProcessors(world.deps, FAST);
    worker = new Worker('digest', (job) => processors[job.name as 'post' | 'refresh'](job), {
      connection: bullConnectionOptions(world.redisUrl),
      prefix: world.deps.keys.bullPrefix,
    });
    await addItems(world.deps, 3, 'x', NOW - HOUR);
  });
  afterEach(async () => {
    await worker.close();
    await world.stop();
  });

  test('gives its items back on the last attempt, so the next digest posts them as replies instead of carrying them', async () => {
    world.slack.fault('chat.postMessage', { status: 500, body: 'Slack is having trouble' });
    const finished = new Promise<Job>((resolve) => worker.on('failed', (job) => job && job.attemptsMade >= 2 && resolve(job)));
    // The job postDigestNow queues, with two attempts and no backoff instead of the queue's eight over minutes.
    const data = { team: TEAM, channel: OPS, reason: 'now', digestId: 'stuck' };
    await world.deps.queues.digest.add('post', data, { jobId: 'stuck', attempts: 2, backoff: { type: 'fixed', delay: 0 } });
    const failed = await finished;
    expect(failed.failedReason).toMatch(/retries_exhausted/);
    for (const id of ['x0000', 'x0001', 'x0002']) expect((await world.deps.items.get(TEAM, id))!.posted).toBeUndefined();

    world.slack.clearFaults();
    const second = await postDigestNow(world.deps, TEAM, OPS);
    expect(second).toMatchObject({ ok: true, items: 3 });
    const completed = new Promise<Job>((resolve) => worker.once('completed', resolve));
    expect((await completed).returnvalue).toMatchObject({ status: 'posted', items: 3 });
    expect(replyIds(world, second.ok ? second.digestId : '')).toEqual(['x0002', 'x0001', 'x0000']);
    expect([...postCounts(world.slack).values()]).toEqual([1, 1, 1]);
  });
});
