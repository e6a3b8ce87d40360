import { defaultSettings, type WorkspaceSettings } from '../../config/settings';
import type { Area } from '../../core/areas';
import type { Emergency, EmergencyAction } from '../../core/emergency';
import { weekEndsAt, weekRefAt, type EvaluationEvent, type WeekRef } from '../../core/evaluation';
import type { Item } from '../../core/item';
import type { NudgeButton, NudgeCode } from '../../core/nudge';
import type { Decision } from '../../core/policy';
import type { PageResult } from '../../core/ports';
import { broadcastOf } from '../../core/slack-text';
import type { Verdict } from '../../core/verdict';
import type { Deps } from '../../deps';
import { createEvaluationStore, type EvaluationStore } from '../../store/evaluation-store';
import { createUntilCache } from '../until-cache';

/**
 * Recording evaluation events from the flows. Every helper here is fire and forget: it adds the event's
 * counters to an in-memory batch (no Redis call on the caller's path at all) that the store writes within
 * half a second, one command per workspace and week; the promise it returns settles once they are written
 * and never rejects. Callers do not await it, so counting can neither slow nor break what it counts.
 */

type WithEvaluation = Deps & { evaluation?: EvaluationStore };

const DEFAULTS: WorkspaceSettings = defaultSettings();
const fallbackStores = new WeakMap<object, EvaluationStore>();

/** The workspace's evaluation store: `deps.evaluation`, or one made on the same Redis connection. */
export function evaluationOf(deps: Deps): EvaluationStore {
  const own = (deps as WithEvaluation).evaluation;
  if (own) return own;
  let store = fallbackStores.get(deps.keys);
  if (!store) fallbackStores.set(deps.keys, (store = createEvaluationStore(deps.redis, deps.keys, { onError: evaluationErrorLogger(deps.logger) })));
  return store;
}

/** What the store calls when Redis did not take a batch of counts (pass it to createEvaluationStore). */
export function evaluationErrorLogger(logger: Deps['logger']): (err: unknown, team: string) => void {
  return (err, team) => logger.warn({ err, team }, 'evaluation counts not recorded (Redis did not answer); they are dropped');
}

// Working out the week is time-zone math that costs more than the counting; its answer holds until the week ends.
const weekRefs = createUntilCache<WeekRef>(1000);

function cachedWeekRef(now: number, timezone: string, retentionWeeks: number): WeekRef {
  return weekRefs(`${timezone}|${retentionWeeks}`, now, () => ({ value: weekRefAt(now, timezone, retentionWeeks), until: weekEndsAt(now, timezone) }));
}

/** Counts events now, in the workspace's week (its zone, from the settings this process already read). */
export function track(deps: Deps, team: string, events: EvaluationEvent[]): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  try {
    const settings = deps.settings.cached(team) ?? DEFAULTS;
    const at = cachedWeekRef(deps.now(), settings.timezone, settings.evaluation_weeks);
    return evaluationOf(deps).record(team, at, events);
  } catch (err) {
    // Callers on the paging path do not guard the call: a count that cannot be made must not stop a page.
    deps.logger.warn({ err, team }, 'evaluation counts not recorded');
    return Promise.resolve();
  }
}

/** A classified channel message and what the policy made of it (handle-message, after `decide`). */
export function recordMessage(deps: Deps, team: string, channel: string, message: { user: string; text: string }, verdict: Verdict, decision: Decision): Promise<void> {
  const broadcast = broadcastOf(message.text) !== undefined;
  const events: EvaluationEvent[] = [
    { kind: 'message', channel, user: message.user, area: verdict.area, broadcast, fyi: broadcast && verdict.area === 'daily_operations' && !verdict.urgent },
  ];
  for (const action of decision.actions) {
    const code: NudgeCode | undefined = action.kind === 'nudge' ? action.nudge.code : action.kind === 'hold_for_quiet_hours' ? action.held : undefined;
    if (code === 'warn_lead_time') events.push({ kind: 'offline_short_notice', channel });
    if (action.kind === 'hold_for_quiet_hours') events.push({ kind: 'quiet_held', channel });
  }
  return track(deps, team, events);
}

/** A nudge that reached its author (handle-message, after chat.postEphemeral). */
export function recordNudgeSent(deps: Deps, team: string, channel: string, code: NudgeCode): Promise<void> {
  return track(deps, team, [{ kind: 'nudge_sent', channel, code }]);
}

/** The author's answer to a nudge (nudge-action). Declaring an emergency or filing counts as taking it up. */
export function recordNudgeAnswer(deps: Deps, team: string, channel: string, button: NudgeButton): Promise<void> {
  const events: EvaluationEvent[] = [{ kind: 'nudge_answered', channel, answer: button === 'keep_as_is' ? 'kept' : 'accepted' }];
  if (button === 'make_async') events.push({ kind: 'meeting_made_async', channel });
  return track(deps, team, events);
}

/** A newly filed item (not a repeat of the same filing). */
export function recordItemFiled(deps: Deps, filed: { item: Item; created: boolean }): Promise<void> {
  if (!filed.created) return Promise.resolve();
  const { item } = filed;
  return track(deps, item.team, [{ kind: 'item_filed', channel: item.channel, user: item.author, area: item.area }]);
}

/** An item that just became done (only when it changed: marking a done item again counts nothing). */
export function recordItemDone(deps: Deps, item: Item): Promise<void> {
  return track(deps, item.team, [{ kind: 'item_done', user: item.author, ageMs: (item.doneAt ?? deps.now()) - item.createdAt }]);
}

export function recordDigestPosted(deps: Deps, team: string, channel: string, items: number): Promise<void> {
  return track(deps, team, [{ kind: 'digest_posted', channel, items }]);
}

/** Longer than a journalled emergency waits for its replay, or an open one for another acknowledgement. */
const COUNTED_MARKER_TTL_S = 35 * 86_400;

/** Counts for the first caller only, per emergency and `what` (a marker in Redis); never rejects. */
function oncePerEmergency(deps: Deps, e: Pick<Emergency, 'team' | 'id'>, what: string, count: () => Promise<void>): Promise<void> {
  return Promise.resolve()
    .then(() => deps.redis.set(deps.keys.seen(e.team, `counted-${what}`, e.id), '1', 'EX', COUNTED_MARKER_TTL_S, 'NX'))
    .then(
      (first) => (first ? count() : undefined),
      (err: unknown) => deps.logger.warn({ err, team: e.team, emergency: e.id, what }, 'emergency not counted (Redis did not answer)'),
    );
}

/**
 * Call only after the first page has left (declare.ts, after `pagesSent()`), never before it. Counts each
 * emergency once, whoever calls: the declaration that stored it, a retry of it, or the spool replay of one
 * declared without Redis (whose own write may still have landed late, so `created` cannot tell). Without
 * Redis it counts nothing, and the replay counts it later.
 */
export function recordEmergencyDeclared(deps: Deps, e: Pick<Emergency, 'team' | 'id'>): Promise<void> {
  return oncePerEmergency(deps, e, 'declared', () => track(deps, e.team, [{ kind: 'emergency_declared' }]));
}

/** One page's outcome (the pagers' onResult callback, which runs after the page was sent). */
export function recordPage(deps: Deps, team: string, result: PageResult): Promise<void> {
  return track(deps, team, [{ kind: 'page', ok: result.ok }]);
}

/** An emergency action that changed something (act.ts). */
export function recordEmergencyAction(deps: Deps, e: Emergency, action: EmergencyAction): Promise<void> {
  if (action === 'acknowledge' && e.ackAt) {
    const afterMs = e.ackAt - e.declaredAt;
    // "Escalate now" re-opens an acknowledged emergency; acknowledging it again must not count it twice.
    return oncePerEmergency(deps, e, 'acknowledged', () => track(deps, e.team, [{ kind: 'emergency_acknowledged', afterMs }]));
  }
  const events: EvaluationEvent[] = [];
  if (action === 'resolve' && e.closedAt) events.push({ kind: 'emergency_resolved', afterMs: e.closedAt - e.declaredAt });
  if (action === 'not_emergency') events.push({ kind: 'not_emergency', acknowledged: e.ackAt !== undefined });
  return track(deps, e.team, events);
}

/** Someone filed or moved a message into `area`, overruling the classifier. */
export function recordCorrection(deps: Deps, team: string, area: Area): Promise<void> {
  return track(deps, team, [{ kind: 'correction', area }]);
}
