import type { ModalView } from '@slack/web-api';
import { WEEKDAYS, type SettingsInput, type Weekday } from '../../config/settings';
import { AREA_INFO } from '../../core/areas';
import { DEFAULT_DIGEST, parseRoleWord, type ChannelRole } from '../../core/channel-role';
import type { Issue } from '../../core/errors';
import { formatKeyPath } from '../../core/settings-diff';
import type { ChannelProblem } from '../../flows/admin/check-channels';
import { ACTION, conversationOf, optionOf, optionsOf, timeOf, type StateValues } from './quadrant-view-state';
import { channelProblemText } from './quadrant-words';

export const CHANNEL_MODAL_ID = 'quadrant_channel';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (text: string, value: string) => ({ text: plain(text), value });

const ROLE_OPTIONS = [
  option(`${AREA_INFO.daily_operations.label}: daily digest`, 'daily_operations'),
  option(AREA_INFO.deep_work.label, 'deep_work'),
  option(`${AREA_INFO.deep_work.label}: the hub`, 'hub'),
  option(AREA_INFO.online_meeting.label, 'online_meeting'),
  option(AREA_INFO.offline_activity.label, 'offline_activity'),
  option(`${AREA_INFO.emergency.label}: emergencies post here`, 'emergency'),
  option('No role (not enforced)', 'none'),
];
const DAY_OPTIONS = WEEKDAYS.map((d) => option(d.charAt(0).toUpperCase() + d.slice(1), d));

/** Give one channel its role (and digest time). Opened from `/quadrant channels` and the App Home. */
export function channelModal(settings: SettingsInput, channel?: string): ModalView {
  const current = channel ? settings.channels?.[channel] : undefined;
  const role = !current ? undefined : current.hub ? 'hub' : current.area;
  const digest = current?.digest;
  return {
    type: 'modal',
    callback_id: CHANNEL_MODAL_ID,
    title: plain('Channel role'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      { type: 'input', block_id: 'channel', label: plain('Channel'), element: { type: 'conversations_select', action_id: ACTION, filter: { include: ['public', 'private'], exclude_bot_users: true }, ...(channel ? { initial_conversation: channel } : {}) } },
      { type: 'input', block_id: 'role', label: plain('Role'), element: { type: 'static_select', action_id: ACTION, options: ROLE_OPTIONS, ...(role ? { initial_option: ROLE_OPTIONS.find((o) => o.value === role) } : {}) } },
      { type: 'input', block_id: 'digest_at', optional: true, label: plain('Digest time (daily operations)'), element: { type: 'timepicker', action_id: ACTION, initial_time: digest?.at ?? DEFAULT_DIGEST.at } },
      {
        type: 'input',
        block_id: 'digest_days',
        optional: true,
        label: plain('Digest days'),
        element: { type: 'checkboxes', action_id: ACTION, options: DAY_OPTIONS, initial_options: DAY_OPTIONS.filter((o) => (digest?.days ?? DEFAULT_DIGEST.days).includes(o.value as Weekday)) },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Digest times are in ${settings.timezone ?? 'UTC'}. They apply to daily-operations channels only.` }] },
    ] as ModalView['blocks'],
  };
}

export function readChannelModal(values: StateValues): { channel?: string; role?: ChannelRole } {
  const channel = conversationOf(values, 'channel');
  const picked = optionOf(values, 'role');
  const base = picked ? parseRoleWord(picked) : undefined;
  if (!base || base.kind === 'none' || base.area !== 'daily_operations') return { channel, role: base };
  const days = optionsOf(values, 'digest_days').filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  return { channel, role: { ...base, digest: { at: timeOf(values, 'digest_at') ?? DEFAULT_DIGEST.at, days } } };
}

/** Errors under the right field: digest time and days under theirs, channel problems under the channel. */
export function channelModalErrors(issues: Issue[], problems: ChannelProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (block: string, text: string) => (errors[block] = errors[block] ? `${errors[block]} ${text}` : text);
  for (const p of problems) add('channel', channelProblemText(p));
  for (const i of issues) {
    const [, , third, fourth] = i.path;
    if (third === 'digest' && (fourth === 'at' || fourth === 'days')) add(fourth === 'at' ? 'digest_at' : 'digest_days', i.message);
    else add('role', i.path.length ? `${formatKeyPath(i.path)}: ${i.message}` : i.message);
  }
  return errors;
}
