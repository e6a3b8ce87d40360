import type { WebClient } from '@slack/web-api';
import { recordDigestPosted } from '../evaluation/record';
import type { Item } from '../../core/item';
import type { Deps } from '../../deps';
import type { SlackMessage } from '../../slack/blocks/digest-blocks';
import {
  createDigestStore, NOTHING_POSTED, PARENT_SLOT, replySlot,
  type DigestPlan, type DigestReason, type DigestStore, type Slot,
} from '../../store/digest-store';
import { fingerprint, parentMessage, planItemIds, replyMessage, type ItemsById } from './digest-messages';
import { acquireChannelLock, DEFAULT_LOCK_TTL_MS, type ChannelLock } from './channel-lock';
import { planDigest } from './plan-digest';
import { findPostedSlots, slotMetadata } from './reconcile';
import { CHANNEL_GONE, createPacer, honouringRetryAfter, isTransientSlackError, platformErrorCode, postingClient, realSleep, type Pacer, type Sleep } from './slack-calls';

export interface PostDigestInput {
  team: string;
  channel: string;
  /** Local date for a scheduled digest ("2026-11-24"), with "-now-<n>" for a manual one; never contains ":". */
  digestId: string;
  reason: DigestReason;
  /** When a scheduled digest was due; the digest is read at this moment or later. */
  dueAt?: number;
}

export type PostDigestOutcome =
  | { status: 'posted'; digestId: string; parentTs: string; items: number; replies: number; resumed: boolean }
  | { status: 'already_posted'; digestId: string }
  | { status: 'skipped'; digestId: string; why: 'empty' }
  /**
   * Slack refused the channel or a message for good (bot removed, channel archived, msg_too_long), or the job's
   * last attempt failed: unposted items were given back to the next digest and this one is finished.
   */
  | { status: 'failed'; digestId: string; why: string };

export interface PostingOptions {
  /** Gap after each message in the channel; Slack allows about one a second per channel (FACTS.md §4). */
  intervalMs?: number;
  /** Waits between messages and for Retry-After; injected so tests need not wait real seconds. */
  sleep?: Sleep;
  /** How long the channel lock lives without being renewed (renewed after every message). */
  lockTtlMs?: number;
  /** How long to wait for another worker posting in the same channel before giving the job back. */
  lockWaitMs?: number;
  /**
   * The queue will not run this job again: a failure gives the unposted items back instead of leaving them
   * claimed by a digest that never finishes (the next digest would count them as carried and never post them).
   */
  finalAttempt?: boolean;
}

/** Thrown when another worker took the channel over: that worker finishes the digest, so nothing is given back. */
class LostLockError extends Error {}

export const MESSAGE_INTERVAL_MS = 1000;

/** Items of the listed ids that still exist, fetched in one pipelined round trip. */
export async function loadItems(deps: Deps, team: string, ids: readonly string[]): Promise<ItemsById> {
  const items = await Promise.all(ids.map((id) => deps.items.get(team, id)));
  return new Map(items.filter((i): i is Item => i !== undefined).map((i) => [i.id, i]));
}

/**
 * Posts one digest: plans it (claiming its items) unless a plan exists, posts the parent, then one threaded
 * reply after another, recording each message's ts as soon as Slack answers. Safe to run again at any point:
 * a finished digest is left alone, a started one resumes after its last recorded message, and a message that
 * may have reached Slack unrecorded is looked up in Slack before anything is posted again.
 */
export async function postDigest(deps: Deps, input: PostDigestInput, options: PostingOptions = {}): Promise<PostDigestOutcome> {
  const store = createDigestStore(deps.redis, deps.keys);
  const lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const lock = await acquireChannelLock(store, input.team, input.channel, { ttlMs: lockTtlMs, waitMs: options.lockWaitMs ?? lockTtlMs });
  if (!lock) throw new Error(`digest ${input.digestId}: another worker is posting in ${input.channel}; retrying later`);
  try {
    return await postLocked(deps, store, lock, input, { ...options, lockTtlMs });
  } finally {
    await lock.release().catch(() => undefined);
  }
}

async function postLocked(deps: Deps, store: DigestStore, lock: ChannelLock, input: PostDigestInput, options: PostingOptions): Promise<PostDigestOutcome> {
  const { team, channel, digestId, reason } = input;
  const log = deps.logger.child({ team, channel, digest: digestId });
  const scheduled = reason !== 'now';
  const sleep = options.sleep ?? realSleep;
  let record = await store.load(team, channel, digestId);
  if (record?.state === 'done') return { status: 'already_posted', digestId };
  if (record?.state === 'skipped') return { status: 'skipped', digestId, why: 'empty' };

  const slack = await deps.slackFor(team);
  const resumed = record?.plan !== undefined;
  if (!record?.plan) {
    const settings = await deps.settings.get(team);
    const at = Math.max(deps.now(), input.dueAt ?? 0);
    const postEmpty = settings.channels[channel]?.digest?.post_empty ?? false;
    const planned = await planDigest(deps, store, slack, { team, channel, digestId, reason, at, timezone: settings.timezone, postEmpty });
    if (planned.status === 'finished') return { status: 'already_posted', digestId };
    if (planned.status === 'empty') {
      await store.finish(team, channel, digestId, 'skipped', scheduled);
      log.info('nothing new; digest skipped');
      return { status: 'skipped', digestId, why: 'empty' };
    }
    record = { posted: {}, shown: {}, ...record, plan: planned.plan };
  }
  const plan = record.plan!;
  const client = postingClient(slack, deps.logger);
  const posted = { ...record.posted };
  try {
    return await postPlanned(deps, store, lock, client, { team, plan, posted, resumed, inflight: record.inflight, scheduled, log }, options, sleep);
  } catch (err) {
    if (!options.finalAttempt || err instanceof LostLockError) throw err;
    // A slot sent but never confirmed is looked up once more. If Slack cannot even be read, its items are given
    // back with the rest: after every attempt failed the send most likely failed too, and an item left claimed
    // by a finished digest would never get a reply of its own.
    const inflight = (await store.load(team, channel, digestId))?.inflight;
    if (inflight && !posted[inflight]) await adoptFromSlack(store, client, team, plan, posted, sleep).catch(() => undefined);
    log.error({ err, unconfirmed: inflight && !posted[inflight] ? inflight : undefined }, 'last attempt of the digest failed');
    return releaseAndStop(deps, store, { team, plan, posted, code: 'retries_exhausted', scheduled, log });
  }
}

interface Progress {
  team: string;
  plan: DigestPlan;
  posted: Record<Slot, string>;
  resumed: boolean;
  inflight: Slot | undefined;
  scheduled: boolean;
  log: Deps['logger'];
}

async function postPlanned(deps: Deps, store: DigestStore, lock: ChannelLock, client: WebClient, progress: Progress, options: PostingOptions, sleep: Sleep): Promise<PostDigestOutcome> {
  const { team, plan, posted, resumed, scheduled, log } = progress;
  const { channel, digestId } = plan;

  if (resumed && Object.keys(posted).length < plan.replies.length + 1) {
    // A previous attempt stopped part-way: any message it sent but did not record is taken from Slack.
    await adoptFromSlack(store, client, team, plan, posted, sleep);
    log.info({ posted: Object.keys(posted).length, inflight: progress.inflight }, 'resuming digest');
  }

  const pacer = createPacer(options.intervalMs ?? MESSAGE_INTERVAL_MS, sleep, deps.now);
  const poster = createSlotPoster({ store, client, lock, team, plan, pacer, sleep, lockTtlMs: options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS });
  const giveUp = (code: string) => releaseAndStop(deps, store, { team, plan, posted, code, scheduled, log });

  if (!posted[PARENT_SLOT]) {
    const result = await poster.post(PARENT_SLOT, parentMessage(plan, await loadItems(deps, team, planItemIds(plan))), undefined, []);
    if (!result.ok) return giveUp(result.code);
    posted[PARENT_SLOT] = result.ts;
  }
  const parentTs = posted[PARENT_SLOT]!;

  for (let i = 0; i < plan.replies.length; i++) {
    const slot = replySlot(i);
    if (posted[slot]) continue;
    const ids = plan.replies[i]!.ids;
    const message = replyMessage(plan, i, await loadItems(deps, team, ids));
    if (!message) {
      await store.recordPosted(team, channel, digestId, slot, NOTHING_POSTED, '', []);
      posted[slot] = NOTHING_POSTED;
      continue;
    }
    const result = await poster.post(slot, message, parentTs, ids);
    if (!result.ok && CHANNEL_GONE.has(result.code)) return giveUp(result.code);
    if (!result.ok) {
      // Slack refuses this one message for good (msg_too_long, invalid_blocks): the replies after it still go
      // out, and its items go back to the next digest rather than stay claimed by this one.
      await store.release(team, ids, { at: deps.now(), onlyDigestId: digestId });
      await store.recordPosted(team, channel, digestId, slot, NOTHING_POSTED, '', []);
      posted[slot] = NOTHING_POSTED;
      log.error({ slot, code: result.code, released: ids.length }, 'Slack refused a digest reply; its items go to the next digest');
      continue;
    }
    posted[slot] = result.ts;
  }

  await store.finish(team, channel, digestId, 'done', scheduled);
  const items = plan.replies.reduce((n, r) => n + r.ids.length, 0);
  log.info({ items, replies: plan.replies.length, resumed }, 'digest posted');
  if (!resumed) void recordDigestPosted(deps, team, channel, items);
  return { status: 'posted', digestId, parentTs, items, replies: plan.replies.length, resumed };
}

/** Records slots found in Slack (earlier attempts' messages) into `posted` and the store. */
async function adoptFromSlack(store: DigestStore, client: WebClient, team: string, plan: DigestPlan, posted: Record<Slot, string>, sleep: Sleep): Promise<void> {
  const found = await findPostedSlots(client, plan.channel, plan.digestId, posted[PARENT_SLOT], sleep);
  for (const [slot, ts] of Object.entries(found)) {
    if (posted[slot]) continue;
    const index = slot === PARENT_SLOT ? -1 : Number(slot.slice(1));
    if (slot !== PARENT_SLOT && !plan.replies[index]) continue;
    // What it shows is unknown: an empty fingerprint makes the next refresh rewrite it.
    await store.recordPosted(team, plan.channel, plan.digestId, slot, ts, '', index < 0 ? [] : plan.replies[index]!.ids);
    posted[slot] = ts;
  }
}

interface Stop {
  team: string;
  plan: DigestPlan;
  posted: Record<Slot, string>;
  code: string;
  scheduled: boolean;
  log: Deps['logger'];
}

/** Posting cannot succeed (see PostDigestOutcome 'failed'): items not yet shown go back to later digests, and the digest ends here. */
async function releaseAndStop(deps: Deps, store: DigestStore, { team, plan, posted, code, scheduled, log }: Stop): Promise<PostDigestOutcome> {
  const unposted = plan.replies.flatMap((r, i) => (posted[replySlot(i)] ? [] : r.ids));
  await store.release(team, unposted, { at: deps.now(), onlyDigestId: plan.digestId });
  await store.finish(team, plan.channel, plan.digestId, posted[PARENT_SLOT] ? 'done' : 'skipped', scheduled);
  log.error({ code, released: unposted.length }, 'digest given up; unposted items go to the next digest');
  return { status: 'failed', digestId: plan.digestId, why: code };
}

type PostResult = { ok: true; ts: string } | { ok: false; code: string };

interface SlotPosterParts {
  store: DigestStore;
  client: WebClient;
  lock: ChannelLock;
  team: string;
  plan: DigestPlan;
  pacer: Pacer;
  sleep: Sleep;
  lockTtlMs: number;
}

/** Posts one slot's message: paced, marked in flight first, recorded as soon as Slack answers. */
function createSlotPoster({ store, client, lock, team, plan, pacer, sleep, lockTtlMs }: SlotPosterParts) {
  const { channel, digestId } = plan;
  return {
    async post(slot: Slot, message: SlackMessage, threadTs: string | undefined, itemIds: readonly string[]): Promise<PostResult> {
      await pacer.wait();
      if (!(await store.markInflight(team, channel, digestId, slot, lock.token))) {
        throw new LostLockError(`digest ${digestId}: lost the channel lock; another worker continues`);
      }
      let ts: string;
      try {
        const res = await honouringRetryAfter(
          () =>
            client.chat.postMessage({
              channel,
              text: message.text,
              blocks: message.blocks,
              thread_ts: threadTs,
              unfurl_links: false,
              unfurl_media: false,
              metadata: slotMetadata(digestId, slot),
            }),
          sleep,
          async (waitMs) => void (await lock.extend(waitMs + lockTtlMs)),
        );
        ts = res.ts ?? '';
      } catch (err) {
        const code = platformErrorCode(err);
        // Slack answered ok:false, so nothing was posted. Any other failure may have posted: the mark stays.
        if (code) await store.clearInflight(team, channel, digestId);
        // Sending the same message again gets the same answer; only a passing trouble is worth the job's retries.
        if (code && (CHANNEL_GONE.has(code) || !isTransientSlackError(code))) return { ok: false, code };
        throw err;
      } finally {
        pacer.sent();
      }
      await store.recordPosted(team, channel, digestId, slot, ts, fingerprint(message), itemIds);
      await lock.extend(lockTtlMs);
      return { ok: true, ts };
    },
  };
}

