import type { SettingsInput } from '../../config/settings';
import type { Issue } from '../../core/errors';
import type { Deps } from '../../deps';
import type { SettingsChange, SettingsChangeKind, SettingsUpdate } from '../../store/settings-store';
import type { WorkspaceSettings } from '../../config/settings';
import { checkAdmin } from './is-admin';

export type AdminOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not_admin'; admins: string[] }
  | { ok: false; reason: 'invalid'; issues: Issue[] };

export type SettingsChanged = AdminOutcome<{ settings: WorkspaceSettings; change?: SettingsChange }>;

/**
 * Every settings change goes through here, and the permission check is part of it: a listener cannot
 * forget it, and a forged button or view submission from a non-admin changes nothing.
 */
export async function changeSettings(
  deps: Deps,
  input: { team: string; by: string; kind: SettingsChangeKind; edit: (current: SettingsInput) => unknown },
): Promise<SettingsChanged> {
  const allowed = await checkAdmin(deps, input.team, input.by);
  if (!allowed.ok) return { ok: false, reason: 'not_admin', admins: allowed.admins };
  const outcome = await deps.settings.update(input.team, input.edit, input.by, { kind: input.kind });
  logChange(deps, input.team, input.by, outcome);
  return outcome.ok ? outcome : { ok: false, reason: 'invalid', issues: outcome.issues };
}

/** Rolls back change `changeId` (restores the settings from before it), for admins only. */
export async function rollbackSettings(deps: Deps, input: { team: string; by: string; changeId: number }): Promise<SettingsChanged> {
  const allowed = await checkAdmin(deps, input.team, input.by);
  if (!allowed.ok) return { ok: false, reason: 'not_admin', admins: allowed.admins };
  const outcome = await deps.settings.rollback(input.team, input.changeId, input.by);
  logChange(deps, input.team, input.by, outcome);
  return outcome.ok ? outcome : { ok: false, reason: 'invalid', issues: outcome.issues };
}

function logChange(deps: Deps, team: string, user: string, outcome: SettingsUpdate): void {
  const change = outcome.ok ? outcome.value.change : undefined;
  // Key paths only: values may hold phone numbers.
  if (change) deps.logger.info({ team, user, change: change.id, kind: change.kind, changed: change.changed }, 'settings changed');
}
