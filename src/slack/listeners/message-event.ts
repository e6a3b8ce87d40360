import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { jobId } from '../../queue/queues';
import { enqueueEvent } from './enqueue-event';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

// Edits are classified again and deletions leave any digest; joins, topic changes and the like mean nothing here.
const HANDLED_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share', 'message_changed', 'message_deleted']);

/**
 * Bolt has already acknowledged the event; classification and enforcement happen in the intake worker.
 * The job id is Slack's event id, so a retried delivery adds nothing while the first job is kept.
 */
export function messageEvent(deps: Deps) {
  return async ({ event, body, logger }: Args) => {
    const subtype = (event as { subtype?: string }).subtype;
    if (!HANDLED_SUBTYPES.has(subtype)) return;
    if (subtype === undefined && ((event as { bot_id?: string }).bot_id || (event as { app_id?: string }).app_id)) return;
    deps.metrics.requests.inc({ kind: 'event_message' });
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}-${event.ts}`;
    const team = (body as { team_id?: string }).team_id ?? '';
    await enqueueEvent(deps.queues.intake, 'message', { team, eventId, event }, { jobId: jobId('msg', eventId) }, logger);
  };
}
