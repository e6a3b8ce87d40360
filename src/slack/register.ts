import type { App } from '@slack/bolt';
import type { Deps } from '../deps';
import { appMention } from './listeners/app-mention';
import { asyncCommand } from './listeners/async-command';
import { asyncModalSubmission } from './listeners/async-modal-submission';
import { itemDoneAction } from './listeners/item-done-action';
import { messageEvent } from './listeners/message-event';
import { unknownCommand } from './listeners/unknown-command';
import { ASYNC_MODAL_ID } from './blocks/async-modal';
import { errorHandler } from './error-handler';
import { runOncallTest } from '../flows/emergency/oncall-test';
import { appHomeOpened } from './listeners/app-home-opened';
import { appUninstalled } from './listeners/app-uninstalled';
import { quadrantChannelSubmission } from './listeners/quadrant-channel-submission';
import { quadrantCommand } from './listeners/quadrant-command';
import { quadrantImportSubmission } from './listeners/quadrant-import-submission';
import { quadrantOpenAction } from './listeners/quadrant-open-action';
import { quadrantRollbackAction } from './listeners/quadrant-rollback-action';
import { quadrantSettingsSubmission } from './listeners/quadrant-settings-submission';
import { tokensRevoked } from './listeners/tokens-revoked';
import { CHANNEL_MODAL_ID } from './blocks/quadrant-channel-modal';
import { IMPORT_MODAL_ID } from './blocks/quadrant-import-modal';
import { OPEN_ACTION_PATTERN, ROLLBACK_ACTION_PATTERN } from './blocks/quadrant-actions';
import { SETTINGS_MODAL_ID } from './blocks/quadrant-settings-modal';
import { oncallTestMessage } from './blocks/oncall-test-blocks';
import { ITEM_ACTIONS } from './blocks/digest-blocks';
import { itemEscalateAction } from './listeners/item-escalate-action';
import { itemSnoozeAction } from './listeners/item-snooze-action';
import { EMERGENCY_ACTIONS } from './blocks/emergency-blocks';
import { EMERGENCY_MODAL_ID } from './blocks/emergency-modal';
import { emergencyAction } from './listeners/emergency-action';
import { emergencyCommand } from './listeners/emergency-command';
import { emergencyModalSubmission } from './listeners/emergency-modal-submission';
import { declareEmergencyShortcut, sendToAsyncShortcut } from './listeners/message-shortcuts';
import { moveToDigestAction } from './listeners/move-to-digest-action';
import { nudgeAction } from './listeners/nudge-action';
import { reactionEvent } from './listeners/reaction-event';
import { NUDGE_ACTION_PREFIX } from './blocks/nudge-blocks';
import { routeListeners } from './router';
import { introduceNewMember } from '../flows/intro';
import { reportCsvReply, reportMessage } from '../flows/evaluation/report';
import { HUB_ACTION_PATTERN, hubStateAction } from './listeners/hub-state-action';
import { introTipsAction } from './listeners/intro-tips-action';
import { INTRO_TIPS_ACTION } from './blocks/intro-blocks';
import { MESSAGE_SHORTCUTS } from './surface';

/**
 * One line per listener, grouped by what Slack sends. The manifest test checks the commands, events and
 * shortcuts against manifest.yml via surface.ts.
 */
export function registerListeners(app: App, deps: Deps): void {
  const reaction = reactionEvent(deps);
  routeListeners(app, {
    commands: [
      ['/async', asyncCommand(deps)],
      ['/emergency', emergencyCommand(deps)],
      [
        '/quadrant',
        quadrantCommand(deps, {
          oncallTest: async (ctx) => ctx.reply(oncallTestMessage(await runOncallTest(ctx.deps, ctx.team, ctx.user))),
          report: async (ctx, period) =>
            ctx.reply(period === 'csv' ? await reportCsvReply(ctx.deps, ctx.team, ctx.user) : await reportMessage(ctx.deps, ctx.team, period)),
        }),
      ],
    ],
    unknownCommand,
    events: [
      ['message', messageEvent(deps)],
      ['app_mention', appMention(deps)],
      ['reaction_added', reaction],
      ['reaction_removed', reaction],
      ['app_home_opened', appHomeOpened(deps)],
      ['app_uninstalled', appUninstalled(deps)],
      ['tokens_revoked', tokensRevoked(deps)],
      ['member_joined_channel', async ({ event, body }) => void (await introduceNewMember(deps, body.team_id, event.user, event.channel))],
    ],
    actions: [
      [ITEM_ACTIONS.done, itemDoneAction(deps)],
      [ITEM_ACTIONS.snooze, itemSnoozeAction(deps)],
      [ITEM_ACTIONS.escalate, itemEscalateAction(deps)],
      [EMERGENCY_ACTION_PATTERN, emergencyAction(deps)],
      [EMERGENCY_ACTIONS.moveToDigest, moveToDigestAction(deps)],
      [OPEN_ACTION_PATTERN, quadrantOpenAction(deps)],
      [ROLLBACK_ACTION_PATTERN, quadrantRollbackAction(deps)],
      [new RegExp(`^${NUDGE_ACTION_PREFIX}`), nudgeAction(deps)],
      [HUB_ACTION_PATTERN, hubStateAction(deps)],
      [INTRO_TIPS_ACTION, introTipsAction(deps)],
    ],
    shortcuts: [
      [MESSAGE_SHORTCUTS.sendToAsync, sendToAsyncShortcut(deps)],
      [MESSAGE_SHORTCUTS.declareEmergency, declareEmergencyShortcut(deps)],
    ],
    views: [
      [ASYNC_MODAL_ID, asyncModalSubmission(deps)],
      [EMERGENCY_MODAL_ID, emergencyModalSubmission(deps)],
      [SETTINGS_MODAL_ID, quadrantSettingsSubmission(deps)],
      [CHANNEL_MODAL_ID, quadrantChannelSubmission(deps)],
      [IMPORT_MODAL_ID, quadrantImportSubmission(deps)],
    ],
  });
  app.error(errorHandler(deps));
}

const EMERGENCY_ACTION_PATTERN = new RegExp(
  `^(${[EMERGENCY_ACTIONS.acknowledge, EMERGENCY_ACTIONS.resolve, EMERGENCY_ACTIONS.escalate, EMERGENCY_ACTIONS.notEmergency].join('|')})$`,
);
