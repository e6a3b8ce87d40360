import { Document, isSeq, visit } from 'yaml';
import { ChannelSettings, DigestSchedule, defaultSettings, type SettingsInput } from '../../config/settings';
import { maskPhones } from '../../core/mask';
import { settingsToInput, withoutDefaults } from '../../core/settings-input';
import type { Deps } from '../../deps';

/** What Slack's import field holds (a plain_text_input's max_length; IMPORT_MAX_CHARS of the modal). */
const IMPORT_FIELD_CHARS = 3000;

/**
 * The workspace's settings as YAML, in the schema of QUADRANT_CONFIG, ready for `/quadrant import` or a
 * file. Phone numbers are masked unless `unmasked`; importing the masked file keeps the stored numbers.
 * `short` leaves out what the defaults already say.
 */
export async function exportSettings(deps: Deps, team: string, options: { unmasked: boolean; short?: boolean }): Promise<string> {
  const input = deps.settings.isAuthoritative(team) ? settingsToInput(await deps.settings.get(team)) : await deps.settings.getEditable(team);
  const shown = withoutChannelDefaults(options.short ? withoutDefaults(input, settingsToInput(defaultSettings())) : input);
  const body = options.unmasked ? shown : maskPhones(shown);
  const header = [
    `# Quadrant settings for workspace ${team}, exported ${new Date(deps.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    options.unmasked ? '# Holds full phone numbers: keep it private.' : '# Phone numbers are masked; importing this file keeps the stored numbers.',
    ...(options.short ? ['# Keys left out take their defaults.'] : []),
  ];
  return `${header.join('\n')}\n${compactYaml(body)}`;
}

/**
 * The export people can paste back into `/quadrant import`: every key when that fits Slack's field, else
 * the short form. `fits` says whether even that is too long (then only the QUADRANT_CONFIG file takes it).
 */
export async function exportForImport(deps: Deps, team: string, options: { unmasked: boolean; maxChars?: number }): Promise<{ yaml: string; fits: boolean }> {
  const maxChars = options.maxChars ?? IMPORT_FIELD_CHARS;
  const full = await exportSettings(deps, team, { unmasked: options.unmasked });
  if (full.length <= maxChars) return { yaml: full, fits: true };
  const short = await exportSettings(deps, team, { unmasked: options.unmasked, short: true });
  return { yaml: short, fits: short.length <= maxChars };
}

/** What the import modal starts with: the export, or its short form when the full one is too long for Slack's field. */
export async function importPrefill(deps: Deps, team: string, maxChars = IMPORT_FIELD_CHARS): Promise<string | undefined> {
  const { yaml, fits } = await exportForImport(deps, team, { unmasked: false, maxChars });
  return fits ? yaml : undefined;
}

// A collection whose JSON is this short reads well on one line; longer ones (the channel map, the
// reactions) stay one entry per line so people can find and edit an entry.
const ONE_LINE_JSON = 72;

/**
 * YAML with short lists and maps in flow style (`days: [mon, tue]`, `quiet_hours: {from: 19:00, to: 08:00}`):
 * block style spends a line per day, which put a dozen digest channels past the import field's limit.
 * On-call tiers stay one per line: a list of lists on one line hides where a tier ends.
 */
function compactYaml(body: unknown): string {
  const doc = new Document(body);
  visit(doc, {
    Collection(_, node) {
      if (node === doc.contents) return;
      if (isSeq(node) && node.items.some((item) => isSeq(item))) return;
      if (JSON.stringify(node.toJSON()).length <= ONE_LINE_JSON) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// The values the schema fills in for a channel's keys when they are missing.
const CHANNEL_DEFAULTS: Record<string, unknown> = ChannelSettings.parse({ area: 'deep_work' });
const DIGEST_DEFAULTS: Record<string, unknown> = DigestSchedule.parse({ at: '00:00' });

/**
 * Channel entries without the keys that equal what the schema fills in (Mon–Fri, no empty digests, not the
 * hub): per channel they add up, and importing the result gives the same settings.
 */
function withoutChannelDefaults(input: SettingsInput): SettingsInput {
  if (!input.channels) return input;
  const channels: Record<string, unknown> = {};
  for (const [id, channel] of Object.entries(input.channels)) {
    const pruned = dropDefaults(channel, CHANNEL_DEFAULTS, ['area']);
    if (channel.digest) pruned.digest = dropDefaults(channel.digest, DIGEST_DEFAULTS, ['at']);
    channels[id] = pruned;
  }
  return { ...input, channels } as SettingsInput;
}

function dropDefaults(value: object, defaults: Record<string, unknown>, required: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key, v]) => required.includes(key) || JSON.stringify(v) !== JSON.stringify(defaults[key])));
}
