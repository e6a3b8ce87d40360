import { stringify } from 'yaml';
import { maskPhones } from '../../core/mask';
import { settingsToInput } from '../../core/settings-input';
import type { Deps } from '../../deps';

/**
 * The workspace's settings as YAML, in the schema of QUADRANT_CONFIG, ready for `/quadrant import` or a
 * file. Phone numbers are masked unless `unmasked`; importing the masked file keeps the stored numbers.
 */
export async function exportSettings(deps: Deps, team: string, options: { unmasked: boolean }): Promise<string> {
  const input = deps.settings.isAuthoritative(team) ? settingsToInput(await deps.settings.get(team)) : await deps.settings.getEditable(team);
  const body = options.unmasked ? input : maskPhones(input);
  const header = [
    `# Quadrant settings for workspace ${team}, exported ${new Date(deps.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    options.unmasked ? '# Holds full phone numbers: keep it private.' : '# Phone numbers are masked; importing this file keeps the stored numbers.',
  ];
  return `${header.join('\n')}\n${stringify(body, { lineWidth: 0 })}`;
}
