import { DateTime } from 'luxon';

/**
 * Who and what exists in the sandbox workspace: one team, three people, the Quadrant bot and four
 * channels the bot is in. Fixed ids, so tests and settings files can name them.
 */
export const TEAM = { id: 'T0SANDBOX', name: 'Quadrant Sandbox', domain: 'quadrant-sandbox' } as const;

export const BOT = {
  userId: 'U0QUADRANT',
  botId: 'B0QUADRANT',
  appId: 'A0QUADRANT',
  name: 'quadrant',
} as const;

export interface Person {
  id: string;
  name: string;
  realName: string;
  isAdmin: boolean;
  isOwner: boolean;
}

export const PEOPLE: readonly Person[] = [
  { id: 'U0ADA', name: 'ada', realName: 'Ada Lovelace', isAdmin: true, isOwner: false },
  { id: 'U0BOB', name: 'bob', realName: 'Bob Kahn', isAdmin: false, isOwner: false },
  { id: 'U0CAT', name: 'cat', realName: 'Cat Stevens', isAdmin: false, isOwner: false },
];

export const CHANNELS = [
  { id: 'C0GENERAL', name: 'general', purpose: 'Company-wide announcements', isGeneral: true },
  { id: 'C0OPS', name: 'ops', purpose: 'Daily operations: support, handoffs, reviews', isGeneral: false },
  { id: 'C0HUB', name: 'hub', purpose: 'Deep work: proposals, RFCs, decisions', isGeneral: false },
  { id: 'C0EMERG', name: 'emergencies', purpose: 'Outages and incidents only', isGeneral: false },
] as const;

/** The machine's zone, so digests and quiet hours in the sandbox match the person trying it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A users.info `user` object in Slack's shape (fields taken from web-api/methods/users.info.json). */
export function slackUserObject(person: Person, tz: string, nowMs: number, bot?: { botId: string; appId: string }): Record<string, unknown> {
  const zoned = DateTime.fromMillis(nowMs).setZone(tz);
  const image = `https://a.slack-edge.com/sandbox/${person.name}_72.png`;
  return {
    id: person.id,
    team_id: TEAM.id,
    name: person.name,
    deleted: false,
    color: '9f69e7',
    real_name: person.realName,
    tz,
    tz_label: zoned.offsetNameLong ?? tz,
    tz_offset: zoned.offset * 60,
    profile: {
      avatar_hash: `sb${person.name}`,
      status_text: '',
      status_emoji: '',
      real_name: person.realName,
      display_name: person.name,
      real_name_normalized: person.realName,
      display_name_normalized: person.name,
      ...(bot ? { bot_id: bot.botId, api_app_id: bot.appId, always_active: true } : { email: `${person.name}@sandbox.example.com` }),
      image_24: image,
      image_48: image,
      image_72: image,
      team: TEAM.id,
    },
    is_admin: person.isAdmin,
    is_owner: person.isOwner,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: Boolean(bot),
    is_app_user: false,
    updated: 1732444800,
    has_2fa: false,
  };
}
