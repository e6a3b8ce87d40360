import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { jobId } from '../../queue/queues';
import { createDigestStore, NOTHING_POSTED, PARENT_SLOT, replySlot, type DigestRecord, type DigestStore, type Slot } from '../../store/digest-store';
import type { SlackMessage } from '../../slack/blocks/digest-blocks';
import { acquireChannelLock, DEFAULT_LOCK_TTL_MS } from './channel-lock';
import { fingerprint, parentMessage, planItemIds, removedReplyMessage, replyMessage } from './digest-messages';
import { loadItems, MESSAGE_INTERVAL_MS, type PostingOptions } from './post-digest';
import { createPacer, honouringRetryAfter, platformErrorCode, realSleep, type Pacer, type Sleep } from './slack-calls';

/** While a digest is being posted in the channel, its refresh waits this long and tries again. */
const BUSY_RETRY_MS = 3000;

/** Outlives any wait for a refresh job to start, so a lost job cannot block refreshes for long. */
const PENDING_TTL_MS = 60_000;

/**
 * Asks the digest worker to update an already-posted digest in place. Requests made while a refresh job waits
 * to start ride on it, so ten quick Done clicks make one round of chat.update calls; a request made after the
 * job started (and read the items) adds a new one, so no change is missed.
 */
export async function requestDigestRefresh(deps: Deps, team: string, channel: string, digestId: string, delayMs = 1000): Promise<void> {
  const pending = deps.keys.digestRefreshPending(team, channel, digestId);
  if ((await deps.redis.set(pending, '1', 'PX', PENDING_TTL_MS + delayMs, 'NX')) !== 'OK') return;
  try {
    await deps.queues.digest.add('refresh', { team, channel, digestId }, { jobId: jobId('refresh', team, channel, digestId, deps.now()), delay: delayMs });
  } catch (err) {
    await deps.redis.del(pending).catch(() => undefined);
    throw err;
  }
}

export interface RefreshInput {
  team: string;
  channel: string;
  digestId: string;
}

export type RefreshOutcome = { status: 'refreshed'; updated: number } | { status: 'deferred' } | { status: 'not_posted' };

/**
 * Rewrites whatever changed in a posted digest (the parent's counts, items marked done, snoozed or escalated)
 * with chat.update, and the channel's newest digest too, whose parent lists carried items. Never posts a new
 * message. Each message is compared with what it showed last, so only changed ones are sent.
 */
export async function refreshDigest(deps: Deps, input: RefreshInput, options: PostingOptions = {}): Promise<RefreshOutcome> {
  const { team, channel, digestId } = input;
  const store = createDigestStore(deps.redis, deps.keys);
  // From here on, a new request needs a new job: this one may already have read the items.
  await deps.redis.del(deps.keys.digestRefreshPending(team, channel, digestId));
  const record = await store.load(team, channel, digestId);
  if (!record?.plan || !record.posted[PARENT_SLOT]) return { status: 'not_posted' };
  // Posting holds the lock for minutes; not waiting keeps this worker slot free, and the new job catches up after.
  const lock = await acquireChannelLock(store, team, channel, { ttlMs: options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS, waitMs: 0 });
  if (!lock) {
    await requestDigestRefresh(deps, team, channel, digestId, BUSY_RETRY_MS);
    return { status: 'deferred' };
  }
  try {
    const client = await deps.slackFor(team);
    const sleep = options.sleep ?? realSleep;
    const pacer = createPacer(options.intervalMs ?? MESSAGE_INTERVAL_MS, sleep, deps.now);
    let updated = await rewriteChanged(deps, store, client, team, record, pacer, sleep);
    const recent = await store.recent(team, channel);
    if (recent && recent !== digestId) {
      const newest = await store.load(team, channel, recent);
      if (newest?.plan && newest.posted[PARENT_SLOT]) updated += await rewriteChanged(deps, store, client, team, newest, pacer, sleep);
    }
    return { status: 'refreshed', updated };
  } finally {
    await lock.release().catch(() => undefined);
  }
}

async function rewriteChanged(deps: Deps, store: DigestStore, client: WebClient, team: string, record: DigestRecord, pacer: Pacer, sleep: Sleep): Promise<number> {
  const plan = record.plan!;
  const items = await loadItems(deps, team, planItemIds(plan));
  const wanted: Array<[Slot, SlackMessage | undefined]> = [
    [PARENT_SLOT, parentMessage(plan, items)],
    // A posted reply whose items were all erased is rewritten too, or their text would stay in Slack.
    ...plan.replies.map((_, i): [Slot, SlackMessage | undefined] => [replySlot(i), replyMessage(plan, i, items) ?? removedReplyMessage(plan, i)]),
  ];
  let updated = 0;
  for (const [slot, message] of wanted) {
    const ts = record.posted[slot];
    if (!ts || ts === NOTHING_POSTED || !message) continue;
    const shown = fingerprint(message);
    if (record.shown[slot] === shown) continue;
    await pacer.wait();
    try {
      await honouringRetryAfter(() => client.chat.update({ channel: plan.channel, ts, text: message.text, blocks: message.blocks }), sleep);
      updated++;
    } catch (err) {
      const code = platformErrorCode(err);
      if (!code) throw err;
      // Deleted or no longer editable: nothing to keep true there, and retrying would not change that.
      deps.logger.warn({ team, channel: plan.channel, digest: plan.digestId, slot, code }, 'could not update a digest message');
    } finally {
      pacer.sent();
    }
    await store.recordShown(team, plan.channel, plan.digestId, slot, shown);
  }
  return updated;
}
