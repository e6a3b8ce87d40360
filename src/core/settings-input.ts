import type { SettingsInput, WorkspaceSettings } from '../config/settings';
import { formatDuration } from './durations';

/**
 * Validated settings back in the form people write (durations as "5m", "21d"), so settings that came from
 * a file or the defaults can be exported, edited in a modal and stored like any other. Parsing the result
 * gives back the same settings; test/unit/core/settings-input.test.ts holds it to that.
 */
export function settingsToInput(settings: WorkspaceSettings): SettingsInput {
  const { quiet_hours, default_digest, ...rest } = settings;
  return structuredClone({
    ...rest,
    ...(quiet_hours ? { quiet_hours } : {}),
    offline_lead_time: formatDuration(settings.offline_lead_time),
    nudge_window: formatDuration(settings.nudge_window),
    retention: formatDuration(settings.retention),
    ...(default_digest ? { default_digest } : {}),
    emergency: { ...settings.emergency, ack_timeout: formatDuration(settings.emergency.ack_timeout) },
  }) as SettingsInput;
}

/**
 * The same settings without what the defaults already say, for a short export people can read and
 * paste (a Slack text field holds 3,000 characters). Importing it gives the same settings.
 */
export function withoutDefaults(input: SettingsInput, defaults: SettingsInput): SettingsInput {
  const out = prune(input, defaults, true) as SettingsInput;
  for (const channel of Object.values(out.channels ?? {})) {
    if (channel.hub === false) delete channel.hub;
    if (channel.digest?.post_empty === false) delete channel.digest.post_empty;
  }
  return out;
}

// Maps keyed by ids or emoji replace their default whole (a partial `reactions` is not merged), so they are
// kept or dropped whole; other objects (emergency, quiet_hours...) are pruned key by key.
const REPLACED_WHOLE = new Set(['channels', 'reactions', 'keywords']);

function prune(value: unknown, fallback: unknown, top: boolean): unknown {
  if (!isRecord(value)) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const d = isRecord(fallback) ? fallback[key] : undefined;
    if (d !== undefined && JSON.stringify(v) === JSON.stringify(d)) continue;
    const whole = top && REPLACED_WHOLE.has(key);
    out[key] = !whole && isRecord(v) && isRecord(d) ? prune(v, d, false) : structuredClone(v);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
