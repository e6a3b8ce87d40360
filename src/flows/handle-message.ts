import { classify } from '../core/classify';
import type { Action } from '../core/policy';
import { decide } from '../core/policy';
import type { NudgeCode } from '../core/nudge';
import { nudgeMessage } from '../core/nudge-text';
import { broadcastOf } from '../core/slack-text';
import type { Item } from '../core/item';
import { priorityOf } from '../core/priority';
import type { Deps } from '../deps';
import { userTimezone } from './slack-user';
import { nudgeBlocks } from '../slack/blocks/nudge-blocks';
import { classifyForFiling, fileItem } from './file-item';
import { recordMessage, recordNudgeSent } from './evaluation/record';
import { afterItemFiled, afterItemMoved } from './hub/post-to-hub';
import { requestDigestRefresh } from './digest/refresh-digest';

export interface MessageJob {
  team: string;
  eventId: string;
  event: Record<string, unknown>;
}

interface SlackMessage {
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  bot_id?: string;
  app_id?: string;
  subtype?: string;
}

const SEEN_TTL_S = 86_400;
const CONTEXT_TTL_S = 86_400;
/**
 * An edit or deletion can be handled before its message (intake runs jobs side by side, and retries reorder
 * them). It leaves this note for that long, covering the original's retries, so the original files its latest
 * text, or nothing.
 */
const CHANGE_NOTE_TTL_S = 900;

type ChangeNote = { deleted: true } | { text: string };

const changeNoteKey = (deps: Deps, team: string, channel: string, ts: string) => deps.keys.seen(team, 'message-change', `${channel}-${ts}`);

async function noteChange(deps: Deps, team: string, channel: string, ts: string, note: ChangeNote): Promise<void> {
  await deps.redis.set(changeNoteKey(deps, team, channel, ts), JSON.stringify(note), 'EX', CHANGE_NOTE_TTL_S);
}

async function changeNote(deps: Deps, team: string, channel: string, ts: string): Promise<ChangeNote | undefined> {
  const raw = await deps.redis.get(changeNoteKey(deps, team, channel, ts));
  return raw ? (JSON.parse(raw) as ChangeNote) : undefined;
}

/**
 * Classifies a channel message and carries out the policy's decision. Each step is idempotent (items are
 * keyed by channel and ts, the nudge window is a SET NX), and a seen-key outlives Slack's retries, so a
 * redelivered event or a retried job changes nothing.
 */
export async function handleMessageJob(deps: Deps, job: MessageJob): Promise<string> {
  const { team, eventId, event } = job;
  const seenKey = deps.keys.seen(team, 'event', eventId);
  if (await deps.redis.exists(seenKey)) return 'duplicate';
  const channel = String(event.channel ?? '');
  let outcome: string;
  const changed = event.subtype === 'message_changed' ? (event.message as SlackMessage | undefined) : undefined;
  if (event.subtype === 'message_deleted') outcome = await onDeleted(deps, team, channel, String(event.deleted_ts ?? (event.previous_message as SlackMessage | undefined)?.ts ?? ''));
  // Deleting a message that has thread replies leaves a tombstone in its place, announced as a change, not a deletion.
  else if (changed?.subtype === 'tombstone') outcome = await onDeleted(deps, team, channel, changed.ts);
  else if (event.subtype === 'message_changed') outcome = await onEdited(deps, team, channel, changed);
  else outcome = await onMessage(deps, team, channel, event as unknown as SlackMessage);
  await deps.redis.set(seenKey, '1', 'EX', SEEN_TTL_S);
  return outcome;
}

async function onMessage(deps: Deps, team: string, channel: string, original: SlackMessage): Promise<string> {
  const isBot = Boolean(original.bot_id || original.app_id || original.subtype === 'bot_message');
  if (isBot || !original.user || !original.text) return 'not enforced';
  const note = original.ts ? await changeNote(deps, team, channel, original.ts) : undefined;
  if (note && 'deleted' in note) return 'deleted before it was handled';
  const message = { ...original, user: original.user, text: note ? note.text : original.text };
  const [settings, corrections] = await Promise.all([deps.settings.get(team), deps.corrections.model(team)]);
  const now = deps.now();
  const isThreadReply = Boolean(message.thread_ts && message.thread_ts !== message.ts);
  const channelSetting = settings.channels[channel];
  const verdict = classify(message.text, {
    channelArea: channelSetting?.area,
    isThreadReply,
    keywords: settings.keywords,
    corrections,
    now,
    timezone: settings.timezone,
  });
  const nudgedKey = deps.keys.nudged(team, channel, message.user);
  const recentNudge = (await deps.redis.get(nudgedKey)) as NudgeCode | null;
  const { text, user } = message;
  const decideIn = (authorTimezone?: string) =>
    decide(
      verdict,
      {
        channel,
        channelSetting,
        text,
        isBot,
        isThreadReply,
        hasBroadcast: broadcastOf(text),
        now,
        recentlyNudged: recentNudge !== null,
        recentNudge: recentNudge ?? undefined,
        authorTimezone,
      },
      settings,
    );
  let decision = decideIn();
  // Quiet hours are the author's own. Their zone only matters where a nudge is at stake (sent, held, or kept
  // back as recently given: quiet hours are decided first), so Slack is asked (users.info, cached) only then.
  const atStake = decision.reason === 'recently_nudged' || decision.actions.some((a) => a.kind === 'nudge' || a.kind === 'hold_for_quiet_hours');
  if (settings.quiet_hours && atStake) {
    const zone = await userTimezone(deps, team, user);
    if (zone && zone !== settings.timezone) decision = decideIn(zone);
  }
  void recordMessage(deps, team, channel, { user: message.user, text: message.text }, verdict, decision);
  const log = deps.logger.child({ team, channel, area: verdict.area, decision: decision.reason });
  for (const action of decision.actions) await carryOut(deps, team, channel, message, action, settings.timezone, settings.nudge_window);
  log.debug('message handled');
  return decision.reason;
}

async function carryOut(deps: Deps, team: string, channel: string, message: SlackMessage, action: Action, timezone: string, windowMs: number): Promise<void> {
  switch (action.kind) {
    case 'queue_for_digest': {
      const client = await deps.slackFor(team);
      const permalink = await client.chat.getPermalink({ channel, message_ts: message.ts }).then((r) => r.permalink, () => undefined);
      const filed = await fileItem(deps, {
        team,
        author: message.user!,
        channel,
        text: message.text!,
        source: 'policy',
        seed: `message-${channel}-${message.ts}`,
        ts: message.ts,
        threadTs: message.thread_ts,
        permalink,
      });
      // An edit or deletion handled while this message was being filed found no item, but left its note.
      const note = await changeNote(deps, team, channel, message.ts);
      if (note && 'deleted' in note) return void (await dropItem(deps, team, filed.item));
      const edited = note && note.text !== filed.item.text ? await editItem(deps, team, channel, filed.item, note.text) : undefined;
      await afterItemFiled(deps, edited ? { ...filed, item: edited } : filed);
      return;
    }
    case 'nudge': {
      // SET NX: two messages racing in the same window still earn one nudge.
      const claimed = await deps.redis.set(deps.keys.nudged(team, channel, message.user!), action.nudge.code, 'PX', windowMs, 'NX');
      if (claimed === null && action.nudge.code !== 'suggest_emergency') return;
      if (claimed === null) await deps.redis.set(deps.keys.nudged(team, channel, message.user!), action.nudge.code, 'PX', windowMs);
      await deps.redis.set(
        deps.keys.nudgeContext(team, channel, message.ts),
        JSON.stringify({ user: message.user, text: message.text, threadTs: message.thread_ts }),
        'EX',
        CONTEXT_TTL_S,
      );
      const client = await deps.slackFor(team);
      const rendered = nudgeBlocks(nudgeMessage(action.nudge, action.buttons, timezone), { channel, ts: message.ts });
      await client.chat.postEphemeral({ channel, user: message.user!, ...rendered, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) });
      void recordNudgeSent(deps, team, channel, action.nudge.code);
      return;
    }
    case 'hold_for_quiet_hours':
      deps.logger.debug({ team, channel, held: action.held }, 'nudge held during quiet hours');
      return;
  }
}

// Each change notes itself before looking for the item: a message filed after the look-up then reads the note.
async function onEdited(deps: Deps, team: string, channel: string, message: SlackMessage | undefined): Promise<string> {
  if (!message?.ts || !message.text) return 'ignored edit';
  // Bot messages are never filed (the bot's own digest updates would otherwise leave a note each).
  if (message.bot_id || message.app_id) return 'ignored edit';
  await noteChange(deps, team, channel, message.ts, { text: message.text });
  const item = await deps.items.findBySource(team, channel, message.ts);
  if (!item || item.status !== 'open') return 'edit of an unfiled message';
  const updated = await editItem(deps, team, channel, item, message.text);
  if (updated && updated.area !== item.area) await afterItemMoved(deps, updated);
  return 'item updated';
}

async function onDeleted(deps: Deps, team: string, channel: string, ts: string): Promise<string> {
  if (!ts) return 'ignored delete';
  await noteChange(deps, team, channel, ts, { deleted: true });
  const item = await deps.items.findBySource(team, channel, ts);
  if (!item || item.status !== 'open') return 'delete of an unfiled message';
  await dropItem(deps, team, item);
  return 'item dropped';
}

/**
 * An edit re-reads the item. For an item the policy filed, the edited text also decides its area, priority
 * and due date, so a note edited into something urgent or into an RFC is treated as such. What a person
 * chose (a reaction, an escalation) wins: a field is only rewritten while it still holds what the
 * classifier reads in the old text. It classifies as filing does, so an unchanged edit is a no-op.
 */
async function editItem(deps: Deps, team: string, channel: string, item: Item, text: string): Promise<Item | undefined> {
  const [settings, corrections] = await Promise.all([deps.settings.get(team), deps.corrections.model(team)]);
  const now = deps.now();
  const read = (t: string) => classifyForFiling(t, settings, corrections, { channel, ts: item.ts, threadTs: item.threadTs, now });
  const verdict = read(text);
  const changes: Record<string, unknown> = { text, reasons: verdict.reasons, confidence: verdict.confidence, updatedAt: now };
  if (item.source === 'policy') {
    const before = read(item.text);
    // An item is async work: an edit that reads like an emergency raises its priority but does not make it one.
    if (item.area === before.area && verdict.area !== 'emergency') changes.area = verdict.area;
    if (item.priority === priorityOf(before)) changes.priority = priorityOf(verdict);
    // null clears a date the edit took out (the store deletes null fields).
    changes.dueAt = verdict.when ?? null;
  }
  const updated = await deps.items.update(team, item.id, changes as Partial<Item>);
  if (item.posted) await requestDigestRefresh(deps, team, item.posted.channel, item.posted.digestId);
  return updated;
}

async function dropItem(deps: Deps, team: string, item: Item): Promise<void> {
  await deps.items.setStatus(team, item.id, 'dropped', deps.now());
  if (item.posted) await requestDigestRefresh(deps, team, item.posted.channel, item.posted.digestId);
}
