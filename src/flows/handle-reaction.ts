import type { WebClient } from '@slack/web-api';
import type { Area } from '../core/areas';
import { classify } from '../core/classify';
import { priorityOf } from '../core/priority';
import { planReactionOps, readReactions, type MessageReaction, type ReactionOp } from '../core/reaction-plan';
import type { Deps } from '../deps';
import { AREA_INFO } from '../core/areas';
import { PRIORITY_LABEL } from '../core/priority';
import { fileItem } from './file-item';
import { recordCorrection, recordItemDone, recordItemFiled } from './evaluation/record';
import { afterItemMoved } from './hub/post-to-hub';
import { requestDigestRefresh } from './digest/refresh-digest';

export interface ReactionJob {
  team: string;
  eventId: string;
  kind: 'added' | 'removed';
  user: string;
  reaction: string;
  channel: string;
  ts: string;
}

export interface ReactedMessage {
  text: string;
  user?: string;
  botId?: string;
  threadTs?: string;
  permalink?: string;
  reactions: MessageReaction[];
}

export type ReadOutcome = { ok: true; message: ReactedMessage } | { ok: false; reason: 'gone' | 'no_access' | 'failed' };

/**
 * reactions.get returns the message (top-level or thread reply), its permalink and its reactions in one
 * call, with the reactions:read scope the triage needs anyway.
 */
export async function readReactedMessage(client: WebClient, channel: string, ts: string): Promise<ReadOutcome> {
  try {
    const res = await client.reactions.get({ channel, timestamp: ts, full: true });
    const m = res.message as { text?: string; user?: string; bot_id?: string; thread_ts?: string; permalink?: string; reactions?: Array<{ name?: string; users?: string[] }> } | undefined;
    if (!m) return { ok: false, reason: 'gone' };
    return {
      ok: true,
      message: {
        text: m.text ?? '',
        user: m.user,
        botId: m.bot_id,
        threadTs: m.thread_ts,
        permalink: m.permalink,
        reactions: (m.reactions ?? []).map((r) => ({ name: r.name ?? '', users: r.users ?? [] })),
      },
    };
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code === 'message_not_found' || code === 'no_item_specified') return { ok: false, reason: 'gone' };
    if (code === 'channel_not_found' || code === 'not_in_channel' || code === 'missing_scope') return { ok: false, reason: 'no_access' };
    throw err;
  }
}

/**
 * Area, priority and done reactions, run by the intake workers. The outcome is computed from the message's
 * current reactions, so a redelivered event, two people adding the same reaction, or add-remove-add in any
 * order all end in the same state. Emergency reactions are declared in the web process (latency); here
 * they only count as "not a triage reaction".
 */
export async function handleReactionJob(deps: Deps, job: ReactionJob): Promise<string> {
  const settings = await deps.settings.get(job.team);
  if (!settings.reactions[job.reaction]) return 'unknown reaction';
  const client = await deps.slackFor(job.team);
  const read = await readReactedMessage(client, job.channel, job.ts);
  if (!read.ok) {
    if (read.reason === 'no_access' && job.kind === 'added') await tell(client, job, "I can't read that message: invite me to the channel with `/invite @quadrant` and react again.");
    return `message ${read.reason}`;
  }
  const message = read.message;
  if (message.botId) {
    if (job.kind === 'added') await tellOnce(deps, client, job, "That message came from an app; I only file people's messages. Copy what matters into a message of your own and react to that.");
    return 'message from a bot';
  }
  const identity = await deps.botUserFor(job.team);
  const state = readReactions(message.reactions, settings.reactions, identity, job.kind === 'added' ? job.reaction : undefined);
  const verdict = classify(message.text, { channelArea: settings.channels[job.channel]?.area, keywords: settings.keywords, corrections: await deps.corrections.model(job.team), now: deps.now(), timezone: settings.timezone });
  const item = await deps.items.findBySource(job.team, job.channel, job.ts);
  const ops = planReactionOps(item, state, priorityOf(verdict));
  if (ops.length === 0) {
    if (job.kind === 'added' && item) await tellOnce(deps, client, job, alreadyThere(item));
    return 'nothing to change';
  }

  const notes: string[] = [];
  let current = item;
  for (const op of ops) {
    current = await apply(deps, job, message, op, current);
    notes.push(describe(op, current));
  }
  // A reaction that files into another area than the classifier chose is a correction it learns from.
  const chosen = ops.find((o): o is Extract<ReactionOp, { kind: 'file' | 'set_area' }> => (o.kind === 'file' || o.kind === 'set_area') && Boolean(o.area));
  if (chosen?.area && chosen.area !== verdict.area) {
    await deps.corrections.record(job.team, { text: message.text, area: chosen.area, by: job.user, author: message.user, at: deps.now() });
    void recordCorrection(deps, job.team, chosen.area);
  }
  if (current) await afterItemMoved(deps, current);
  if (current?.status === 'done' && item?.status !== 'done') void recordItemDone(deps, current);
  if (current?.posted) await requestDigestRefresh(deps, job.team, current.posted.channel, current.posted.digestId);
  if (job.kind === 'added') await tell(client, job, notes.filter(Boolean).join(' '));
  return ops.map((o) => o.kind).join(',');
}

async function apply(deps: Deps, job: ReactionJob, message: ReactedMessage, op: ReactionOp, item: Awaited<ReturnType<Deps['items']['get']>>) {
  const now = deps.now();
  switch (op.kind) {
    case 'file': {
      const filed = await fileItem(deps, {
        team: job.team,
        author: message.user ?? job.user,
        channel: job.channel,
        text: message.text,
        source: 'reaction',
        seed: `message-${job.channel}-${job.ts}`,
        ts: job.ts,
        threadTs: message.threadTs,
        permalink: message.permalink,
        area: op.area,
        priority: op.priority,
      });
      void recordItemFiled(deps, filed);
      return op.done ? deps.items.setStatus(job.team, filed.item.id, 'done', now) : filed.item;
    }
    case 'set_area':
      return deps.items.update(job.team, item!.id, { area: op.area as Area, updatedAt: now });
    case 'set_priority':
      return deps.items.update(job.team, item!.id, { priority: op.priority, updatedAt: now });
    case 'close':
      return deps.items.setStatus(job.team, item!.id, 'done', now);
    case 'reopen':
      return deps.items.setStatus(job.team, item!.id, 'open', now);
    case 'withdraw':
      return deps.items.setStatus(job.team, item!.id, 'dropped', now);
  }
}

function describe(op: ReactionOp, item: { id: string; area: Area; digestChannel?: string } | undefined): string {
  const where = item?.digestChannel ? ` for the <#${item.digestChannel}> digest` : '';
  switch (op.kind) {
    case 'file':
      return item ? `Filed as *${AREA_INFO[item.area].label}*${where} (id \`${item.id}\`).` : '';
    case 'set_area':
      return `Moved to *${AREA_INFO[op.area].label}*.`;
    case 'set_priority':
      return `Priority set to *${PRIORITY_LABEL[op.priority]}*.`;
    case 'close':
      return 'Marked done.';
    case 'reopen':
      return 'Reopened.';
    case 'withdraw':
      return 'Taken out of the digest.';
  }
}

function alreadyThere(item: { id: string; area: Area; status: string; digestChannel?: string }): string {
  const where = item.digestChannel ? ` for the <#${item.digestChannel}> digest` : '';
  if (item.status === 'done') return `That message is already filed and marked done (id \`${item.id}\`); nothing changed.`;
  if (item.status === 'dropped') return `That message was taken out of the digest (id \`${item.id}\`); nothing changed.`;
  return `That message is already filed as *${AREA_INFO[item.area].label}*${where} (id \`${item.id}\`); nothing changed.`;
}

/** A day: longer than any burst of reactions on one message, short enough that the keys do not pile up. */
const NOTE_ONCE_TTL_S = 86_400;

/**
 * For notes that change nothing: a dozen people piling the same reaction onto a message, or one person
 * toggling it, would otherwise get the same explanation every time. The claim is per message and person.
 */
async function tellOnce(deps: Deps, client: WebClient, job: ReactionJob, text: string): Promise<void> {
  const claimed = await deps.redis.set(deps.keys.seen(job.team, 'reaction-note', `${job.channel}-${job.ts}-${job.user}`), '1', 'EX', NOTE_ONCE_TTL_S, 'NX');
  if (claimed) await tell(client, job, text);
}

/** Quiet feedback: an ephemeral note only the reactor sees, never a public message per reaction. */
async function tell(client: WebClient, job: ReactionJob, text: string): Promise<void> {
  if (!text) return;
  await client.chat.postEphemeral({ channel: job.channel, user: job.user, text }).catch(() => undefined);
}
