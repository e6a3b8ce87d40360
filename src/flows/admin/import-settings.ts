import { createHash, randomBytes } from 'node:crypto';
import { parse } from 'yaml';
import { parseSettingsYaml } from '../../config/load';
import { Settings, type SettingsInput, type WorkspaceSettings } from '../../config/settings';
import type { Issue } from '../../core/errors';
import { isMaskedPhone, restoreMaskedPhones } from '../../core/mask';
import { diffSettings, type KeyPath, type SettingsDiffEntry } from '../../core/settings-diff';
import { settingsToInput } from '../../core/settings-input';
import type { Deps } from '../../deps';
import { changeSettings, type AdminOutcome, type SettingsChanged } from './change-settings';
import { checkAdmin } from './is-admin';
import { checkReferences } from './check-references';

/** What an import would change, shown to the admin before anything is written. */
export interface ImportPreview {
  /** Both sides in one normal form (defaults filled in, durations as written), unmasked. */
  current: SettingsInput;
  next: SettingsInput;
  diff: SettingsDiffEntry[];
  /** A fingerprint of `current`: the confirm applies only if the settings are still what the admin saw. */
  base: string;
}

/**
 * `/quadrant import`, first step: everything the import checks (admin, YAML, schema, people, channels), and
 * the difference it would make; nothing is written.
 */
export async function previewImport(deps: Deps, input: ImportInput): Promise<AdminOutcome<ImportPreview>> {
  const checked = await checkImport(deps, input);
  if (!checked.ok) return checked;
  const current = settingsToInput(await deps.settings.get(input.team));
  const next = settingsToInput(checked.value.settings);
  return { ok: true, value: { current, next, diff: diffSettings(current, next), base: fingerprint(current) } };
}

/**
 * `/quadrant import`, applying: replaces the workspace's settings with YAML (one settings object, or a file
 * with `workspaces:` holding this workspace). Nothing changes unless all of it is valid, every user exists
 * and the bot is in every channel; issues carry the key path (and line). Masked phone numbers from
 * `/quadrant export` keep the stored numbers. Checks everything (admin rights too) again, since time passes
 * between the preview and the confirm.
 */
export async function importSettings(deps: Deps, input: ImportInput): Promise<SettingsChanged> {
  const checked = await checkImport(deps, input);
  if (!checked.ok) return checked;
  return changeSettings(deps, { team: input.team, by: input.by, kind: 'import', edit: () => checked.value.input });
}

export interface ImportInput {
  team: string;
  by: string;
  yaml: string;
}

async function checkImport(deps: Deps, input: ImportInput): Promise<AdminOutcome<{ input: unknown; settings: WorkspaceSettings }>> {
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
  // parseSettingsYaml passed everything but resolved masks, so this is only a guard.
  if (!parsed.success) return invalid(parsed.error.issues.map((i) => ({ code: i.code, path: i.path.filter((p) => typeof p !== 'symbol'), message: i.message })));
  const missing = await checkReferences(deps, input.team, parsed.data);
  if (missing.length > 0) return invalid(missing);
  return { ok: true, value: { input: restored.value, settings: parsed.data } };
}

/** Short and stable: equal settings give equal fingerprints, in any key order the store kept. */
export function fingerprint(input: SettingsInput): string {
  return createHash('sha256').update(JSON.stringify(sortKeys(input))).digest('hex').slice(0, 16);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
}

// Long enough to read the difference and confirm; short enough that pasted phone numbers do not linger.
const PENDING_TTL_SECONDS = 15 * 60;

/**
 * Keeps YAML too long for a view's private_metadata (3000 characters) until the admin confirms. The key
 * holds the user and the view, so a forged reference reads nothing but the submitter's own pending import.
 */
export async function holdPendingImport(deps: Deps, at: PendingAt, yaml: string): Promise<string> {
  const ref = randomBytes(8).toString('hex');
  await deps.redis.set(pendingKey(deps, at, ref), yaml, 'EX', PENDING_TTL_SECONDS);
  return ref;
}

/** The held YAML, or undefined when it expired (or was never held for this user and view). */
export async function pendingImport(deps: Deps, at: PendingAt, ref: string): Promise<string | undefined> {
  return (await deps.redis.get(pendingKey(deps, at, ref))) ?? undefined;
}

export async function dropPendingImport(deps: Deps, at: PendingAt, ref: string): Promise<void> {
  await deps.redis.del(pendingKey(deps, at, ref));
}

export interface PendingAt {
  team: string;
  user: string;
  viewId: string;
}

function pendingKey(deps: Deps, at: PendingAt, ref: string): string {
  return deps.keys.pendingImport(at.team, at.user, at.viewId, ref);
}

function invalid(issues: Issue[]): { ok: false; reason: 'invalid'; issues: Issue[] } {
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
