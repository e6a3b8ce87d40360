import type { Deps } from '../../deps';
import { jobId } from '../../queue/queues';
import { createDigestStore } from '../../store/digest-store';
import { digestIdFor } from './schedule-digests';

export type DigestNowOutcome =
  /** Queued; the digest worker posts it within seconds. `items`: how many new items it lists. */
  | { ok: true; digestId: string; items: number }
  /** `no_digest`: the channel has no digest schedule. `empty`: nothing new, and the channel does not post empty digests. */
  | { ok: false; reason: 'no_digest' | 'empty'; carried: number };

export interface DigestNowJob {
  team: string;
  channel: string;
  reason: 'now';
  digestId: string;
}

/**
 * `/quadrant digest now`: queues the channel's digest at once (the caller checks the user is an admin). The
 * posting itself runs in the digest worker, where pacing and crash recovery live; a scheduled digest later
 * lists only what is new since. Each call makes a new digest ("2026-11-24-now-3").
 */
export async function postDigestNow(deps: Deps, team: string, channel: string): Promise<DigestNowOutcome> {
  const settings = await deps.settings.get(team);
  const digest = settings.channels[channel]?.digest;
  const now = deps.now();
  const open = await deps.items.listOpen(team, channel);
  const fresh = open.filter((i) => !i.posted && !(i.snoozedUntil !== undefined && i.snoozedUntil > now)).length;
  const carried = open.filter((i) => i.posted).length;
  if (!digest) return { ok: false, reason: 'no_digest', carried };
  if (fresh === 0 && !digest.post_empty) return { ok: false, reason: 'empty', carried };
  const n = await createDigestStore(deps.redis, deps.keys).nextManualNumber(team, channel);
  const digestId = `${digestIdFor(now, settings.timezone)}-now-${n}`;
  const job: DigestNowJob = { team, channel, reason: 'now', digestId };
  await deps.queues.digest.add('post', job, { jobId: jobId('digest', team, channel, digestId) });
  return { ok: true, digestId, items: fresh };
}
