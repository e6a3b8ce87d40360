import type { WorkspaceSettings } from '../../config/settings';
import type { Item } from '../../core/item';
import { hubChannel } from '../../core/routing';
import type { Deps } from '../../deps';
import { jobId } from '../../queue/queues';
import { hubItemMessage } from '../../slack/blocks/hub-message';
import { authorNames } from '../digest/author-names';
import { CHANNEL_GONE, platformErrorCode } from '../digest/slack-calls';
import { directMessage } from '../emergency/notify';
import { recordItemFiled, track } from '../evaluation/record';

export type HubPostOutcome =
  | { status: 'posted'; item: Item }
  /** Not a deep-work item, not open, already in the hub, or another process is posting it. */
  | { status: 'skipped'; why: 'not_deep_work' | 'not_open' | 'already_posted' | 'in_progress' | 'unknown_item' }
  /** No hub channel is set: the item stays in the daily digest, and the admins were told (once). */
  | { status: 'no_hub' }
  /** Slack refused for good (bot not in the hub, channel archived): retrying will not help. */
  | { status: 'failed'; why: string; retry: boolean };

/** A claim outlives Slack's slowest answer and a worker's restart; a failed post gives it back at once. */
const CLAIM_TTL_S = 3600;

export const HUB_POST_JOB = 'hub-post';

/**
 * Gives a deep-work item its own top-level message in the hub channel and records where it is. Safe to call
 * more than once and from several processes: an item already posted, or being posted, is left alone.
 */
export async function postToHub(deps: Deps, team: string, itemId: string): Promise<HubPostOutcome> {
  const item = await deps.items.get(team, itemId);
  if (!item) return { status: 'skipped', why: 'unknown_item' };
  if (item.area !== 'deep_work') return { status: 'skipped', why: 'not_deep_work' };
  if (item.hub) return { status: 'skipped', why: 'already_posted' };
  if (item.status !== 'open') return { status: 'skipped', why: 'not_open' };
  const settings = await deps.settings.get(team);
  const hub = hubChannel(settings);
  if (!hub) {
    await tellAdminsThereIsNoHub(deps, team, settings);
    return { status: 'no_hub' };
  }
  const claimKey = deps.keys.hubClaim(team, item.id);
  if ((await deps.redis.set(claimKey, '1', 'EX', CLAIM_TTL_S, 'NX')) === null) return { status: 'skipped', why: 'in_progress' };
  const log = deps.logger.child({ team, item: item.id, channel: hub });
  let ts: string;
  let link: string | undefined;
  try {
    const client = await deps.slackFor(team);
    const names = await authorNames(deps, client, team, [item.author]);
    const posted = await client.chat.postMessage({ channel: hub, ...(hubItemMessage(item, names) as { text: string; blocks: never[] }), unfurl_links: false, unfurl_media: false });
    if (!posted.ts) throw new Error('Slack returned no message ts');
    ts = posted.ts;
    link = await client.chat.getPermalink({ channel: hub, message_ts: ts }).then((r) => r.permalink, () => undefined);
  } catch (err) {
    await deps.redis.del(claimKey);
    const code = platformErrorCode(err);
    log.warn({ err, code }, 'could not post the item to the hub');
    return { status: 'failed', why: code ?? 'Slack did not answer', retry: !code || !CHANNEL_GONE.has(code) };
  }
  const updated = await deps.items.update(team, item.id, { hub: { channel: hub, ts, link, state: 'proposal' }, updatedAt: deps.now() });
  await deps.redis.zadd(deps.keys.hubItems(team), item.createdAt, item.id);
  void track(deps, team, [{ kind: 'hub_posted' }]);
  log.info('item posted to the hub');
  return { status: 'posted', item: updated ?? item };
}

/**
 * What every filing path calls once it has answered the person: counts the filing and, for a deep-work
 * item, posts it to the hub at once. Never throws; a post Slack could not take now is retried by a job.
 */
export async function afterItemFiled(deps: Deps, filed: { item: Item; created: boolean }): Promise<void> {
  void recordItemFiled(deps, filed);
  if (filed.item.area === 'deep_work') await afterItemMoved(deps, filed.item);
}

/** For an item whose area changed (a reaction moved it): a move into deep work posts it to the hub. */
export async function afterItemMoved(deps: Deps, item: Item): Promise<void> {
  if (item.area !== 'deep_work' || item.hub) return;
  try {
    const outcome = await postToHub(deps, item.team, item.id);
    if (outcome.status === 'failed' && outcome.retry) await queueHubPost(deps, item.team, item.id);
  } catch (err) {
    deps.logger.warn({ err, team: item.team, item: item.id }, 'hub post failed; queued to retry');
    await queueHubPost(deps, item.team, item.id).catch((e: unknown) => deps.logger.error({ err: e, team: item.team, item: item.id }, 'could not queue the hub post'));
  }
}

/** A durable retry with the digest queue's backoff; one job per item. */
export async function queueHubPost(deps: Deps, team: string, itemId: string): Promise<void> {
  await deps.queues.digest.add(HUB_POST_JOB, { team, itemId }, { jobId: jobId('hub-post', team, itemId), delay: 5000 });
}

/** Once per workspace: say where deep work goes without a hub, and how to set one. */
async function tellAdminsThereIsNoHub(deps: Deps, team: string, settings: WorkspaceSettings): Promise<void> {
  if ((await deps.redis.set(deps.keys.hubMissingTold(team), String(deps.now()), 'NX')) === null) return;
  const text =
    'Someone filed *deep work* (a proposal, plan or decision), but this workspace has no hub channel, so it went to the daily digest. ' +
    'To collect deep work in one place where it is discussed over days, run `/quadrant channels set hub` in the channel that should be the hub (or use `/quadrant setup`). I will only mention this once.';
  if (settings.admins.length === 0) {
    deps.logger.warn({ team }, 'no hub channel and no Quadrant admins to tell; set `admins:` and a hub channel');
    return;
  }
  await Promise.all(settings.admins.map((admin) => directMessage(deps, team, admin, text)));
}
