import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { importSettings } from '../../flows/admin/import-settings';
import { publishHome } from '../../flows/admin/publish-home';
import { tellAdmin } from '../../flows/admin/tell-admin';
import { noticeModal, savedText } from '../blocks/quadrant-notice';
import { textOf, type StateValues } from '../blocks/quadrant-view-state';
import { issueLines, notAdminPlain } from '../blocks/quadrant-words';

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** `/quadrant import`: all-or-nothing; problems are listed by key path and line under the YAML field. */
export function quadrantImportSubmission(deps: Deps) {
  return async ({ ack, view, body, client, logger }: Args) => {
    const team = body.team?.id ?? view.team_id;
    const user = body.user.id;
    let acked = false;
    try {
      const outcome = await importSettings(deps, { team, by: user, yaml: textOf(view.state.values as StateValues, 'yaml') ?? '' });
      acked = true;
      if (!outcome.ok) {
        if (outcome.reason === 'not_admin') return void (await ack({ response_action: 'update', view: noticeModal('Not allowed', `${notAdminPlain()} Nothing was changed.`) }));
        const n = outcome.issues.length;
        return void (await ack({ response_action: 'errors', errors: { yaml: [`Nothing was changed: ${n} problem${n === 1 ? '' : 's'}.`, ...issueLines(outcome.issues)].join('\n') } }));
      }
      await ack();
      await tellAdmin(client, { user }, savedText('Settings imported', outcome.value.change)).catch((err: unknown) => logger.warn('could not confirm the import', err));
      await publishHome(deps, client, team, user).catch(() => undefined);
    } catch (err) {
      logger.error('import failed', err);
      if (!acked) await ack({ response_action: 'update', view: noticeModal('Something went wrong', 'Nothing was imported. Please try again in a minute.') }).catch(() => undefined);
    }
  };
}
