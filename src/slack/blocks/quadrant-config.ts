import type { WorkspaceSettings } from '../../config/settings';
import { describeDuration } from '../../core/durations';
import { maskPhone } from '../../core/mask';
import { nextDigestAt } from '../../core/schedule';
import type { SettingsChange } from '../../store/settings-store';
import { button, OPEN_ACTIONS } from './quadrant-actions';
import { describeChannel } from './quadrant-words';
import { slackDate } from './slack-date';

export interface SettingsView {
  settings: WorkspaceSettings;
  isAdmin: boolean;
  /** Changes through Slack are refused (QUADRANT_CONFIG_AUTHORITATIVE). */
  authoritative: boolean;
  lastChange?: SettingsChange;
}

type Message = { text: string; blocks: unknown[] };
// Enough to recognise a workspace's set-up at a glance; the rest is one `/quadrant export` away, and a
// message holds at most 50 blocks (channelsMessage spends one per row).
const MAX_CHANNEL_ROWS = 40;
/** Slack refuses a section whose text is longer. */
const SECTION_MAX = 3000;

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

const moreLine = (hidden: number) => `…and ${hidden} more (see \`/quadrant export\`)`;

/** The first `max` lines, then a line saying how many were left out. */
function capped(lines: string[], max = MAX_CHANNEL_ROWS): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), moreLine(lines.length - max)];
}

/** Lines packed into as few sections as Slack's 3000-character limit allows; a line is never split between two. */
export function sections(lines: string[]): unknown[] {
  const texts: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > SECTION_MAX ? `${raw.slice(0, SECTION_MAX - 1)}…` : raw;
    if (current && current.length + 1 + line.length > SECTION_MAX) {
      texts.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) texts.push(current);
  return texts.map(section);
}

export function providerList(settings: WorkspaceSettings): string {
  return settings.emergency.providers.map((p) => `\`${p}\``).join(', ');
}

/** Tier lines with masked numbers: "*Tier 1*: <@U0ADA> (+36 •••• 4567), <@U0BOB> (no phone)". */
export function tierLines(settings: WorkspaceSettings): string[] {
  if (settings.emergency.tiers.length === 0) return ['_Nobody is on call: `/emergency` posts, but pages no one._'];
  return settings.emergency.tiers.map((tier, i) => `*Tier ${i + 1}*: ${tier.map((p) => `<@${p.slack}> (${p.phone ? maskPhone(p.phone) : 'no phone'})`).join(', ')}`);
}

export function channelLines(settings: WorkspaceSettings): string[] {
  return Object.entries(settings.channels).map(([id, c]) => `<#${id}>: ${describeChannel(c, { isEmergencyChannel: settings.emergency.channel === id })}`);
}

function adminButtons(view: SettingsView): unknown[] {
  if (!view.isAdmin || view.authoritative) return [];
  return [{
    type: 'actions',
    elements: [
      button('Run setup', OPEN_ACTIONS.setup, { style: 'primary' }),
      button('Assign a channel', OPEN_ACTIONS.channel),
      button('Edit on-call', OPEN_ACTIONS.oncall),
      button('Import YAML', OPEN_ACTIONS.import),
    ],
  }];
}

function footer(view: SettingsView): unknown[] {
  const notes: string[] = [];
  if (view.authoritative) notes.push('These settings come from the `QUADRANT_CONFIG` file and can only be changed there.');
  if (view.lastChange) notes.push(`Last change: #${view.lastChange.id} by <@${view.lastChange.by}>, ${slackDate(view.lastChange.at)}. \`/quadrant history\` lists changes.`);
  return notes.length ? [context(notes.join(' '))] : [];
}

/** `/quadrant config`: everything at a glance, phone numbers masked. */
export function configMessage(view: SettingsView): Message {
  const s = view.settings;
  const general = [
    `*Time zone:* ${s.timezone}`,
    `*Quiet hours:* ${s.quiet_hours ? `${s.quiet_hours.from}–${s.quiet_hours.to}` : 'none'}`,
    `*Offline activities need:* ${describeDuration(s.offline_lead_time)} notice`,
    // Retention is set in days ("90d"); "13 weeks" would read as a different setting.
    `*Stored text is kept for:* ${Math.round(s.retention / 86_400_000)} days`,
    `*Quadrant admins:* ${s.admins.length ? s.admins.map((a) => `<@${a}>`).join(', ') : 'none (workspace admins and owners only)'}`,
  ];
  const emergency = [
    `*Emergency channel:* ${s.emergency.channel ? `<#${s.emergency.channel}>` : '_not set: `/emergency` has nowhere to post_'}`,
    `*Escalation:* next tier after ${describeDuration(s.emergency.ack_timeout)} unacknowledged; paging through ${providerList(s)}`,
    ...tierLines(s),
  ];
  const channels = channelLines(s);
  return {
    text: 'Quadrant settings',
    blocks: [
      section('*Quadrant settings*'),
      ...sections(general),
      ...sections(emergency),
      ...sections(['*Channels*', ...(channels.length ? capped(channels) : ['_No channel has a role yet._'])]),
      ...adminButtons(view),
      ...footer(view),
    ],
  };
}

/** `/quadrant channels`: one row per channel; admins get a Change button on each. */
export function channelsMessage(view: SettingsView): Message {
  const s = view.settings;
  const all = Object.entries(s.channels);
  const rows = all.slice(0, MAX_CHANNEL_ROWS);
  const editable = view.isAdmin && !view.authoritative;
  const blocks: unknown[] = [section('*Channel roles*')];
  if (rows.length === 0) blocks.push(section('No channel has a role yet. Run `/quadrant channels set daily_operations` in a channel (or `deep_work`, `hub`, `online_meeting`, `offline_activity`, `emergency`), or `/quadrant setup`.'));
  for (const [id, c] of rows) {
    blocks.push({
      ...section(`<#${id}>\n${describeChannel(c, { isEmergencyChannel: s.emergency.channel === id, timezone: c.digest ? s.timezone : undefined })}`),
      ...(editable ? { accessory: button('Change', `${OPEN_ACTIONS.channel}_${id}`, { value: id }) } : {}),
    });
  }
  if (all.length > rows.length) blocks.push(context(moreLine(all.length - rows.length)));
  if (editable) blocks.push({ type: 'actions', elements: [button('Assign a channel', OPEN_ACTIONS.channel)] });
  blocks.push(context('In a channel, `/quadrant channels set <role>` assigns that channel: `daily_operations [10:30] [mon-fri]`, `deep_work`, `hub`, `online_meeting`, `offline_activity`, `emergency` or `none`.'));
  return { text: 'Channel roles', blocks };
}

/** `/quadrant oncall`: tiers with masked numbers, and how escalation runs. */
export function oncallMessage(view: SettingsView): Message {
  const s = view.settings;
  const lines = [
    ...tierLines(s),
    `Unacknowledged for ${describeDuration(s.emergency.ack_timeout)}: the next tier is paged; the last tier is paged again up to ${s.emergency.repeat_last_tier} times.`,
    `Paging through ${providerList(s)}.`,
  ];
  const editable = view.isAdmin && !view.authoritative;
  return {
    text: 'On-call tiers',
    blocks: [
      section('*On-call*'),
      section(lines.join('\n')),
      ...(editable ? [{ type: 'actions', elements: [button('Edit on-call', OPEN_ACTIONS.oncall)] }] : []),
      context('Admins: `/quadrant oncall test` sends a test page, marked as a test, through every provider.'),
    ],
  };
}

/** `/quadrant digest`: every digest channel and when it posts next. */
export function digestMessage(settings: WorkspaceSettings, now: number): Message {
  const rows = Object.entries(settings.channels).filter(([, c]) => c.digest);
  if (rows.length === 0) {
    return { text: 'No digests are scheduled.', blocks: [section('No digests are scheduled. Run `/quadrant channels set daily_operations` in a channel, or `/quadrant setup`.')] };
  }
  const lines = rows.map(([id, c]) => `<#${id}>: ${describeChannel(c, { timezone: settings.timezone })}; next ${slackDate(nextDigestAt(c.digest!, settings.timezone, now))}`);
  return {
    text: 'Digests',
    blocks: [...sections(['*Digests*', ...capped(lines)]), context('Admins: `/quadrant digest now` in a digest channel posts its digest at once.')],
  };
}
