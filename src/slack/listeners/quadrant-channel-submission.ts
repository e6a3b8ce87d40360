import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { assignChannel } from '../../flows/admin/assign-channel';
import { checkBotMembership } from '../../flows/admin/check-channels';
import { publishHome } from '../../flows/admin/publish-home';
import { tellAdmin } from '../../flows/admin/tell-admin';
import { channelModalErrors, readChannelModal } from '../blocks/quadrant-channel-modal';
import { noticeModal, savedText } from '../blocks/quadrant-notice';
import type { StateValues } from '../blocks/quadrant-view-state';
import { notAdminPlain } from '../blocks/quadrant-words';

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** The channel-role modal: checked (membership, schema) and saved before the ack, errors under their fields. */
export function quadrantChannelSubmission(deps: Deps) {
  return async ({ ack, view, body, client, logger }: Args) => {
    const team = body.team?.id ?? view.team_id;
    const user = body.user.id;
    let acked = false;
    try {
      const { channel, role } = readChannelModal(view.state.values as StateValues);
      if (!channel || !role) {
        acked = true;
        return void (await ack({ response_action: 'errors', errors: channel ? { role: 'Pick a role.' } : { channel: 'Pick a channel.' } }));
      }
      const problems = role.kind === 'area' ? await checkBotMembership(client, [channel]) : [];
      if (problems.length > 0) {
        acked = true;
        return void (await ack({ response_action: 'errors', errors: channelModalErrors([], problems) }));
      }
      const outcome = await assignChannel(deps, { team, by: user, channel, role });
      acked = true;
      if (!outcome.ok) {
        if (outcome.reason === 'not_admin') return void (await ack({ response_action: 'update', view: noticeModal('Not allowed', `${notAdminPlain()} Nothing was changed.`) }));
        return void (await ack({ response_action: 'errors', errors: channelModalErrors(outcome.issues, []) }));
      }
      await ack();
      await tellAdmin(client, { user }, savedText(`<#${channel}> updated`, outcome.value.change)).catch((err: unknown) => logger.warn('could not confirm the channel change', err));
      await publishHome(deps, client, team, user).catch(() => undefined);
    } catch (err) {
      logger.error('channel form failed', err);
      if (!acked) await ack({ response_action: 'update', view: noticeModal('Something went wrong', 'Nothing was saved. Please try again in a minute.') }).catch(() => undefined);
    }
  };
}
