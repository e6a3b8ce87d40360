import type { WorkspaceSettings } from '../config/settings';

/**
 * The digest an item joins: its own channel's digest, else the workspace's default digest
 * (`default_digest`, else the first daily_operations channel with a digest). Undefined when none is set up.
 */
export function resolveDigestChannel(settings: WorkspaceSettings, sourceChannel: string | undefined): string | undefined {
  if (sourceChannel && settings.channels[sourceChannel]?.digest) return sourceChannel;
  // Settings stored before default_digest had to name a digest channel may still name one without.
  if (settings.default_digest && settings.channels[settings.default_digest]?.digest) return settings.default_digest;
  return Object.entries(settings.channels).find(([, c]) => c.area === 'daily_operations' && c.digest)?.[0];
}

/** The channel marked `hub: true`, where deep-work items are posted. */
export function hubChannel(settings: WorkspaceSettings): string | undefined {
  return Object.entries(settings.channels).find(([, c]) => c.hub)?.[0];
}

/** Every channel with a digest schedule, for the scheduler. */
export function digestChannels(settings: WorkspaceSettings): string[] {
  return Object.entries(settings.channels)
    .filter(([, c]) => c.digest)
    .map(([id]) => id);
}
