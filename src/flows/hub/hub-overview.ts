import { isOpenHubState } from '../../core/hub';
import { hubChannel as hubChannelOf } from '../../core/routing';
import type { Item } from '../../core/item';
import type { Deps } from '../../deps';
import { HUB_LIST_LINES, hubListBlocks, type HubListView } from '../../slack/blocks/hub-list';
import { authorNames } from '../digest/author-names';

const DAY_MS = 86_400_000;
/** How far back "recent decisions" and the newest hub items are read. */
export const RECENT_DECISIONS_MS = 30 * DAY_MS;
const SCAN_LIMIT = 200;

export interface HubOverview {
  hubChannel?: string;
  /** Proposals and items in discussion, newest first. */
  open: Item[];
  /** Decided items, most recent decision first. */
  decided: Item[];
}

async function load(deps: Deps, team: string, ids: string[]): Promise<Item[]> {
  const items = await Promise.all(ids.map((id) => deps.items.get(team, id)));
  return items.filter((i): i is Item => i !== undefined && i.hub !== undefined);
}

/**
 * The hub at a glance: open items and the decisions of the last 30 days. Index entries whose item has gone
 * (retention, erase) are dropped on the way, so the indexes do not outgrow the items.
 */
export async function hubOverview(deps: Deps, team: string): Promise<HubOverview> {
  const now = deps.now();
  const settings = await deps.settings.get(team);
  const hubChannel = hubChannelOf(settings);
  const [recentIds, decidedIds] = await Promise.all([
    deps.redis.zrange(deps.keys.hubItems(team), '0', String(SCAN_LIMIT - 1), 'REV'),
    deps.redis.zrange(deps.keys.hubDecided(team), '+inf', String(now - RECENT_DECISIONS_MS), 'BYSCORE', 'REV', 'LIMIT', '0', String(SCAN_LIMIT)),
  ]);
  const [recent, decided] = await Promise.all([load(deps, team, recentIds), load(deps, team, decidedIds)]);
  const gone = recentIds.filter((id) => !recent.some((i) => i.id === id));
  if (gone.length) await deps.redis.zrem(deps.keys.hubItems(team), ...gone);
  return {
    hubChannel,
    open: recent.filter((i) => isOpenHubState(i.hub!.state)),
    decided: decided.filter((i) => i.hub!.state === 'decided' || (i.hub!.state === 'archived' && i.hub!.decidedAt !== undefined)),
  };
}

async function listView(deps: Deps, team: string): Promise<HubListView> {
  const overview = await hubOverview(deps, team);
  // Names only for the lines shown: each unknown person costs a users.info call.
  const shown = [...overview.open.slice(0, HUB_LIST_LINES), ...overview.decided.slice(0, HUB_LIST_LINES)];
  const people = shown.flatMap((i) => [i.author, ...(i.hub?.decidedBy ? [i.hub.decidedBy] : [])]);
  const client = await deps.slackFor(team);
  const names = await authorNames(deps, client, team, people);
  return { ...overview, names, now: deps.now() };
}

/** App Home's hub section: open hub items and recent decisions, as Block Kit blocks. */
export async function hubHomeSection(deps: Deps, team: string): Promise<unknown[]> {
  return hubListBlocks(await listView(deps, team), { heading: 'header' });
}

/** `/async list hub`: the same, as an ephemeral message for the channel. */
export async function hubListMessage(deps: Deps, team: string): Promise<{ text: string; blocks: unknown[] }> {
  const view = await listView(deps, team);
  return { text: `Hub: ${view.open.length} open, ${view.decided.length} decided recently`, blocks: hubListBlocks(view, { heading: 'section' }) };
}
