import type { Job } from 'bullmq';
import { eraseUser } from '../../src/flows/admin/erase-user';
import { postDigest } from '../../src/flows/digest/post-digest';
import { digestProcessors } from '../../src/flows/digest/processors';
import { handleMessageJob } from '../../src/flows/handle-message';
import { makeItem, OPS, posted, startDigestWorld, TEAM, type DigestWorld } from './digest-harness';

// Once a person's items are erased, or their message deleted, the bot's own digest replies in Slack must stop
// showing the text: the refresh rewrites those replies in place.

const FAST = { intervalMs: 0 };
const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-24T08:00:00Z');

/** Runs every queued refresh job through the digest processors, as the worker would. */
async function runRefreshJobs(world: DigestWorld): Promise<number> {
  const processors = digestProcessors(world.deps, FAST);
  const jobs = (await world.deps.queues.digest.getJobs(['delayed', 'waiting'])).filter((j) => j?.name === 'refresh');
  for (const job of jobs) {
    await processors.refresh(job as Job);
    await job.remove();
  }
  return jobs.length;
}

/** Everything the channel shows now, as Slack stores it. */
const channelText = (world: DigestWorld) => JSON.stringify(world.slack.workspace.allMessages(OPS));

describe("a posted digest and its authors' privacy", () => {
  let world: DigestWorld;
  beforeEach(async () => {
    world = await startDigestWorld({ now: NOW });
    await world.deps.items.add(makeItem('bob0001', 'do', NOW - 2 * HOUR, { author: 'U0BOB', text: 'bobs private salary question' }));
    await world.deps.items.add(makeItem('cat0001', 'schedule', NOW - HOUR, { author: 'U0CAT', text: 'cats withdrawn remark', ts: '1764000000.000100' }));
    await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'd1', reason: 'now' }, FAST);
    expect(channelText(world)).toContain('bobs private salary question');
    expect(channelText(world)).toContain('cats withdrawn remark');
  });
  afterEach(() => world.stop());

  test('/quadrant erase rewrites the reply that showed the person’s item as removed', async () => {
    const outcome = await eraseUser(world.deps, { team: TEAM, by: 'U0ADA', user: 'U0BOB' });
    expect(outcome).toMatchObject({ ok: true, value: { items: 1 } });
    expect(await runRefreshJobs(world)).toBe(1);
    expect(channelText(world)).not.toContain('bobs private salary question');
    const bobReply = posted(world.slack, 'd1').find((m) => m.itemIds.includes('bob0001'))!;
    expect(JSON.stringify(world.slack.workspace.findMessage(OPS, bobReply.ts)!.blocks)).toContain('This message was removed.');
    expect(channelText(world)).toContain('cats withdrawn remark');
  });

  test('a deleted message takes its text out of the digest reply, which says it was dropped', async () => {
    const event = { type: 'message', subtype: 'message_deleted', channel: OPS, deleted_ts: '1764000000.000100' };
    expect(await handleMessageJob(world.deps, { team: TEAM, eventId: 'Ev0DEL', event })).toBe('item dropped');
    expect(await runRefreshJobs(world)).toBe(1);
    expect(channelText(world)).not.toContain('cats withdrawn remark');
    const catReply = posted(world.slack, 'd1').find((m) => m.itemIds.includes('cat0001'))!;
    expect(JSON.stringify(world.slack.workspace.findMessage(OPS, catReply.ts)!.blocks)).toMatch(/This message was removed\..*dropped/);
  });
});
