import type { SettingsInput, Weekday } from '../config/settings';
import { AREAS, type Area } from './areas';

/** What `/quadrant channels set <role>` (or the channel modal) makes of a channel. */
export type ChannelRole =
  | { kind: 'area'; area: Area; hub?: boolean; digest?: { at: string; days?: Weekday[] } }
  | { kind: 'none' };

export const DEFAULT_DIGEST = { at: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Weekday[] };

const ROLE_ALIASES: Record<string, ChannelRole> = {
  hub: { kind: 'area', area: 'deep_work', hub: true },
  deep: { kind: 'area', area: 'deep_work' },
  ops: { kind: 'area', area: 'daily_operations' },
  digest: { kind: 'area', area: 'daily_operations' },
  meeting: { kind: 'area', area: 'online_meeting' },
  meetings: { kind: 'area', area: 'online_meeting' },
  offline: { kind: 'area', area: 'offline_activity' },
  none: { kind: 'none' },
  off: { kind: 'none' },
  remove: { kind: 'none' },
};

/** The role word people type: an area id, `hub`, a short alias (`ops`, `deep`, `meeting`, `offline`), or `none`. */
export function parseRoleWord(word: string): ChannelRole | undefined {
  const w = word.toLowerCase().replace(/-/g, '_');
  if ((AREAS as readonly string[]).includes(w)) return { kind: 'area', area: w as Area };
  return ROLE_ALIASES[w];
}

/**
 * Gives a channel its role. Rules people expect without reading docs: a daily-operations channel gets a
 * digest (09:00 on weekdays unless told otherwise, and an existing one is kept); the emergency channel is
 * also where emergencies are posted; there is one hub; a channel with no role leaves every reference to it.
 */
export function applyChannelRole(input: SettingsInput, channel: string, role: ChannelRole): SettingsInput {
  const next = structuredClone(input);
  const channels = { ...(next.channels ?? {}) };
  const emergency = { ...(next.emergency ?? {}) };
  const previous = channels[channel];

  if (role.kind === 'none') {
    delete channels[channel];
    if (emergency.channel === channel) delete emergency.channel;
    if (next.default_digest === channel) delete next.default_digest;
    return { ...next, channels, emergency };
  }

  const keepDigest = previous?.area === 'daily_operations' ? previous.digest : undefined;
  const digest = role.digest
    ? { ...(keepDigest ?? {}), at: role.digest.at, days: role.digest.days ?? keepDigest?.days ?? DEFAULT_DIGEST.days }
    : role.area === 'daily_operations' ? keepDigest ?? { ...DEFAULT_DIGEST, days: [...DEFAULT_DIGEST.days] } : undefined;
  const hub = role.hub ?? (role.area === 'deep_work' && previous?.area === 'deep_work' ? previous.hub : undefined);

  if (hub) {
    for (const [id, c] of Object.entries(channels)) {
      if (id === channel || !c.hub) continue;
      const { hub: _hub, ...others } = c;
      channels[id] = others;
    }
  }
  channels[channel] = { area: role.area, ...(digest ? { digest } : {}), ...(hub ? { hub: true } : {}) };
  if (role.area === 'emergency') emergency.channel = channel;
  else if (emergency.channel === channel) delete emergency.channel;
  if (next.default_digest === channel && !digest) delete next.default_digest;
  return { ...next, channels, emergency };
}
