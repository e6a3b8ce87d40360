import { parse } from 'yaml';
import { parseSettingsYaml } from '../../config/load';
import { Settings } from '../../config/settings';
import type { Issue } from '../../core/errors';
import { isMaskedPhone, restoreMaskedPhones } from '../../core/mask';
import type { KeyPath } from '../../core/settings-diff';
import type { Deps } from '../../deps';
import { changeSettings, type SettingsChanged } from './change-settings';
import { checkAdmin } from './is-admin';
import { checkReferences } from './check-references';

/**
 * `/quadrant import`: replaces the workspace's settings with YAML (one settings object, or a file with
 * `workspaces:` holding this workspace). Nothing changes unless all of it is valid, every user exists and
 * the bot is in every channel; issues carry the key path (and line). Masked phone numbers from
 * `/quadrant export` keep the stored numbers.
 */
export async function importSettings(deps: Deps, input: { team: string; by: string; yaml: string }): Promise<SettingsChanged> {
  const allowed = await checkAdmin(deps, input.team, input.by);
  if (!allowed.ok) return { ok: false, reason: 'not_admin', admins: allowed.admins };
  if (input.yaml.trim() === '') return invalid([{ code: 'empty', path: [], message: 'paste the settings YAML (`/quadrant export` gives the current ones)' }]);

  const checked = parseSettingsYaml(input.yaml);
  if (!checked.ok && checked.issues.some((i) => i.code === 'yaml_syntax' || i.code === 'not_a_mapping')) return invalid(checked.issues);
  const raw: unknown = parse(input.yaml) ?? {};
  const multi = isRecord(raw) && 'workspaces' in raw;
  const prefix: KeyPath = multi ? ['workspaces', input.team] : [];
  const picked = multi ? (isRecord(raw.workspaces) ? raw.workspaces[input.team] : undefined) : raw;
  if (picked === undefined) return invalid([{ code: 'workspace_missing', path: ['workspaces'], message: `has no entry for this workspace (${input.team})` }]);

  const current = await deps.settings.getEditable(input.team);
  const masked = maskedPaths(picked);
  const restored = restoreMaskedPhones(picked, current);
  const unresolved = new Set(restored.unresolved.map((p) => JSON.stringify(p)));
  const issues = checked.ok
    ? []
    : checked.issues
        .filter((i) => startsWith(i.path, prefix))
        .flatMap((i): Issue[] => {
          const local = JSON.stringify(i.path.slice(prefix.length));
          if (!masked.has(local)) return [i];
          // A mask we could put the stored number back for is not a mistake.
          if (!unresolved.has(local)) return [];
          return [{ ...i, code: 'phone_masked', message: 'is a masked number that matches no stored number for this person: write the full number' }];
        });
  if (issues.length > 0) return invalid(issues);
  const parsed = Settings.safeParse(restored.value);
  if (parsed.success) {
    const missing = await checkReferences(deps, input.team, parsed.data);
    if (missing.length > 0) return invalid(missing);
  }
  return changeSettings(deps, { team: input.team, by: input.by, kind: 'import', edit: () => restored.value });
}

function invalid(issues: Issue[]): SettingsChanged {
  return { ok: false, reason: 'invalid', issues };
}

function maskedPaths(value: unknown, path: KeyPath = [], out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v, i) => maskedPaths(v, [...path, i], out));
  else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'phone' && isMaskedPhone(v)) out.add(JSON.stringify([...path, k]));
      else maskedPaths(v, [...path, k], out);
    }
  }
  return out;
}

function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.every((p, i) => path[i] === p) || path.length < prefix.length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
