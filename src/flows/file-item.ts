import { createHash } from 'node:crypto';
import type { Area } from '../core/areas';
import { classify } from '../core/classify';
import type { Item, ItemSource } from '../core/item';
import { itemIdFrom } from '../core/item-id';
import { priorityOf, type Priority } from '../core/priority';
import { resolveDigestChannel } from '../core/routing';
import type { Verdict } from '../core/verdict';
import type { WorkspaceSettings } from '../config/settings';
import type { CorrectionModel } from '../core/learning';
import type { Deps } from '../deps';
import { cachedNextDigestAt } from './digest-time-cache';

export interface FileItemInput {
  team: string;
  author: string;
  channel: string;
  text: string;
  source: ItemSource;
  /** What makes this filing unique (trigger id, event id, channel+ts): the same seed files the same item once. */
  seed: string;
  ts?: string;
  threadTs?: string;
  permalink?: string;
  area?: Area;
  priority?: Priority;
  dueAt?: number;
}

export interface FiledItem {
  item: Item;
  created: boolean;
  verdict: Verdict;
  /** When the item's digest posts next (epoch ms), if it has one. */
  digestAt?: number;
}

export const MAX_ITEM_TEXT = 4000;

export function itemIdForSeed(team: string, seed: string): string {
  return itemIdFrom(createHash('sha256').update(`${team}\u0000${seed}`).digest());
}

/** The verdict an item gets when filed, or re-read after an edit: both must classify the same way. */
export function classifyForFiling(
  text: string,
  settings: WorkspaceSettings,
  corrections: CorrectionModel,
  at: { channel: string; ts?: string; threadTs?: string; now: number },
): Verdict {
  return classify(text, {
    channelArea: settings.channels[at.channel]?.area,
    command: 'async',
    isThreadReply: Boolean(at.threadTs && at.threadTs !== at.ts),
    keywords: settings.keywords,
    corrections,
    now: at.now,
    timezone: settings.timezone,
  });
}

/** Classifies, files and indexes one item. One Redis round trip on the hot path (settings are cached). */
export async function fileItem(deps: Deps, input: FileItemInput): Promise<FiledItem> {
  const now = deps.now();
  const [settings, corrections] = await Promise.all([deps.settings.get(input.team), deps.corrections.model(input.team)]);
  const verdict = classifyForFiling(input.text, settings, corrections, { channel: input.channel, ts: input.ts, threadTs: input.threadTs, now });
  const area = input.area ?? verdict.area;
  const priority = input.priority ?? priorityOf(verdict);
  const digestChannel = resolveDigestChannel(settings, input.channel);
  const item: Item = {
    id: itemIdForSeed(input.team, input.seed),
    team: input.team,
    area,
    priority,
    text: input.text,
    author: input.author,
    channel: input.channel,
    ts: input.ts,
    threadTs: input.threadTs,
    permalink: input.permalink,
    digestChannel,
    status: 'open',
    reasons: verdict.reasons,
    confidence: verdict.confidence,
    source: input.source,
    createdAt: now,
    updatedAt: now,
    dueAt: input.dueAt ?? verdict.when,
  };
  const { item: stored, created } = await deps.items.add(item);
  const digest = digestChannel ? settings.channels[digestChannel]?.digest : undefined;
  return { item: stored, created, verdict, digestAt: digest ? cachedNextDigestAt(digest, settings.timezone, now) : undefined };
}
