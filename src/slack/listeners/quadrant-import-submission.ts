import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewResponseAction } from '@slack/bolt';
import type { Deps } from '../../deps';
import { dropPendingImport, holdPendingImport, importSettings, pendingImport, previewImport, type PendingAt } from '../../flows/admin/import-settings';
import { publishHome } from '../../flows/admin/publish-home';
import { tellAdmin } from '../../flows/admin/tell-admin';
import { importConfirmModal, inlineMetadata, readImportMetadata, refMetadata, type ImportConfirmMetadata } from '../blocks/quadrant-import-modal';
import { noticeModal, savedText } from '../blocks/quadrant-notice';
import { textOf, type StateValues } from '../blocks/quadrant-view-state';
import { issueLines, notAdminPlain } from '../blocks/quadrant-words';

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;

const NOT_ALLOWED = () => noticeModal('Not allowed', `${notAdminPlain()} Nothing was changed.`);

/**
 * `/quadrant import` in two steps. The first submit checks the YAML (problems are listed by key path and
 * line under the field) and shows what would change; only the confirming submit writes, after checking
 * everything, admin rights included, again. A paste that changes nothing needs no confirmation.
 */
export function quadrantImportSubmission(deps: Deps) {
  return async ({ ack, view, body, client, logger }: Args) => {
    const team = body.team?.id ?? view.team_id;
    const user = body.user.id;
    const at: PendingAt = { team, user, viewId: view.id };
    let acked = false;
    const answer = async (response?: ViewResponseAction) => {
      acked = true;
      // Bolt types one ack for every view action; only a submission's takes a response action, and this is one.
      await ack(response as never);
    };
    try {
      const confirming = readImportMetadata(view.private_metadata);
      const yaml = confirming ? await carriedYaml(deps, at, confirming) : (textOf(view.state.values as StateValues, 'yaml') ?? '');
      if (yaml === undefined) return void (await answer({ response_action: 'update', view: noticeModal('Import expired', 'Nothing was imported: the import waited too long for its confirmation. Run `/quadrant import` and paste it again.') }));

      const preview = await previewImport(deps, { team, by: user, yaml });
      if (!preview.ok) {
        if (preview.reason === 'not_admin') return void (await answer({ response_action: 'update', view: NOT_ALLOWED() }));
        const n = preview.issues.length;
        const text = [`Nothing was changed: ${n} problem${n === 1 ? '' : 's'}.`, ...issueLines(preview.issues)].join('\n');
        if (confirming) return void (await answer({ response_action: 'update', view: noticeModal('Nothing imported', text) }));
        return void (await answer({ response_action: 'errors', errors: { yaml: text } }));
      }
      const { diff, base } = preview.value;
      // Confirmed against the settings shown, or nothing to confirm: apply. Otherwise show (again) what would change.
      if (diff.length > 0 && confirming?.base !== base) {
        const metadata = inlineMetadata(base, yaml) ?? refMetadata(base, confirming && 'ref' in confirming.carry ? confirming.carry.ref : await holdPendingImport(deps, at, yaml));
        return void (await answer({ response_action: 'update', view: importConfirmModal({ ...preview.value, metadata, moved: confirming !== undefined }) }));
      }
      const outcome = await importSettings(deps, { team, by: user, yaml });
      if (!outcome.ok) {
        if (outcome.reason === 'not_admin') return void (await answer({ response_action: 'update', view: NOT_ALLOWED() }));
        return void (await answer({ response_action: 'update', view: noticeModal('Nothing imported', [`Nothing was changed:`, ...issueLines(outcome.issues)].join('\n')) }));
      }
      await answer();
      if (confirming && 'ref' in confirming.carry) await dropPendingImport(deps, at, confirming.carry.ref).catch(() => undefined);
      await tellAdmin(client, { user }, savedText('Settings imported', outcome.value.change)).catch((err: unknown) => logger.warn('could not confirm the import', err));
      await publishHome(deps, client, team, user).catch(() => undefined);
    } catch (err) {
      logger.error('import failed', err);
      if (!acked) await ack({ response_action: 'update', view: noticeModal('Something went wrong', 'Nothing was imported. Please try again in a minute.') }).catch(() => undefined);
    }
  };
}

async function carriedYaml(deps: Deps, at: PendingAt, metadata: ImportConfirmMetadata): Promise<string | undefined> {
  return 'yaml' in metadata.carry ? metadata.carry.yaml : pendingImport(deps, at, metadata.carry.ref);
}
