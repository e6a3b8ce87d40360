/**
 * The hub's life cycle for a deep-work item: proposal -> in discussion -> decided -> archived, moved on by
 * buttons on the item's hub message. A decision records who made it and when; reopening a decided or
 * archived item starts the discussion again and forgets the decision.
 */
export const HUB_STATES = ['proposal', 'in_discussion', 'decided', 'archived'] as const;
export type HubState = (typeof HUB_STATES)[number];

export const HUB_ACTIONS = ['discuss', 'decide', 'archive', 'reopen'] as const;
export type HubAction = (typeof HUB_ACTIONS)[number];

/** Where an item's hub message is and what state it is in. Times are epoch ms. */
export interface HubRef {
  channel: string;
  ts: string;
  /** The message's permalink, for App Home and summaries (absent when Slack did not give one). */
  link?: string;
  state: HubState;
  decidedBy?: string;
  decidedAt?: number;
  /** The last change of state: who and when. */
  changedBy?: string;
  changedAt?: number;
}

const TRANSITIONS: Record<HubAction, { from: readonly HubState[]; to: HubState }> = {
  discuss: { from: ['proposal'], to: 'in_discussion' },
  decide: { from: ['proposal', 'in_discussion'], to: 'decided' },
  archive: { from: ['proposal', 'in_discussion', 'decided'], to: 'archived' },
  reopen: { from: ['decided', 'archived'], to: 'in_discussion' },
};

/** The buttons a hub message in this state offers, in display order. */
export function hubActionsFor(state: HubState): HubAction[] {
  return HUB_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(state));
}

export function isHubAction(value: unknown): value is HubAction {
  return typeof value === 'string' && (HUB_ACTIONS as readonly string[]).includes(value);
}

/** Open hub items are the ones still waiting for a decision. */
export function isOpenHubState(state: HubState): boolean {
  return state === 'proposal' || state === 'in_discussion';
}

export type HubTransition = { ok: true; hub: HubRef } | { ok: false; reason: 'not_allowed' };

/**
 * The hub reference after `action` by `by` at `at`. An action the current state does not offer (a stale
 * button clicked after someone else moved the item on) changes nothing.
 */
export function applyHubAction(hub: HubRef, action: HubAction, by: string, at: number): HubTransition {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(hub.state)) return { ok: false, reason: 'not_allowed' };
  const next: HubRef = { ...hub, state: rule.to, changedBy: by, changedAt: at };
  if (action === 'decide') {
    next.decidedBy = by;
    next.decidedAt = at;
  }
  if (action === 'reopen') {
    delete next.decidedBy;
    delete next.decidedAt;
  }
  return { ok: true, hub: next };
}

/** Slack user ids mentioned in Slack-formatted text (`<@U123>` or `<@U123|name>`), in order, once each. */
export function mentionedUsers(text: string): string[] {
  const found = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!);
  return [...new Set(found)];
}

/** Who an open hub item waits on: the people its text asks (mentions), else its author to move it on. */
export function waitingOn(item: { text: string; author: string }): string[] {
  const asked = mentionedUsers(item.text).filter((u) => u !== item.author);
  return asked.length > 0 ? asked : [item.author];
}

/** The hub message's title: the text's first non-empty line (the renderer escapes and shortens it). */
export function hubTitleLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').trim();
}
