import type { Emergency } from '../../core/emergency';
import type { Deps } from '../../deps';
import type { SpooledEmergency } from '../../store/emergency-spool';
import type { TimelineEntry } from '../../store/emergency-store';
import { fastRedis } from './fail-fast';
import { postToThread } from './notify';

export const REDIS_DEADLINE_MS = 400;

/**
 * Where a declaration writes what happens to it. In Redis while Redis answers; in the local spool from the
 * first call that fails (or from the start, when the emergency itself could not be stored), so the spool
 * replay can merge it once Redis is back. Steps run one after another and wait for the channel post, because
 * thread replies need its ts; nothing here ever throws or holds up a page.
 */
export interface Journal {
  /** Stored and shown in the thread once the post exists. */
  step(kind: string, text: string, options?: { broadcast?: boolean }): void;
  /** Runs after the steps before it (the channel post goes first, so later steps can thread under it). */
  after(work: (e: Emergency) => Promise<Emergency | void>): void;
  /** Records the channel post. */
  posted(post: { channel: string; ts: string }): Promise<void>;
  /** Owes the channel post: the upkeep posts it when Slack answers again. */
  postPending(): Promise<void>;
  /** Marks that a Redis write failed: the spool replay finishes the job (escalation, timeline). */
  spoolNow(): void;
  /** Tier 1's pages have settled; a spooled entry keeps that for the replay (see markFirstTierSettled). */
  firstTierSettled(): void;
  readonly spooled: boolean;
  current(): Emergency;
  /** Settles when every step so far is done. */
  idle(): Promise<void>;
}

export function createJournal(deps: Deps, first: Emergency, dedupKey: string, spooledFromStart: boolean): Journal {
  let e = first;
  let spooled = spooledFromStart;
  let chain: Promise<void> = Promise.resolve();
  const log = deps.logger.child({ team: e.team, emergency: e.id });

  const spool = (change: (entry: SpooledEmergency) => SpooledEmergency) => {
    try {
      deps.spool.write(change(deps.spool.read(e) ?? { emergency: e, dedupKey, timeline: [] }));
    } catch (err) {
      log.error({ err, dir: deps.spool.dir }, 'could not write the emergency spool');
    }
  };
  const switchToSpool = (err: unknown) => {
    if (spooled) return;
    log.warn({ err }, 'Redis stopped answering during the declaration; journalling the rest locally');
    spooled = true;
    spool((entry) => ({ ...entry, emergency: e }));
  };
  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work).catch((err: unknown) => log.error({ err }, 'emergency journal step failed'));
  };
  // Journalled before any page leaves, so a crash right after paging still records the emergency.
  if (spooledFromStart) spool((entry) => entry);

  return {
    step(kind, text, options = {}) {
      const entry: TimelineEntry = { at: deps.now(), kind, text };
      enqueue(async () => {
        if (!spooled) await fastRedis(deps.redis, () => deps.emergencies.appendTimeline(e.team, e.id, entry), REDIS_DEADLINE_MS).catch(switchToSpool);
        if (spooled) spool((s) => ({ ...s, timeline: [...s.timeline, entry] }));
        await postToThread(deps, e, text, options);
      });
    },
    after(work) {
      enqueue(async () => {
        const next = await work(e);
        if (next) e = next;
      });
    },
    async posted(post) {
      e = { ...e, post };
      if (!spooled) await fastRedis(deps.redis, () => deps.emergencies.patch(e.team, e.id, { post }), REDIS_DEADLINE_MS).catch(switchToSpool);
      if (spooled) spool((s) => ({ ...s, emergency: { ...s.emergency, post } }));
    },
    async postPending() {
      if (!spooled) await fastRedis(deps.redis, () => deps.emergencies.addPendingPost(e.team, e.id), REDIS_DEADLINE_MS).catch(switchToSpool);
      // A spooled emergency without a post is owed one: the replay registers it.
    },
    spoolNow() {
      switchToSpool(new Error('a Redis write on the emergency path failed'));
    },
    firstTierSettled() {
      e = { ...e, stepPaged: true };
      if (spooled) spool((s) => ({ ...s, emergency: { ...s.emergency, stepPaged: true } }));
    },
    get spooled() {
      return spooled;
    },
    current: () => e,
    idle: () => chain,
  };
}
