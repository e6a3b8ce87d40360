import { stringify } from 'yaml';
import { defaultSettings } from '../../config/settings';
import { maskPhones } from '../../core/mask';
import { settingsToInput, withoutDefaults } from '../../core/settings-input';
import type { Deps } from '../../deps';

/**
 * The workspace's settings as YAML, in the schema of QUADRANT_CONFIG, ready for `/quadrant import` or a
 * file. Phone numbers are masked unless `unmasked`; importing the masked file keeps the stored numbers.
 * `short` leaves out what the defaults already say.
 */
export async function exportSettings(deps: Deps, team: string, options: { unmasked: boolean; short?: boolean }): Promise<string> {
  const input = deps.settings.isAuthoritative(team) ? settingsToInput(await deps.settings.get(team)) : await deps.settings.getEditable(team);
  const shown = options.short ? withoutDefaults(input, settingsToInput(defaultSettings())) : input;
  const body = options.unmasked ? shown : maskPhones(shown);
  const header = [
    `# Quadrant settings for workspace ${team}, exported ${new Date(deps.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    options.unmasked ? '# Holds full phone numbers: keep it private.' : '# Phone numbers are masked; importing this file keeps the stored numbers.',
    ...(options.short ? ['# Keys left out take their defaults.'] : []),
  ];
  return `${header.join('\n')}\n${stringify(body, { lineWidth: 0 })}`;
}

/** What the import modal starts with: the export, or its short form when the full one is too long for Slack's field. */
export async function importPrefill(deps: Deps, team: string, maxChars = 3000): Promise<string | undefined> {
  const full = await exportSettings(deps, team, { unmasked: false });
  if (full.length <= maxChars) return full;
  const short = await exportSettings(deps, team, { unmasked: false, short: true });
  return short.length <= maxChars ? short : undefined;
}
