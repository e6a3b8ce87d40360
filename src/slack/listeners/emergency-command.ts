import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { declareEmergency } from '../../flows/emergency/declare';
import { lastKnownSettings } from '../../flows/emergency/last-settings';
import { declaredReply } from '../blocks/emergency-blocks';
import { emergencyModal } from '../blocks/emergency-modal';
import { replyFor } from '../replies';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

const HELP = [
  '*`/emergency <what is happening>`* pages the on-call by phone at once and posts to the emergency channel.',
  'Use it for outages, security incidents, data loss and customers blocked right now. Everything else: `/async`.',
  '`/emergency` alone opens a form with a severity. In a thread, use the message menu (⋯) → *Declare emergency*.',
].join('\n');

/**
 * `/emergency`: the first page leaves before the ack. The trigger id makes a redelivered request the same
 * declaration, so it never pages twice.
 */
export function emergencyCommand(deps: Deps) {
  return async ({ command, ack, client, logger }: Args) => {
    deps.metrics.requests.inc({ kind: 'command_emergency' });
    const text = command.text.trim();
    if (text === '') {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: emergencyModal({ channel: command.channel_id }) }).catch((err: unknown) => logger.error('emergency modal failed', err));
      return;
    }
    if (text.toLowerCase() === 'help') return void (await ack({ response_type: 'ephemeral', text: HELP }));
    try {
      const declared = await declareEmergency(deps, {
        team: command.team_id,
        reporter: command.user_id,
        text,
        origin: command.channel_id,
        dedupKey: `command-${command.trigger_id}`,
      });
      const settings = lastKnownSettings(deps, command.team_id);
      const reply = declared.created && declared.paging
        ? declaredReply(declared.emergency, declared.paging, settings?.emergency.channel, { degraded: declared.degraded })
        : `Emergency *${declared.emergency.code}* was already declared; nobody was paged twice.`;
      await ack({ response_type: 'ephemeral', text: reply });
    } catch (err) {
      logger.error('emergency command failed', err);
      await ack({ response_type: 'ephemeral', text: `${replyFor(undefined)} If this is urgent, call the on-call directly.` }).catch(() => undefined);
    }
  };
}

