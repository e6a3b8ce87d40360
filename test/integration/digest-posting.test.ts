import type { Job } from 'bullmq';
import { GROUP_SIZE, SINGLE_REPLY_LIMIT } from '../../src/core/digest-layout';
import { PRIORITIES } from '../../src/core/priority';
import { escalateItem } from '../../src/flows/digest/escalate-item';
import { postDigest } from '../../src/flows/digest/post-digest';
import { postDigestNow } from '../../src/flows/digest/post-digest-now';
import { digestProcessors } from '../../src/flows/digest/processors';
import { snoozeItem } from '../../src/flows/digest/snooze-item';
import { markItemDone } from '../../src/flows/mark-item-done';
import { MAX_BLOCKS, MAX_SECTION_TEXT } from '../../src/slack/blocks/digest-blocks';
import { addItems, HUB, makeItem, OPS, OPS_SETTINGS, postCounts, posted, startDigestWorld, TEAM, updates, type DigestWorld, type SeenMessage } from './digest-harness';

// Posting against the sandbox's fake Slack (strict: it refuses unknown arguments and invalid Block Kit) with a
// real WebClient, on real Redis. Pacing is off here (intervalMs 0) except where pacing is the subject.

const FAST = { intervalMs: 0 };
const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-24T08:00:00Z'); // Tue 24 Nov, 09:00 in Budapest

const replies = (messages: SeenMessage[]) => messages.filter((m) => m.slot !== 'parent');
const parentOf = (messages: SeenMessage[]) => messages.find((m) => m.slot === 'parent')!;
const json = (message: SeenMessage) => JSON.stringify(message.blocks);

describe('a digest of a few items', () => {
  let world: DigestWorld;
  let messages: SeenMessage[];
  const order = ['do', 'schedule', 'delegate', 'drop'];

  beforeAll(async () => {
    world = await startDigestWorld({ now: NOW });
    await addItems(world.deps, 8, 'f', NOW - HOUR);
    await world.deps.items.add(makeItem('loud001', 'schedule', NOW - 2 * HOUR, { text: '<!channel> deploy done, <@U0ADA> please check <https://evil.example|https://bank.example>' }));
    const outcome = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'd1', reason: 'now' }, FAST);
    expect(outcome).toMatchObject({ status: 'posted', items: 9, replies: 9 });
    messages = posted(world.slack, 'd1');
  });
  afterAll(() => world.stop());

  test('posts one parent and then each item once, as its own threaded reply', () => {
    const parent = parentOf(messages);
    expect(messages[0]).toBe(parent);
    expect(parent.threadTs).toBeUndefined();
    expect(replies(messages).every((m) => m.threadTs === parent.ts && m.itemIds.length === 1)).toBe(true);
    expect([...postCounts(world.slack).values()]).toEqual(Array(9).fill(1));
  });

  test('titles the parent with the day and the counts', () => {
    expect(parentOf(messages).text).toBe('Daily operations, Tue 24 Nov: 9 items, 2 to do now, 3 to schedule, 2 to delegate, 2 to drop');
  });

  test('orders replies do, schedule, delegate, then drop, which is listed last and not hidden', () => {
    const priorities = replies(messages).map((m) => order.findIndex((p) => m.text.toLowerCase().startsWith(p === 'do' ? 'do now' : p)));
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(replies(messages).at(-1)!.text).toMatch(/^Drop: /);
  });

  test('gives each item author, age, link and Done, Snooze and Escalate buttons', () => {
    const reply = replies(messages).find((m) => m.itemIds[0] === 'f0003')!;
    expect(json(reply)).toContain('by bob · 1h');
    const actions = reply.blocks.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string; value: string }> };
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([['item_done', 'f0003'], ['item_snooze', 'f0003'], ['item_escalate', 'f0003']]);
  });

  test('posts every message with unfurl_links false', () => {
    expect(messages.map((m) => m.unfurlLinks)).toEqual(Array(messages.length).fill('false'));
  });

  test('shows broadcasts, mentions and forged links in an item harmlessly', () => {
    const reply = json(replies(messages).find((m) => m.itemIds[0] === 'loud001')!);
    for (const forbidden of ['<!channel>', '<@U0ADA>', '|https://bank.example>']) expect(reply).not.toContain(forbidden);
    expect(reply).toContain('@\u200Bchannel deploy done');
  });

  test("records each item's reply on the item", async () => {
    const item = await world.deps.items.get(TEAM, 'f0003');
    const reply = replies(messages).find((m) => m.itemIds[0] === 'f0003')!;
    expect(item!.posted).toEqual({ digestId: 'd1', channel: OPS, ts: reply.ts });
  });
});

describe('a digest of many items', () => {
  let world: DigestWorld;
  beforeAll(async () => {
    world = await startDigestWorld({ now: NOW });
  });
  afterAll(() => world.stop());

  // At the 50-item edge and far beyond it (2,000 items must still read as a digest within Slack's limits).
  const cases: Array<[label: string, n: number, maxReplies: number]> = [
    ['75 items', 75, SINGLE_REPLY_LIMIT + Math.ceil(25 / GROUP_SIZE) + PRIORITIES.length],
    ['2,000 items', 2000, SINGLE_REPLY_LIMIT + Math.ceil(1950 / GROUP_SIZE) + PRIORITIES.length],
  ];
  test.each(cases)('%s: the first 50 get a reply each, later ones are grouped, every item once and within limits', async (_label, n, maxReplies) => {
    const digestId = `many-${n}`;
    const ids = (await addItems(world.deps, n, `m${n}x`, NOW - HOUR)).map((i) => i.id);
    const outcome = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId, reason: 'now' }, FAST);
    expect(outcome).toMatchObject({ status: 'posted', items: n });
    const messages = posted(world.slack, digestId);
    const threaded = replies(messages);
    expect(threaded.length).toBeLessThanOrEqual(maxReplies);
    expect(threaded.slice(0, SINGLE_REPLY_LIMIT).every((m) => m.itemIds.length === 1)).toBe(true);
    expect(threaded.slice(SINGLE_REPLY_LIMIT).every((m) => m.itemIds.length > 1 && m.itemIds.length <= GROUP_SIZE)).toBe(true);
    expect(threaded.flatMap((m) => m.itemIds).sort()).toEqual([...ids].sort());
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
      for (const block of message.blocks) {
        const text = (block.text as { text?: string } | undefined)?.text ?? '';
        expect(text.length).toBeLessThanOrEqual(block.type === 'header' ? 150 : MAX_SECTION_TEXT);
      }
    }
    expect(parentOf(messages).text).toContain(`: ${n} items`);
  });
});

describe('a later digest', () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: NOW });
    await addItems(world.deps, 3, 'old', NOW - 5 * HOUR);
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'first', reason: 'now' }, FAST);
  });
  afterEach(() => world.stop());

  test('posts only new items, and its parent counts and links what is still open from earlier', async () => {
    await addItems(world.deps, 2, 'new', NOW - HOUR);
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'second', reason: 'now' }, FAST);
    const second = posted(world.slack, 'second');
    expect(replies(second).flatMap((m) => m.itemIds).sort()).toEqual(['new0000', 'new0001']);
    expect(parentOf(second).text).toMatch(/: 2 items, .*; 3 still open from earlier$/);
    expect(json(parentOf(second))).toContain('*3* still open from earlier digests');
    expect([...postCounts(world.slack).values()].every((n) => n === 1)).toBe(true);
  });

  test('with nothing new, posts nothing', async () => {
    const outcome = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'second', reason: 'now' }, FAST);
    expect(outcome).toEqual({ status: 'skipped', digestId: 'second', why: 'empty' });
    expect(posted(world.slack, 'second')).toEqual([]);
  });

  test('with nothing new, a channel that asks for empty digests gets a parent listing what is still open', async () => {
    const settings = structuredClone(OPS_SETTINGS);
    settings.channels!.C0OPS!.digest!.post_empty = true;
    await world.deps.settings.set(TEAM, settings, 'U0ADA');
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'second', reason: 'now' }, FAST);
    const second = posted(world.slack, 'second');
    expect(second.map((m) => m.slot)).toEqual(['parent']);
    expect(json(second[0]!)).toContain('Nothing new since the last digest.');
    expect(json(second[0]!)).toContain('*3* still open from earlier digests');
  });

  test('running the same digest again posts nothing more', async () => {
    const before = world.slack.callsTo('chat.postMessage').length;
    expect(await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'first', reason: 'now' }, FAST)).toEqual({ status: 'already_posted', digestId: 'first' });
    expect(world.slack.callsTo('chat.postMessage').length).toBe(before);
  });
});

describe('when items are marked done, snoozed or escalated after posting', () => {
  let world: DigestWorld;
  const replyFor = (id: string) => replies(posted(world.slack, 'morning')).find((m) => m.itemIds.includes(id))!;
  const lastUpdateOf = (ts: string) => updates(world.slack).filter((u) => u.ts === ts).at(-1);

  /** Runs the refresh jobs the flows queued, through the digest processors, as a worker would. */
  async function runRefreshJobs(): Promise<number> {
    const jobs = (await world.deps.queues.digest.getJobs(['delayed', 'waiting'])).filter((j) => j?.name === 'refresh');
    const processors = digestProcessors(world.deps, FAST);
    for (const job of jobs) {
      await processors.refresh(job as Job);
      await job.remove();
    }
    return jobs.length;
  }

  beforeEach(async () => {
    world = await startDigestWorld({ now: NOW });
    await world.deps.items.add(makeItem('doneme1', 'schedule', NOW - 3 * HOUR));
    await world.deps.items.add(makeItem('snooze1', 'delegate', NOW - 3 * HOUR));
    await world.deps.items.add(makeItem('raiseme', 'drop', NOW - 3 * HOUR));
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'morning', reason: 'now' }, FAST);
  });
  afterEach(() => world.stop());

  test('done: the item reply and the parent counts are updated in place, with no new message', async () => {
    const postsBefore = world.slack.callsTo('chat.postMessage').length;
    await markItemDone(world.deps, TEAM, 'doneme1', 'U0ADA');
    expect(await runRefreshJobs()).toBe(1);
    expect(world.slack.callsTo('chat.postMessage').length).toBe(postsBefore);
    const reply = lastUpdateOf(replyFor('doneme1').ts)!;
    expect(json(reply)).toContain(':white_check_mark: done');
    expect(reply.blocks.some((b) => b.type === 'actions')).toBe(false);
    const parent = lastUpdateOf(parentOf(posted(world.slack, 'morning')).ts)!;
    expect(parent.text).toBe('Daily operations, Tue 24 Nov: 2 items, 1 to delegate, 1 to drop');
    expect(json(parent)).toContain(':white_check_mark: 1 done since this digest was posted.');
    // The untouched replies are not rewritten.
    expect(updates(world.slack).map((u) => u.ts).sort()).toEqual([replyFor('doneme1').ts, parentOf(posted(world.slack, 'morning')).ts].sort());
  });

  test('snooze: the reply says so, and the item returns in the next digest', async () => {
    const outcome = await snoozeItem(world.deps, TEAM, 'snooze1');
    expect(outcome).toMatchObject({ ok: true, changed: true, until: Date.parse('2026-11-25T08:00:00Z') });
    await runRefreshJobs();
    const reply = lastUpdateOf(replyFor('snooze1').ts)!;
    expect(json(reply)).toContain(':zzz: snoozed to the next digest');
    expect(reply.blocks.some((b) => b.type === 'actions')).toBe(false);

    // Still snoozed: a manual digest later today leaves it out.
    world.clock.now += HOUR;
    expect(await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'noon', reason: 'now' }, FAST)).toMatchObject({ status: 'skipped' });
    // Wednesday's digest lists it again, as new.
    world.clock.now = Date.parse('2026-11-25T08:00:00Z');
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: '2026-11-25', reason: 'scheduled' }, FAST);
    expect(replies(posted(world.slack, '2026-11-25')).flatMap((m) => m.itemIds)).toEqual(['snooze1']);
  });

  test('escalate: the item is raised to Do now, marked, and keeps its buttons', async () => {
    expect(await escalateItem(world.deps, TEAM, 'raiseme')).toMatchObject({ ok: true, changed: true, item: { priority: 'do' } });
    await runRefreshJobs();
    const reply = lastUpdateOf(replyFor('raiseme').ts)!;
    expect(json(reply)).toContain(':small_red_triangle: escalated to Do now');
    expect(reply.blocks.some((b) => b.type === 'actions')).toBe(true);
    expect(lastUpdateOf(parentOf(posted(world.slack, 'morning')).ts)!.text).toContain('1 to do now');
  });

  test('a later digest carrying a done item updates its parent too', async () => {
    await world.deps.items.add(makeItem('later01', 'do', NOW));
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'evening', reason: 'now' }, FAST);
    const eveningParent = parentOf(posted(world.slack, 'evening'));
    expect(json(eveningParent)).toContain('*3* still open from earlier digests');
    await markItemDone(world.deps, TEAM, 'doneme1', 'U0ADA');
    await runRefreshJobs();
    expect(json(lastUpdateOf(eveningParent.ts)!)).toContain('*2* still open from earlier digests');
  });

  test('a refresh with nothing changed sends nothing', async () => {
    await digestProcessors(world.deps, FAST).refresh({ name: 'refresh', id: 'x', data: { team: TEAM, channel: OPS, digestId: 'morning' } } as Job);
    await digestProcessors(world.deps, FAST).refresh({ name: 'refresh', id: 'y', data: { team: TEAM, channel: OPS, digestId: 'morning' } } as Job);
    expect(world.slack.callsTo('chat.update').length).toBe(0);
  });
});

describe('Slack rate limits', () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: NOW });
    world.slack.setRateLimit('chat.postMessage', { limit: 1, per: 'channel' });
    await addItems(world.deps, 6, 'r', NOW - HOUR);
  });
  afterEach(() => world.stop());

  test('pacing at one message a second meets no 429', async () => {
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'paced', reason: 'now' }, { intervalMs: 1000, sleep: world.sleep });
    expect(world.slack.callsTo('chat.postMessage').filter((c) => c.status === 429)).toEqual([]);
    expect(posted(world.slack, 'paced')).toHaveLength(7);
  });

  test('without pacing, every 429 is waited out for its Retry-After and nothing is lost or doubled', async () => {
    const waits: number[] = [];
    const sleep = (ms: number) => (waits.push(ms), world.sleep(ms));
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'unpaced', reason: 'now' }, { intervalMs: 0, sleep });
    expect(world.slack.callsTo('chat.postMessage').filter((c) => c.status === 429).length).toBe(6);
    expect(waits).toEqual(Array(6).fill(1000));
    expect([...postCounts(world.slack).values()]).toEqual(Array(6).fill(1));
  });
});

describe('when Slack refuses the channel', () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: NOW });
    await addItems(world.deps, 3, 'k', NOW - HOUR);
  });
  afterEach(() => world.stop());

  test('the digest fails without retrying and its items go to the next digest', async () => {
    const channel = world.slack.workspace.channel(OPS)!;
    channel.members = channel.members.filter((m) => m !== world.slack.workspace.bot.userId);
    const outcome = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'refused', reason: 'now' }, FAST);
    expect(outcome).toEqual({ status: 'failed', digestId: 'refused', why: 'not_in_channel' });
    expect((await world.deps.items.get(TEAM, 'k0000'))!.posted).toBeUndefined();
    channel.members.push(world.slack.workspace.bot.userId);
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'welcome-back', reason: 'now' }, FAST);
    // addItems made k0000 drop, k0001 delegate, k0002 schedule.
    expect(replies(posted(world.slack, 'welcome-back')).flatMap((m) => m.itemIds)).toEqual(['k0002', 'k0001', 'k0000']);
  });
});

describe('/quadrant digest now', () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: NOW });
  });
  afterEach(() => world.stop());

  test('queues the channel digest, and the worker posts it; a second one posts no item again', async () => {
    await addItems(world.deps, 3, 'n', NOW - HOUR);
    const first = await postDigestNow(world.deps, TEAM, OPS);
    expect(first).toEqual({ ok: true, digestId: '2026-11-24-now-1', items: 3 });
    const job = await world.deps.queues.digest.getJob('digest-T0SANDBOX-C0OPS-2026-11-24-now-1');
    await digestProcessors(world.deps, FAST).post(job as Job);
    expect(replies(posted(world.slack, '2026-11-24-now-1'))).toHaveLength(3);
    expect(await postDigestNow(world.deps, TEAM, OPS)).toEqual({ ok: false, reason: 'empty', carried: 3 });
  });

  test('refuses a channel without a digest', async () => {
    expect(await postDigestNow(world.deps, TEAM, HUB)).toEqual({ ok: false, reason: 'no_digest', carried: 0 });
  });
});
