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
import { COMMANDS, MESSAGE_SHORTCUTS } from './surface';

/** One line per listener. The manifest test checks these against manifest.yml via surface.ts. */
export function registerListeners(app: App, deps: Deps): void {
  app.command('/async', asyncCommand(deps));
  app.command('/emergency', emergencyCommand(deps));
  // Bolt runs every matching listener, so the fallback must not match the commands above.
  app.command(new RegExp(`^(?!(${COMMANDS.join('|')})$)`), unknownCommand);

  app.event('message', messageEvent(deps));
  app.event('app_mention', appMention(deps));
  app.event('reaction_added', reactionEvent(deps));
  app.event('reaction_removed', reactionEvent(deps));

  app.action('item_done', itemDoneAction(deps));
  app.action(new RegExp(`^(${[EMERGENCY_ACTIONS.acknowledge, EMERGENCY_ACTIONS.resolve, EMERGENCY_ACTIONS.escalate, EMERGENCY_ACTIONS.notEmergency].join('|')})$`), emergencyAction(deps));
  app.action(EMERGENCY_ACTIONS.moveToDigest, moveToDigestAction(deps));
  app.action(new RegExp(`^${NUDGE_ACTION_PREFIX}`), nudgeAction(deps));

  app.shortcut({ callback_id: MESSAGE_SHORTCUTS.sendToAsync, type: 'message_action' }, sendToAsyncShortcut(deps));
  app.shortcut({ callback_id: MESSAGE_SHORTCUTS.declareEmergency, type: 'message_action' }, declareEmergencyShortcut(deps));

  app.view(ASYNC_MODAL_ID, asyncModalSubmission(deps));
  app.view(EMERGENCY_MODAL_ID, emergencyModalSubmission(deps));

  app.error(errorHandler(deps));
}
