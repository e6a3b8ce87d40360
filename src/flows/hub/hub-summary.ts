import { waitingOn } from '../../core/hub';
import { weekOf } from '../../core/evaluation';
import { hubChannel } from '../../core/routing';
import type { Deps } from '../../deps';
import { hubSummaryMessage } from '../../slack/blocks/hub-summary';
import { authorNames } from '../digest/author-names';
import { hubOverview } from './hub-overview';

export type HubSummaryOutcome =
  | { status: 'posted'; week: string; ts: string }
  | { status: 'skipped'; why: 'no_hub' | 'off' | 'empty' | 'already_posted'; week: string };

const WEEK_MS = 7 * 86_400_000;
/** The posted-marker outlives any retry of the week's job. */
const POSTED_TTL_S = 35 * 86_400;

/**
 * The weekly hub summary, posted in the hub channel: what was proposed and decided in the last seven days
 * and what is open, waiting on whom. Once per week: a retried or doubled job finds the marker and stops.
 */
export async function postHubSummary(deps: Deps, team: string): Promise<HubSummaryOutcome> {
  const settings = await deps.settings.get(team);
  const now = deps.now();
  const week = weekOf(now, settings.timezone);
  const channel = hubChannel(settings);
  if (!channel) return { status: 'skipped', why: 'no_hub', week };
  if (!settings.hub_summary.weekly) return { status: 'skipped', why: 'off', week };
  const postedKey = deps.keys.weeklyPosted(team, 'hub-summary', week);
  if (await deps.redis.sismember(postedKey, channel)) return { status: 'skipped', why: 'already_posted', week };

  const overview = await hubOverview(deps, team);
  const since = now - WEEK_MS;
  const proposedIds = await deps.redis.zrange(deps.keys.hubItems(team), String(since), '+inf', 'BYSCORE');
  const proposed = (await Promise.all(proposedIds.map((id) => deps.items.get(team, id)))).filter((i) => i?.hub !== undefined).map((i) => i!);
  const decided = overview.decided.filter((i) => (i.hub?.decidedAt ?? 0) >= since);
  if (proposed.length === 0 && decided.length === 0 && overview.open.length === 0) return { status: 'skipped', why: 'empty', week };

  const client = await deps.slackFor(team);
  const people = [...proposed, ...decided, ...overview.open].flatMap((i) => [i.author, ...(i.hub?.decidedBy ? [i.hub.decidedBy] : []), ...waitingOn(i)]);
  const names = await authorNames(deps, client, team, people);
  const message = hubSummaryMessage({ proposed, decided, open: overview.open, names, now });
  const posted = await client.chat.postMessage({ channel, ...(message as { text: string; blocks: never[] }), unfurl_links: false, unfurl_media: false });
  await deps.redis.multi().sadd(postedKey, channel).expire(postedKey, POSTED_TTL_S).exec();
  return { status: 'posted', week, ts: posted.ts ?? '' };
}
