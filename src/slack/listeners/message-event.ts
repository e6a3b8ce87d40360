import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { jobId } from '../../queue/queues';

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
    // Bolt acknowledged the event before this runs, so Slack will not retry it: ride out a Redis blip here.
    for (let attempt = 1; ; attempt++) {
      try {
        await deps.queues.intake.add('message', { team, eventId, event }, { jobId: jobId('msg', eventId) });
        return;
      } catch (err) {
        if (attempt >= 6) {
          logger.error('could not queue message event; giving up', err);
          throw err;
        }
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  };
}
