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
