import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewResponseAction } from '@slack/bolt';
import type { Deps } from '../../deps';
import { checkBotMembership } from '../../flows/admin/check-channels';
import { checkAdmin } from '../../flows/admin/is-admin';
import { publishHome } from '../../flows/admin/publish-home';
import { checkSetupStep, onCallNames, saveSetup } from '../../flows/admin/setup-settings';
import { tellAdmin } from '../../flows/admin/tell-admin';
import type { SettingsChangeKind } from '../../store/settings-store';
import { noticeModal, savedText } from '../blocks/quadrant-notice';
import { isSettingsModalMeta, nextStep, phoneFieldUsers, readStep, settingsModal, stepErrors, type SettingsModalMeta } from '../blocks/quadrant-settings-modal';
import { readMetadata, type StateValues } from '../blocks/quadrant-view-state';
import { channelProblemText, notAdminPlain } from '../blocks/quadrant-words';

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;

function kindOf(meta: SettingsModalMeta): SettingsChangeKind {
  if (meta.mode === 'wizard') return 'setup';
  return meta.step === 'oncall' || meta.step === 'phones' ? 'oncall' : 'set';
}

/**
 * A step of the settings flow was submitted. Everything is decided before the ack (Slack waits 3 s): the
 * person is re-checked, the step validated (errors under the right field), the bot's channel membership
 * checked; then the next step replaces the view, or the last one saves and the modal closes.
 */
export function quadrantSettingsSubmission(deps: Deps) {
  return async ({ ack, view, body, client, logger }: Args) => {
    const team = body.team?.id ?? view.team_id;
    const user = body.user.id;
    const meta = readMetadata(view.private_metadata, isSettingsModalMeta);
    if (!meta) return void (await ack({ response_action: 'update', view: noticeModal('Form out of date', 'This form can no longer be used. Run `/quadrant setup` again.') }));
    // Set by the one answer Slack gets, whichever it is, so a throw before it still gets the error answer.
    let acked = false;
    const answer = async (response?: ViewResponseAction) => {
      acked = true;
      await ack(response as never);
    };
    try {
      const allowed = await checkAdmin(deps, team, user);
      if (!allowed.ok) {
        return void (await answer({ response_action: 'update', view: noticeModal('Not allowed', `${notAdminPlain()} Nothing was changed.`) }));
      }
      const draft = { ...meta.draft, ...readStep(meta.step, view.state.values as StateValues, meta) };
      const check = await checkSetupStep(deps, client, team, draft, meta.step);
      const errors = stepErrors(meta.step, check, draft);
      if (Object.keys(errors).length > 0) return void (await answer({ response_action: 'errors', errors }));
      const next = nextStep(meta, check.input);
      if (next) {
        const names = next === 'phones' ? await onCallNames(deps, client, team, phoneFieldUsers(check.input).shown) : {};
        return void (await answer({ response_action: 'update', view: settingsModal({ ...meta, step: next, draft }, check.input, names) }));
      }

      const saved = await saveSetup(deps, { team, by: user, draft, kind: kindOf(meta) });
      if (!saved.ok) {
        if (saved.reason === 'not_admin') return void (await answer({ response_action: 'update', view: noticeModal('Not allowed', `${notAdminPlain()} Nothing was changed.`) }));
        return void (await answer({ response_action: 'errors', errors: stepErrors(meta.step, { issues: saved.issues, channelProblems: [], input: check.input }, draft) }));
      }
      await answer();
      // The steps checked the channels they name; channels assigned elsewhere are checked now, as a warning.
      const problems = await checkBotMembership(client, Object.keys(saved.value.settings.channels)).catch(() => []);
      const warnings = problems.map((p) => `\n:warning: ${channelProblemText(p, 'or Quadrant cannot work there')}`).join('');
      await tellAdmin(client, { user, origin: meta.origin }, savedText('Settings saved', saved.value.change) + warnings).catch((err: unknown) => logger.warn('could not confirm the settings change', err));
      await publishHome(deps, client, team, user).catch(() => undefined);
    } catch (err) {
      logger.error('settings form failed', err);
      if (!acked) await ack({ response_action: 'update', view: noticeModal('Something went wrong', 'Nothing was saved. Please try again in a minute.') }).catch(() => undefined);
    }
  };
}
