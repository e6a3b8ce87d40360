/**
 * Everything Quadrant registers with Slack, in one place: register.ts wires these and the manifest test
 * checks manifest.yml declares exactly these.
 */
export const COMMANDS = ['/async', '/emergency', '/quadrant'] as const;

export const EVENTS = [
  'message.channels',
  'message.groups',
  'app_mention',
  'reaction_added',
  'reaction_removed',
  'app_home_opened',
  'member_joined_channel',
  'app_uninstalled',
  'tokens_revoked',
] as const;

export const MESSAGE_SHORTCUTS = {
  sendToAsync: 'send_to_async',
  declareEmergency: 'declare_emergency',
} as const;

export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:history',
  'groups:history',
  'channels:read',
  'groups:read',
  'app_mentions:read',
  'reactions:read',
  'users:read',
  'im:write',
  'files:write',
] as const;
