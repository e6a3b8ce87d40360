import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/web-api';
import type { Deps } from '../../deps';
import { importPrefill } from '../../flows/admin/export-settings';
import { checkAdmin } from '../../flows/admin/is-admin';
import { tellAdmin } from '../../flows/admin/tell-admin';
import { openTargetOf, type OpenTarget } from '../blocks/quadrant-actions';
import { channelModal } from '../blocks/quadrant-channel-modal';
import { importModal } from '../blocks/quadrant-import-modal';
import { settingsModal } from '../blocks/quadrant-settings-modal';
import { notAdminText } from '../blocks/quadrant-words';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Buttons that open a settings modal (from `/quadrant config`, `channels`, `oncall` and the App Home).
 * The click is checked like a command: a non-admin, or a forged payload, gets a refusal and no modal.
 */
export function quadrantOpenAction(deps: Deps) {
  return async ({ ack, action, body, client, respond, logger }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const user = body.user.id;
    const origin = body.channel?.id;
    const tell = async (text: string) => {
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text });
      else await tellAdmin(client, { user, origin }, text);
    };
    try {
      const target = openTargetOf(action.action_id);
      if (!target) return;
      const allowed = await checkAdmin(deps, team, user);
      if (!allowed.ok) return await tell(notAdminText(allowed.admins));
      if (deps.settings.isAuthoritative(team)) return await tell('These settings come from the `QUADRANT_CONFIG` file and can only be changed there.');
      await client.views.open({ trigger_id: body.trigger_id, view: await modalFor(deps, team, target, action.value, origin) });
    } catch (err) {
      logger.error('opening a settings modal failed', err);
      await tell('I could not open that form. Please try again in a minute.').catch(() => undefined);
    }
  };
}

async function modalFor(deps: Deps, team: string, target: OpenTarget, value: string | undefined, origin: string | undefined): Promise<ModalView> {
  const input = await deps.settings.getEditable(team);
  switch (target) {
    case 'setup':
      return settingsModal({ step: 'basics', mode: 'wizard', origin, draft: {} }, input);
    case 'basics':
    case 'digests':
    case 'oncall':
      return settingsModal({ step: target, mode: 'single', origin, draft: {} }, input);
    case 'channel':
      return channelModal(input, value && /^[CG][A-Z0-9]+$/.test(value) ? value : undefined);
    case 'import':
      return importModal(await importPrefill(deps, team));
  }
}
