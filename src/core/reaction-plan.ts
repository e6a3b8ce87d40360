import type { ReactionAction } from '../config/settings';
import { AREAS, isArea, type Area } from './areas';
import type { Item } from './item';
import { isPriority, PRIORITIES, type Priority } from './priority';

export interface MessageReaction {
  name: string;
  users: string[];
}

/** What the reactions on a message ask for, read from all of them at once. */
export interface ReactionState {
  area?: Area;
  priority?: Priority;
  done: boolean;
  emergency: boolean;
  /** Who added each action's reaction first, for attribution. */
  by: Partial<Record<ReactionAction, string>>;
}

/**
 * Reads the message's current reactions through the workspace's reaction map. Deciding from the whole
 * set, not from one event, makes the outcome the same whatever order add, remove and re-add arrive in
 * and however often Slack delivers them. The bot's own reactions do not count. When several area or
 * priority reactions are present the one just added wins, else the first in the framework's order.
 */
export function readReactions(reactions: readonly MessageReaction[], map: Readonly<Record<string, ReactionAction>>, botUserId: string | undefined, latest?: string): ReactionState {
  const present = new Map<ReactionAction, string>();
  for (const r of reactions) {
    const action = map[r.name];
    const people = r.users.filter((u) => u !== botUserId);
    if (action && people.length > 0 && !present.has(action)) present.set(action, people[0]!);
  }
  const latestAction = latest ? map[latest] : undefined;
  const pick = <T extends string>(order: readonly T[], is: (v: unknown) => v is T): T | undefined => {
    if (latestAction && is(latestAction) && present.has(latestAction as ReactionAction)) return latestAction;
    return order.find((v) => present.has(v as ReactionAction));
  };
  const areas = AREAS.filter((a) => a !== 'emergency');
  return {
    area: pick(areas, (v): v is Area => isArea(v) && v !== 'emergency'),
    priority: pick(PRIORITIES, isPriority),
    done: present.has('done'),
    emergency: present.has('emergency'),
    by: Object.fromEntries(present),
  };
}

export type ReactionOp =
  | { kind: 'file'; area?: Area; priority?: Priority; done: boolean }
  | { kind: 'set_area'; area: Area }
  | { kind: 'set_priority'; priority: Priority }
  | { kind: 'close' }
  | { kind: 'reopen' }
  | { kind: 'withdraw' };

/**
 * The changes that bring an item in line with the reactions. `basePriority` is the classifier's, restored
 * when a priority reaction is taken away. Only items filed by reaction are withdrawn when their last
 * reaction goes; an item someone filed on purpose stays.
 */
export function planReactionOps(item: Item | undefined, state: ReactionState, basePriority: Priority): ReactionOp[] {
  const wantsItem = state.area !== undefined || state.priority !== undefined || state.done;
  if (!item) return wantsItem ? [{ kind: 'file', area: state.area, priority: state.priority, done: state.done }] : [];
  if (!wantsItem) {
    if (item.source === 'reaction' && item.status === 'open' && !item.posted) return [{ kind: 'withdraw' }];
    return item.status === 'done' && item.source === 'reaction' ? [{ kind: 'reopen' }] : [];
  }
  const ops: ReactionOp[] = [];
  if (state.area && state.area !== item.area) ops.push({ kind: 'set_area', area: state.area });
  const priority = state.priority ?? basePriority;
  if (priority !== item.priority) ops.push({ kind: 'set_priority', priority });
  if (state.done && item.status === 'open') ops.push({ kind: 'close' });
  if (!state.done && item.status === 'done') ops.push({ kind: 'reopen' });
  if (item.status === 'dropped' && !state.done) ops.push({ kind: 'reopen' });
  return ops;
}
