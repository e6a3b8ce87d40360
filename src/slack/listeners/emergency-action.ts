import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { EmergencyAction } from '../../core/emergency';
import { planEscalation } from '../../core/escalation';
import type { Deps } from '../../deps';
import { actOnEmergency } from '../../flows/emergency/act';
import { EMERGENCY_ACTIONS, parseEmergencyButton } from '../blocks/emergency-blocks';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const ACTION_OF: Record<string, EmergencyAction> = {
  [EMERGENCY_ACTIONS.acknowledge]: 'acknowledge',
  [EMERGENCY_ACTIONS.resolve]: 'resolve',
  [EMERGENCY_ACTIONS.escalate]: 'escalate_now',
  [EMERGENCY_ACTIONS.notEmergency]: 'not_emergency',
};

/** The emergency message's buttons. A double click is one state change: the second finds nothing to do. */
export function emergencyAction(deps: Deps) {
  return async ({ ack, action, body, respond, logger }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const kind = ACTION_OF[action.action_id];
    if (!kind || !action.value) return;
    try {
      const { id, seenStep } = parseEmergencyButton(action.value);
      const outcome = await actOnEmergency(deps, team, id, kind, body.user.id, 'slack', { seenStep });
      if (!outcome.ok) {
        const text = outcome.reason === 'already_closed' ? 'That emergency is already closed.' : "I can't find that emergency any more.";
        await respond({ response_type: 'ephemeral', replace_original: false, text });
      } else if (kind === 'escalate_now') {
        const e = outcome.emergency;
        const plan = planEscalation(Math.max(e.escalateTo ?? 0, e.step), (await deps.settings.get(team)).emergency);
        const where = plan ? `tier ${plan.tierIndex + 1} is being paged` : 'escalation has run its course';
        const reopened = e.ackBy ? ` This re-opened it (<@${e.ackBy}> had acknowledged): escalation goes on until someone acknowledges again.` : '';
        const text = outcome.changed ? `Escalating now: ${where}.${reopened}` : `It already escalated: ${where}. Nothing more was done.`;
        await respond({ response_type: 'ephemeral', replace_original: false, text });
      } else if (kind === 'not_emergency' && outcome.changed) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'Closed as not an emergency. Should it go to a digest instead?',
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: 'Closed as not an emergency. Should it go to a digest instead?' } },
            {
              type: 'actions',
              elements: [{ type: 'button', text: { type: 'plain_text', text: 'Move to digest' }, action_id: EMERGENCY_ACTIONS.moveToDigest, value: outcome.emergency.id }],
            },
          ],
        });
      }
    } catch (err) {
      logger.error('emergency action failed', err);
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That did not go through. Please try again.' }).catch(() => undefined);
    }
  };
}
