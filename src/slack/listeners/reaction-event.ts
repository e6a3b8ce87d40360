import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { declareFromReaction } from '../../flows/reaction-emergency';
import { jobId } from '../../queue/queues';
import { enqueueEvent } from './enqueue-event';
import { declaredReply } from '../blocks/emergency-blocks';

type Args = SlackEventMiddlewareArgs<'reaction_added' | 'reaction_removed'> & AllMiddlewareArgs;

const REFUSALS = {
  not_allowed: 'Only the people allowed by the workspace settings can declare an emergency with a reaction. If this is an emergency, use `/emergency <what is happening>`: anyone can.',
  message_gone: 'That message is gone, so there was nothing to declare. Use `/emergency <what is happening>`.',
  no_access: "I can't read messages in this channel. Invite me with `/invite @quadrant`, or use `/emergency`.",
  bot_message: "That message came from an app; I don't declare emergencies from those. Use `/emergency` if it needs people now.",
} as const;
const REACTION_FAILED =
  "Something went wrong on my side and I can't confirm this emergency was declared or anyone paged. Use `/emergency <what is happening>` now, and if it is urgent, call the on-call directly.";

/**
 * Triage reactions go through the intake queue (job id = Slack's event id); the emergency reaction is
 * declared here at once. Unknown reactions and reactions on anything but messages do nothing.
 */
export function reactionEvent(deps: Deps) {
  return async ({ event, body, client, logger }: Args) => {
    if (event.item.type !== 'message') return;
    const team = (body as { team_id?: string }).team_id ?? '';
    const settings = deps.settings.cached(team) ?? (await deps.settings.get(team));
    const action = settings.reactions[event.reaction];
    if (!action) return;
    const eventId = (body as { event_id?: string }).event_id ?? `${event.item.channel}-${event.item.ts}-${event.reaction}-${event.user}`;
    const kind = event.type === 'reaction_added' ? 'added' : 'removed';
    deps.metrics.requests.inc({ kind: `reaction_${kind}` });

    if (action === 'emergency') {
      // A page already sent cannot be unsent: removing the reaction changes nothing.
      if (kind === 'removed') return;
      try {
        const outcome = await declareFromReaction(deps, { team, user: event.user, channel: event.item.channel, ts: event.item.ts });
        const text = outcome.ok
          ? outcome.declared.created && outcome.declared.paging
            ? declaredReply(outcome.declared.emergency, outcome.declared.paging, settings.emergency.channel)
            : `This message is already emergency *${outcome.declared.emergency.code}*; nobody was paged twice.`
          : REFUSALS[outcome.reason];
        await client.chat.postEphemeral({ channel: event.item.channel, user: event.user, text }).catch(() => undefined);
      } catch (err) {
        logger.error('emergency reaction failed', err);
        await client.chat.postEphemeral({ channel: event.item.channel, user: event.user, text: REACTION_FAILED }).catch(() => undefined);
      }
      return;
    }
    await enqueueEvent(
      deps.queues.intake,
      'reaction',
      { team, eventId, kind, user: event.user, reaction: event.reaction, channel: event.item.channel, ts: event.item.ts },
      { jobId: jobId('reaction', eventId) },
      logger,
    );
  };
}
