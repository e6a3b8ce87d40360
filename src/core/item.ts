import type { Area } from './areas';
import type { HubRef } from './hub';
import type { Priority } from './priority';

export const ITEM_STATUSES = ['open', 'done', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export type ItemSource = 'command' | 'modal' | 'shortcut' | 'mention' | 'policy' | 'reaction' | 'api';

/** A filed piece of async work. Text is kept as Slack delivered it (escaped mrkdwn). */
export interface Item {
  /** Short, URL- and job-id-safe (no ":"), unique within the workspace; people type it in `/async done <id>`. */
  id: string;
  team: string;
  area: Area;
  priority: Priority;
  text: string;
  author: string;
  /** Where the item came from. */
  channel: string;
  /** The source message, when the item was filed from one. */
  ts?: string;
  threadTs?: string;
  permalink?: string;
  /** The channel whose digest lists the item. */
  digestChannel?: string;
  status: ItemStatus;
  reasons: string[];
  confidence: number;
  source: ItemSource;
  createdAt: number;
  updatedAt: number;
  doneAt?: number;
  dueAt?: number;
  snoozedUntil?: number;
  /** Set once the item is posted in a digest: later digests only count it. */
  posted?: { digestId: string; channel: string; ts: string };
  /** Set once a deep-work item has its own message in the hub channel; its life cycle lives here. */
  hub?: HubRef;
}
