import type { WebClient } from '@slack/web-api';
import { layoutDigest } from '../../core/digest-layout';
import type { Deps } from '../../deps';
import type { DigestPlan, DigestReason, DigestStore } from '../../store/digest-store';
import { authorNames } from './author-names';

export interface PlanInput {
  team: string;
  channel: string;
  digestId: string;
  reason: DigestReason;
  /** The digest's moment (its due time, or now when later). */
  at: number;
  timezone: string;
  postEmpty: boolean;
}

export type PlanOutcome = { status: 'planned' | 'exists'; plan: DigestPlan } | { status: 'empty' } | { status: 'finished' };

/** An item done or claimed between reading and claiming makes the claim fail as a whole; a few re-reads settle it. */
const MAX_ATTEMPTS = 5;

/**
 * Lays the channel's open items out and claims the listed ones for this digest in one atomic step, so no
 * other digest (a racing worker, "digest now") lists them too. An existing plan for the digest wins.
 */
export async function planDigest(deps: Deps, store: DigestStore, client: WebClient, input: PlanInput): Promise<PlanOutcome> {
  const { team, channel } = input;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const open = await deps.items.listOpen(team, channel);
    const isSnoozed = (snoozedUntil: number | undefined) => snoozedUntil !== undefined && snoozedUntil > input.at;
    const fresh = open.filter((i) => !i.posted);
    const carried = open.filter((i) => i.posted && !isSnoozed(i.snoozedUntil));
    const layout = layoutDigest({ channel, fresh, carried, now: input.at, timezone: input.timezone });
    if (layout.total === 0 && !input.postEmpty) return { status: 'empty' };

    const authors = [...layout.replies.flatMap((r) => r.entries.map((e) => e.author)), ...layout.carriedOver.links.map((l) => l.author)];
    const plan: DigestPlan = {
      digestId: input.digestId,
      channel,
      reason: input.reason,
      at: input.at,
      timezone: input.timezone,
      replies: layout.replies.map((r) => ({ priority: r.priority, first: r.first, last: r.last, ids: r.entries.map((e) => e.id) })),
      carried: carried.map((i) => i.id),
      snoozed: layout.snoozed,
      names: await authorNames(deps, client, team, authors),
    };
    const result = await store.plan(team, plan);
    if (result.status !== 'conflict') return result;
    deps.logger.debug({ team, channel, digest: input.digestId, item: result.id, attempt }, 'an item changed while planning; planning again');
  }
  throw new Error(`digest ${input.digestId}: items kept changing while planning`);
}
