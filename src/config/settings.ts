import { z } from 'zod';
import { AREAS } from '../core/areas';
import { PRIORITIES } from '../core/priority';
import { parseDuration } from '../core/durations';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const E164 = /^\+[1-9]\d{6,14}$/;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeOfDay = z.string().regex(HH_MM, { message: 'must be a 24-hour time like "09:00"' });

/** A duration string ("90s", "5m", "2h", "21d") within bounds, parsed to milliseconds. */
export function durationField(min: string, max: string) {
  const minMs = parseDuration(min)!;
  const maxMs = parseDuration(max)!;
  return z
    .string()
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be a duration like "90s", "5m", "2h" or "21d" (got "${text}")` });
        return z.NEVER;
      }
      if (ms < minMs || ms > maxMs) {
        ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max} (got "${text}")` });
        return z.NEVER;
      }
      return ms;
    });
}

export const SlackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, { message: 'must be a Slack user id like "U0123ABCD"' });
export const SlackChannelId = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$/, { message: 'must be a Slack channel id like "C0123ABCD" (not a #name)' });
export const PhoneNumber = z.string().regex(E164, { message: 'must be an E.164 phone number like "+36201234567"' });

export const DigestSchedule = z.strictObject({
  at: timeOfDay,
  days: z.array(z.enum(WEEKDAYS)).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
  post_empty: z.boolean().default(false),
});

export const ChannelSettings = z.strictObject({
  area: z.enum(AREAS),
  digest: DigestSchedule.optional(),
  hub: z.boolean().default(false),
});

export const OnCallPerson = z.strictObject({
  slack: SlackUserId,
  phone: PhoneNumber.optional(),
});

export const PROVIDERS = ['twilio_sms', 'twilio_voice', 'pagerduty', 'opsgenie', 'webhook', 'slack_dm'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export const REACTION_ACTIONS = [...AREAS, ...PRIORITIES, 'done'] as const;
export type ReactionAction = (typeof REACTION_ACTIONS)[number];

export const DEFAULT_REACTIONS: Record<string, ReactionAction> = {
  inbox_tray: 'daily_operations',
  brain: 'deep_work',
  telephone_receiver: 'online_meeting',
  rotating_light: 'emergency',
  fire: 'do',
  calendar: 'schedule',
  handshake: 'delegate',
  wastebasket: 'drop',
  white_check_mark: 'done',
};

export const EmergencySettings = z.strictObject({
  channel: SlackChannelId.optional(),
  ack_timeout: durationField('10s', '24h').prefault('5m'),
  /** How many times the last tier is paged again after the tiers run out; bounded so a forgotten page stops. */
  repeat_last_tier: z.number().int().min(0).max(50).default(3),
  tiers: z.array(z.array(OnCallPerson).min(1)).default([]),
  providers: z.array(z.enum(PROVIDERS)).default(['slack_dm']),
  escalate_by_reaction: z.enum(['anyone', 'on_call', 'admins']).default('anyone'),
});

/** A weekly moment, local to `timezone`: the day and the time a weekly job posts. */
const WeeklyTime = {
  day: z.enum(WEEKDAYS).default('mon'),
  at: timeOfDay.default('09:00'),
};

/** The hub's weekly summary (posted in the hub channel): what was proposed, decided, and waits on whom. */
export const HubSummarySettings = z.strictObject({
  weekly: z.boolean().default(true),
  ...WeeklyTime,
});

/** The weekly evaluation report: to the admins by DM, or to `channel` when set. */
export const ReportSettings = z.strictObject({
  weekly: z.boolean().default(true),
  ...WeeklyTime,
  channel: SlackChannelId.optional(),
  /** Reports name nobody unless this is on; the figures are the same either way. */
  name_people: z.boolean().default(false),
});

export const Settings = z.strictObject({
  timezone: z.string().refine(isTimeZone, { message: 'must be an IANA time zone like "Europe/Budapest"' }).default('UTC'),
  admins: z.array(SlackUserId).default([]),
  quiet_hours: z.strictObject({ from: timeOfDay, to: timeOfDay }).optional(),
  offline_lead_time: durationField('1h', '365d').prefault('21d'),
  /** At most one nudge per author per channel within this window. */
  nudge_window: durationField('1m', '30d').prefault('4h'),
  /** Stored message text expires after this long. */
  retention: durationField('1d', '3650d').prefault('90d'),
  default_digest: SlackChannelId.optional(),
  channels: z.record(SlackChannelId, ChannelSettings).default({}),
  emergency: EmergencySettings.prefault({}),
  reactions: z.record(z.string().regex(/^[a-z0-9_+\-']+$/, { message: 'must be an emoji name without colons' }), z.enum(REACTION_ACTIONS)).default(DEFAULT_REACTIONS),
  keywords: z.partialRecord(z.enum(AREAS), z.array(z.string().min(2))).default({}),
  hub_summary: HubSummarySettings.prefault({}),
  report: ReportSettings.prefault({}),
  /** How many weeks of evaluation counts are kept (one small Redis hash per week). */
  evaluation_weeks: z.number().int().min(2).max(260).default(26),
}).superRefine((settings, ctx) => {
  // Items routed to a channel that has no digest would wait there for a digest that never posts.
  const target = settings.default_digest;
  if (target && !settings.channels[target]?.digest) {
    ctx.addIssue({ code: 'custom', path: ['default_digest'], message: `must be a channel with a digest (channels.${target}.digest is not set)` });
  }
});

/** Settings as written in YAML (durations as text). */
export type SettingsInput = z.input<typeof Settings>;
/** Settings after validation (durations in milliseconds, defaults filled). */
export type WorkspaceSettings = z.output<typeof Settings>;
export type ChannelSetting = z.output<typeof ChannelSettings>;
export type DigestSetting = z.output<typeof DigestSchedule>;

export const SettingsFile = z.union([
  z.strictObject({ workspaces: z.record(z.string().regex(/^[TE][A-Z0-9]{2,}$/, { message: 'must be a Slack team id like "T0123ABCD"' }), Settings) }),
  Settings,
]);

export function defaultSettings(): WorkspaceSettings {
  return Settings.parse({});
}
