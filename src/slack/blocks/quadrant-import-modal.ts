import type { ModalView } from '@slack/web-api';
import type { SettingsInput } from '../../config/settings';
import { maskPhone, maskPhones } from '../../core/mask';
import { formatKeyPath, type KeyPath, type SettingsDiffEntry } from '../../core/settings-diff';
import { escapePlain } from '../escape';
import { sections } from './quadrant-config';
import { ACTION } from './quadrant-view-state';

export const IMPORT_MODAL_ID = 'quadrant_import';
/** Slack's limit for a plain_text_input. */
export const IMPORT_MAX_CHARS = 3000;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** `/quadrant import`: paste YAML; prefilled with the current (masked) export when it fits. */
export function importModal(current?: string): ModalView {
  const prefill = current && current.length <= IMPORT_MAX_CHARS ? { initial_value: current } : {};
  return {
    type: 'modal',
    callback_id: IMPORT_MODAL_ID,
    title: plain('Import settings'),
    submit: plain('Check'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Paste settings in the `QUADRANT_CONFIG` format (what `/quadrant export` gives). They replace the current settings; keys left out take their defaults. Everything is checked first, and you see what would change before anything does. Masked phone numbers keep the stored ones.',
        },
      },
      { type: 'input', block_id: 'yaml', label: plain('Settings (YAML)'), element: { type: 'plain_text_input', action_id: ACTION, multiline: true, max_length: IMPORT_MAX_CHARS, ...prefill } },
    ] as ModalView['blocks'],
  };
}

/** What the confirming submit needs: the YAML itself when it fits private_metadata, else a reference to it in Redis. */
export type ImportCarry = { yaml: string } | { ref: string };

export interface ImportConfirmMetadata {
  step: 'confirm';
  /** Fingerprint of the settings the difference was taken against. */
  base: string;
  carry: ImportCarry;
}

/** Slack's limit for a view's private_metadata. */
export const METADATA_MAX_CHARS = 3000;

/** The metadata with the YAML inline, or undefined when that is too long to carry. */
export function inlineMetadata(base: string, yaml: string): string | undefined {
  const text = JSON.stringify({ step: 'confirm', base, carry: { yaml } } satisfies ImportConfirmMetadata);
  return text.length <= METADATA_MAX_CHARS ? text : undefined;
}

export function refMetadata(base: string, ref: string): string {
  return JSON.stringify({ step: 'confirm', base, carry: { ref } } satisfies ImportConfirmMetadata);
}

/** The confirm step's metadata, or undefined for the first step (or anything else: metadata can be forged). */
export function readImportMetadata(text: string | undefined): ImportConfirmMetadata | undefined {
  if (!text) return undefined;
  try {
    const m = JSON.parse(text) as Partial<ImportConfirmMetadata>;
    if (m.step !== 'confirm' || typeof m.base !== 'string' || !m.carry || typeof m.carry !== 'object') return undefined;
    if (typeof (m.carry as { yaml?: unknown }).yaml === 'string') return { step: 'confirm', base: m.base, carry: { yaml: (m.carry as { yaml: string }).yaml } };
    if (typeof (m.carry as { ref?: unknown }).ref === 'string') return { step: 'confirm', base: m.base, carry: { ref: (m.carry as { ref: string }).ref } };
    return undefined;
  } catch {
    return undefined;
  }
}

const MAX_DIFF_LINES = 40;

/**
 * The second step of `/quadrant import`: what would change, key by key (phone numbers masked), with a loud
 * line when on-call people or Quadrant admins would go, since a short paste replaces everything it leaves out.
 */
export function importConfirmModal(input: { current: SettingsInput; next: SettingsInput; diff: SettingsDiffEntry[]; metadata: string; moved?: boolean }): ModalView {
  const { diff } = input;
  const counts = (['added', 'removed', 'changed'] as const).map((kind) => [kind, diff.filter((d) => d.kind === kind).length] as const).filter(([, n]) => n > 0);
  const lead = [
    ...(input.moved ? [':warning: *The settings changed while you were looking.* This is the difference now.'] : []),
    `*This import replaces the current settings.* ${diff.length} key${diff.length === 1 ? '' : 's'} would change (${counts.map(([kind, n]) => `${n} ${kind}`).join(', ')}); keys the YAML leaves out take their defaults.`,
  ];
  const lines = diff.map(diffLine);
  const shown = lines.length > MAX_DIFF_LINES ? [...lines.slice(0, MAX_DIFF_LINES), `…and ${lines.length - MAX_DIFF_LINES} more`] : lines;
  return {
    type: 'modal',
    callback_id: IMPORT_MODAL_ID,
    private_metadata: input.metadata,
    title: plain('Confirm import'),
    submit: plain('Import'),
    close: plain('Cancel'),
    blocks: [
      ...sections(lead),
      ...sections(warnings(input.current, input.next)),
      ...sections(shown),
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Import applies this at once, everywhere; Cancel changes nothing. `/quadrant history` can roll an import back.' }] },
    ] as ModalView['blocks'],
  };
}

function warnings(current: SettingsInput, next: SettingsInput): string[] {
  const out: string[] = [];
  const onCall = (s: SettingsInput) => new Set((s.emergency?.tiers ?? []).flat().map((p) => p.slack));
  const gone = [...onCall(current)].filter((u) => !onCall(next).has(u));
  const tiersBefore = current.emergency?.tiers?.length ?? 0;
  const tiersAfter = next.emergency?.tiers?.length ?? 0;
  if (tiersBefore > 0 && tiersAfter === 0) out.push(':rotating_light: *This removes every on-call tier: `/emergency` will page no one.*');
  else if (tiersAfter < tiersBefore || gone.length > 0) {
    out.push(`:rotating_light: *This removes on-call ${tiersAfter < tiersBefore ? `tiers (${tiersBefore} → ${tiersAfter})` : 'people'}${gone.length ? `: ${gone.map((u) => `<@${u}>`).join(', ')} will no longer be paged` : ''}.*`);
  }
  const admins = new Set(next.admins ?? []);
  const lostAdmins = (current.admins ?? []).filter((a) => !admins.has(a));
  if (lostAdmins.length > 0) out.push(`:warning: *This removes Quadrant admins: ${lostAdmins.map((u) => `<@${u}>`).join(', ')}* (unless they are workspace admins, they can no longer change Quadrant).`);
  return out;
}

function diffLine(d: SettingsDiffEntry): string {
  const key = `\`${formatKeyPath(d.path)}\``;
  if (d.kind === 'added') return `• ${key} added: ${shownValue(d.after, d.path)}`;
  if (d.kind === 'removed') return `• ${key} removed (was ${shownValue(d.before, d.path)})`;
  return `• ${key}: ${shownValue(d.before, d.path)} → ${shownValue(d.after, d.path)}`;
}

const MAX_VALUE_CHARS = 80;

/** A value as one short line, phone numbers masked: the preview may be seen on a shared screen. */
function shownValue(value: unknown, path: KeyPath): string {
  const masked = path.at(-1) === 'phone' && typeof value === 'string' ? maskPhone(value) : maskPhones(value);
  const text = typeof masked === 'string' ? masked : JSON.stringify(masked);
  const short = text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
  // A backtick inside would end the code span early.
  return `\`${escapePlain(short.replace(/`/g, "'"))}\``;
}
