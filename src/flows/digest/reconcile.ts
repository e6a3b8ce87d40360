import type { WebClient } from '@slack/web-api';
import { PARENT_SLOT, type Slot } from '../../store/digest-store';
import { honouringRetryAfter, type Sleep } from './slack-calls';

/**
 * Every digest message carries message metadata naming its digest and slot. chat.postMessage has no
 * idempotency key, so after a crash between Slack accepting a message and Redis recording it, this is how
 * the next attempt learns the message is already there instead of posting it twice.
 */

export const DIGEST_EVENT_TYPE = 'quadrant_digest';
/** Pages of channel history searched for a parent; a resumed digest was posted minutes ago, so it is near the top. */
const HISTORY_PAGES = 5;

export function slotMetadata(digestId: string, slot: Slot) {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { digest_id: digestId, slot } };
}

interface SlackMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

function slotOf(message: SlackMessage, digestId: string): Slot | undefined {
  const meta = message.metadata;
  if (meta?.event_type !== DIGEST_EVENT_TYPE || meta.event_payload?.digest_id !== digestId) return undefined;
  const slot = meta.event_payload.slot;
  return typeof slot === 'string' ? slot : undefined;
}

/** Adds each slot's earliest ts (a slot posted twice by an older version keeps its first message). */
function collect(found: Record<Slot, string>, messages: SlackMessage[] | undefined, digestId: string): void {
  for (const message of messages ?? []) {
    const slot = slotOf(message, digestId);
    if (!slot || !message.ts) continue;
    const known = found[slot];
    if (!known || Number(message.ts) < Number(known)) found[slot] = message.ts;
  }
}

/** The digest's messages already in Slack, by slot. Looks for the parent in recent history when its ts is unknown. */
export async function findPostedSlots(client: WebClient, channel: string, digestId: string, parentTs: string | undefined, sleep: Sleep): Promise<Record<Slot, string>> {
  const found: Record<Slot, string> = {};
  if (!parentTs) {
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES && !found[PARENT_SLOT]; page++) {
      const res = await honouringRetryAfter(() => client.conversations.history({ channel, limit: 100, include_all_metadata: true, cursor }), sleep);
      collect(found, res.messages as SlackMessage[] | undefined, digestId);
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    parentTs = found[PARENT_SLOT];
    if (!parentTs) return found;
  }
  let cursor: string | undefined;
  do {
    const res = await honouringRetryAfter(() => client.conversations.replies({ channel, ts: parentTs, limit: 200, include_all_metadata: true, cursor }), sleep);
    collect(found, res.messages as SlackMessage[] | undefined, digestId);
    cursor = res.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return found;
}
