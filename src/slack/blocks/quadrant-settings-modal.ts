import type { ModalView } from '@slack/web-api';
import { PROVIDERS, WEEKDAYS, type ProviderId, type SettingsInput, type Weekday } from '../../config/settings';
import { maskPhone } from '../../core/mask';
import { formatKeyPath, type KeyPath } from '../../core/settings-diff';
import { onCallUsers, SETUP_STEPS, type SetupDraft, type SetupStep } from '../../core/setup-form';
import type { StepCheck } from '../../flows/admin/setup-settings';
import { ACTION, conversationOf, conversationsOf, optionsOf, textOf, timeOf, usersOf, type StateValues } from './quadrant-view-state';
import { channelProblemText, describeDays } from './quadrant-words';

export const SETTINGS_MODAL_ID = 'quadrant_settings';

/** `wizard`: the whole `/quadrant setup` flow; `single`: one part, opened from a button (on-call continues to phones). */
export type SettingsModalMode = 'wizard' | 'single';

export interface SettingsModalMeta {
  step: SetupStep;
  mode: SettingsModalMode;
  /** Where the flow was started, for the confirmation. */
  origin?: string;
  /** Answers of the steps before this one; applied together when the last step is saved. */
  draft: SetupDraft;
  /** The digest time and days this step showed, to tell an answer the admin changed from one left as shown. */
  shownDigest?: { at: string; days: Weekday[] };
}

export function isSettingsModalMeta(value: unknown): value is SettingsModalMeta {
  const v = value as Partial<SettingsModalMeta> | null;
  if (typeof v !== 'object' || v === null) return false;
  const shown = v.shownDigest;
  if (shown !== undefined && (typeof shown?.at !== 'string' || !Array.isArray(shown.days))) return false;
  return SETUP_STEPS.includes(v.step as SetupStep) && (v.mode === 'wizard' || v.mode === 'single') && typeof v.draft === 'object' && v.draft !== null;
}

/** The step after this one, or undefined when submitting this one saves. */
export function nextStep(meta: Pick<SettingsModalMeta, 'step' | 'mode'>, input: SettingsInput): SetupStep | undefined {
  switch (meta.step) {
    case 'basics':
      return meta.mode === 'wizard' ? 'digests' : undefined;
    case 'digests':
      return meta.mode === 'wizard' ? 'oncall' : undefined;
    case 'oncall':
      return onCallUsers(input).length > 0 ? 'phones' : undefined;
    case 'phones':
      return undefined;
  }
}

const PROVIDER_LABEL: Record<ProviderId, string> = {
  twilio_sms: 'SMS (Twilio)',
  twilio_voice: 'Phone call (Twilio)',
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  webhook: 'Webhook',
  slack_dm: 'Slack DM',
};

const DAY_NAME: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const TITLES: Record<SetupStep, string> = { basics: 'Basics', digests: 'Digests', oncall: 'On-call', phones: 'Phone numbers' };
const MIN_TIER_FIELDS = 3;
const MAX_TIER_FIELDS = 6;
/** Slack refuses a view with more blocks than this (views.open / views.update / response_action update alike). */
const MAX_VIEW_BLOCKS = 100;
const DEFAULT_DIGEST = { at: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Weekday[] };

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (text: string, value: string) => ({ text: plain(text), value });
const mrkdwn = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

function input(block: string, label: string, element: Record<string, unknown>, extra: { optional?: boolean; hint?: string } = {}) {
  return {
    type: 'input',
    block_id: block,
    label: plain(label),
    element: { ...element, action_id: ACTION },
    ...(extra.optional ? { optional: true } : {}),
    ...(extra.hint ? { hint: plain(extra.hint) } : {}),
  };
}

/** Only defined values: Slack refuses `initial_*: null`. */
function initial(key: string, value: unknown): Record<string, unknown> {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return {};
  return { [key]: value };
}

const CHANNEL_FILTER = { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true };

function basicsBlocks(s: SettingsInput, wizard: boolean): unknown[] {
  return [
    ...(wizard ? [mrkdwn('*Step 1 of 4: the basics.* Quadrant works in your time zone, posts emergencies to one channel and keeps quiet at night (emergencies excepted).')] : []),
    input('timezone', 'Time zone', { type: 'plain_text_input', placeholder: plain('Europe/Budapest'), ...initial('initial_value', s.timezone ?? 'UTC') }, { hint: 'An IANA zone such as Europe/Budapest or America/New_York. Digest times and quiet hours use it.' }),
    input('emergency_channel', 'Emergency channel', { type: 'conversations_select', filter: CHANNEL_FILTER, ...initial('initial_conversation', s.emergency?.channel) }, { hint: '/emergency posts here, with Acknowledge, Resolve and Escalate buttons.' }),
    input('quiet_from', 'Quiet hours start', { type: 'timepicker', ...initial('initial_time', s.quiet_hours?.from) }, { optional: true }),
    input('quiet_to', 'Quiet hours end', { type: 'timepicker', ...initial('initial_time', s.quiet_hours?.to) }, { optional: true, hint: 'No nudges or DMs between these times. Leave both empty for none.' }),
    input('offline_lead_time', 'Notice for offline activities', { type: 'plain_text_input', placeholder: plain('21d'), ...initial('initial_value', s.offline_lead_time ?? '21d') }, { hint: 'Offsites, conferences and team dinners need this much notice: 14d, 21d, 30d.' }),
    input('admins', 'Quadrant admins', { type: 'multi_users_select', ...initial('initial_users', s.admins) }, { optional: true, hint: 'Besides workspace admins and owners, these people may change Quadrant settings.' }),
  ];
}

/** The time and days the digests step shows: the first digest channel's, or the defaults when none has one. */
function shownDigest(s: SettingsInput): { at: string; days: Weekday[] } {
  const first = Object.values(s.channels ?? {}).find((c) => c.digest)?.digest;
  return { at: first?.at ?? DEFAULT_DIGEST.at, days: [...(first?.days ?? DEFAULT_DIGEST.days)] };
}

/** Each digest channel's own schedule, so an admin sees what "keep" keeps before clicking through. */
function ownSchedules(s: SettingsInput, digests: ReadonlyArray<readonly [string, { at: string; days?: Weekday[] }]>): string {
  const MAX_LISTED = 20;
  const lines = digests.slice(0, MAX_LISTED).map(([id, d]) => `<#${id}> ${d.at} ${describeDays(d.days ?? DEFAULT_DIGEST.days)}`);
  const more = digests.length > MAX_LISTED ? `, and ${digests.length - MAX_LISTED} more` : '';
  return `Now: ${lines.join('; ')}${more} (${s.timezone ?? 'UTC'}).`;
}

function digestBlocks(s: SettingsInput, wizard: boolean): unknown[] {
  const channels = Object.entries(s.channels ?? {});
  const digests = channels.flatMap(([id, c]) => (c.digest ? [[id, c.digest] as const] : []));
  const shown = shownDigest(s);
  const dayOptions = WEEKDAYS.map((d) => option(DAY_NAME[d], d));
  const keeping = digests.length > 0
    ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `Channels that already have a digest keep their own time and days unless you change the time or days here; then every channel chosen gets the new ones. Channels you add get the time and days here. ${ownSchedules(s, digests)}` }] }]
    : [];
  return [
    ...(wizard ? [mrkdwn('*Step 2 of 4: daily digests.* Daily-operations items are collected and posted once a day in each digest channel, threaded and ordered by priority.')] : []),
    input('digest_channels', 'Digest channels', { type: 'multi_conversations_select', filter: CHANNEL_FILTER, ...initial('initial_conversations', digests.map(([id]) => id)) }, { optional: true }),
    ...keeping,
    input('digest_at', 'Post the digest at', { type: 'timepicker', initial_time: shown.at }),
    input('digest_days', 'On these days', { type: 'checkboxes', options: dayOptions, ...initial('initial_options', dayOptions.filter((o) => shown.days.includes(o.value as Weekday))) }),
    input('hub', 'Hub channel for deep work', { type: 'conversations_select', filter: CHANNEL_FILTER, ...initial('initial_conversation', channels.find(([, c]) => c.hub)?.[0]) }, { optional: true, hint: 'Strategy, proposals and decisions are collected here.' }),
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Times are in ${s.timezone ?? 'UTC'}. To give one channel its own time, run \`/quadrant channels set daily_operations 10:30 mon-fri\` there.` }] },
  ];
}

function oncallBlocks(s: SettingsInput, wizard: boolean): unknown[] {
  const tiers = s.emergency?.tiers ?? [];
  const fields = Math.min(MAX_TIER_FIELDS, Math.max(MIN_TIER_FIELDS, tiers.length + 1));
  const providers = s.emergency?.providers ?? ['slack_dm'];
  const providerOptions = PROVIDERS.map((p) => option(PROVIDER_LABEL[p], p));
  const hidden = tiers.length - fields;
  const beyond =
    hidden > 0
      ? `Tiers ${fields + 1}–${tiers.length} are not shown here and stay as they are, after the tiers above. To change them, use \`/quadrant export\` and \`/quadrant import\`.`
      : tiers.length >= MAX_TIER_FIELDS
        ? `This form has room for ${MAX_TIER_FIELDS} tiers; to add more, use \`/quadrant export\` and \`/quadrant import\`.`
        : undefined;
  return [
    ...(wizard ? [mrkdwn('*Step 3 of 4: on-call.* `/emergency` pages tier 1 at once; when nobody acknowledges in time, the next tier is paged.')] : []),
    ...Array.from({ length: fields }, (_, i) =>
      input(`tier_${i + 1}`, `Tier ${i + 1}`, { type: 'multi_users_select', ...initial('initial_users', tiers[i]?.map((p) => p.slack)) }, { optional: i > 0 }),
    ),
    ...(beyond ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: beyond }] }] : []),
    input('ack_timeout', 'Escalate when unacknowledged for', { type: 'plain_text_input', placeholder: plain('5m'), ...initial('initial_value', s.emergency?.ack_timeout ?? '5m') }, { hint: 'From 10s to 24h, e.g. 5m.' }),
    input('providers', 'Page through', { type: 'checkboxes', options: providerOptions, ...initial('initial_options', providerOptions.filter((o) => providers.includes(o.value as ProviderId))) }, { hint: 'Phone numbers come next. Providers need their credentials in the environment; Slack DM always works.' }),
  ];
}

/**
 * The people the phones step has a field for: one input each beside the step's text, within Slack's block
 * limit; when there are more, one block says so instead of the last field.
 */
export function phoneFieldUsers(s: SettingsInput): { shown: string[]; rest: string[] } {
  const users = onCallUsers(s);
  const room = MAX_VIEW_BLOCKS - 1;
  if (users.length <= room) return { shown: users, rest: [] };
  return { shown: users.slice(0, room - 1), rest: users.slice(room - 1) };
}

function phoneBlocks(s: SettingsInput, wizard: boolean, names: Record<string, string>): unknown[] {
  const stored = new Map<string, string>();
  for (const p of (s.emergency?.tiers ?? []).flat()) if (p.phone && !stored.has(p.slack)) stored.set(p.slack, p.phone);
  const { shown, rest } = phoneFieldUsers(s);
  const MAX_MENTIONED = 50;
  const mentioned = rest.slice(0, MAX_MENTIONED).map((u) => `<@${u}>`).join(', ') + (rest.length > MAX_MENTIONED ? ` and ${rest.length - MAX_MENTIONED} more` : '');
  return [
    mrkdwn(`${wizard ? '*Step 4 of 4: phone numbers.* ' : ''}International format, e.g. +36 20 123 4567. Leave a field empty to keep the stored number; type - to remove it.`),
    ...shown.map((user) => {
      const known = stored.get(user);
      // Labels are plain text, so a mention would show as its raw id: the name is looked up instead.
      return input(`phone_${user}`, names[user] ? `${names[user]}: phone number` : `Phone number of ${user}`, { type: 'plain_text_input', placeholder: plain(known ? `${maskPhone(known)} (stored)` : '+36201234567') }, { optional: true });
    }),
    ...(rest.length
      ? [mrkdwn(`A form holds at most ${shown.length} phone fields, so ${rest.length} more people on call are not shown here: ${mentioned}. Their stored numbers stay as they are; set theirs with \`/quadrant export\` and \`/quadrant import\`.`)]
      : []),
  ];
}

/**
 * One step of the settings flow, showing `input` (the current settings with earlier answers applied).
 * `names`: display names of the people on call, for the phones step's labels.
 */
export function settingsModal(meta: SettingsModalMeta, input: SettingsInput, names: Record<string, string> = {}): ModalView {
  const wizard = meta.mode === 'wizard';
  const index = SETUP_STEPS.indexOf(meta.step) + 1;
  const saves = meta.step === 'phones' || (meta.mode === 'single' && meta.step !== 'oncall');
  const blocks = {
    basics: () => basicsBlocks(input, wizard),
    digests: () => digestBlocks(input, wizard),
    oncall: () => oncallBlocks(input, wizard),
    phones: () => phoneBlocks(input, wizard, names),
  }[meta.step]();
  const { shownDigest: _previous, ...rest } = meta;
  const stored: SettingsModalMeta = meta.step === 'digests' ? { ...rest, shownDigest: shownDigest(input) } : rest;
  return {
    type: 'modal',
    callback_id: SETTINGS_MODAL_ID,
    private_metadata: JSON.stringify(stored),
    title: plain(wizard ? `Quadrant setup ${index}/4` : TITLES[meta.step]),
    submit: plain(saves ? 'Save' : 'Next'),
    close: plain('Cancel'),
    blocks: blocks as ModalView['blocks'],
  };
}

/** This step's answers, read from the submitted view; `meta` is what the view was opened with. */
export function readStep(step: SetupStep, values: StateValues, meta?: Pick<SettingsModalMeta, 'shownDigest'>): SetupDraft {
  switch (step) {
    case 'basics':
      return {
        basics: {
          timezone: textOf(values, 'timezone') ?? '',
          admins: usersOf(values, 'admins'),
          emergencyChannel: conversationOf(values, 'emergency_channel'),
          quietFrom: timeOf(values, 'quiet_from'),
          quietTo: timeOf(values, 'quiet_to'),
          offlineLeadTime: textOf(values, 'offline_lead_time') ?? '',
        },
      };
    case 'digests':
      return {
        digests: {
          channels: conversationsOf(values, 'digest_channels'),
          at: timeOf(values, 'digest_at') ?? '09:00',
          days: optionsOf(values, 'digest_days').filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)),
          hub: conversationOf(values, 'hub'),
          ...(meta?.shownDigest ? { shown: meta.shownDigest } : {}),
        },
      };
    case 'oncall': {
      const tierBlocks = Object.keys(values).filter((b) => /^tier_\d+$/.test(b)).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
      return {
        oncall: {
          tiers: tierBlocks.map((b) => usersOf(values, b)),
          providers: optionsOf(values, 'providers').filter((p): p is ProviderId => (PROVIDERS as readonly string[]).includes(p)),
          ackTimeout: textOf(values, 'ack_timeout') ?? '',
          // Slack submits every input of the view, so this is how many tier fields the form had.
          shownTiers: tierBlocks.length,
        },
      };
    }
    case 'phones': {
      const phones: Record<string, string> = {};
      for (const block of Object.keys(values)) if (block.startsWith('phone_')) phones[block.slice(6)] = textOf(values, block) ?? '';
      return { phones };
    }
  }
}

/** `response_action: errors` for this step: each problem under the field it is about. */
export function stepErrors(step: SetupStep, check: Pick<StepCheck, 'issues' | 'channelProblems' | 'input'>, draft: SetupDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (block: string, text: string) => {
    errors[block] = errors[block] ? `${errors[block]} ${text}` : text;
  };
  const fallback = { basics: 'timezone', digests: 'digest_channels', oncall: 'tier_1', phones: firstPhoneBlock(check.input) }[step];
  for (const issue of check.issues) {
    const block = blockFor(step, issue.path, draft, check.input);
    if (block) add(block, sentence(issue.message));
    else if (fallback) add(fallback, `${formatKeyPath(issue.path)}: ${issue.message}.`);
  }
  for (const problem of check.channelProblems) {
    add(step === 'basics' ? 'emergency_channel' : problem.channel === draft.digests?.hub ? 'hub' : 'digest_channels', channelProblemText(problem));
  }
  return errors;
}

function blockFor(step: SetupStep, path: KeyPath, draft: SetupDraft, input: SettingsInput): string | undefined {
  const [top, second, third, fourth] = path;
  switch (step) {
    case 'basics':
      if (top === 'timezone' || top === 'admins' || top === 'offline_lead_time') return top;
      if (top === 'quiet_hours') return second === 'to' ? 'quiet_to' : 'quiet_from';
      if ((top === 'emergency' && second === 'channel') || top === 'channels') return 'emergency_channel';
      return undefined;
    case 'digests':
      if (top !== 'channels') return undefined;
      if (second === draft.digests?.hub) return 'hub';
      if (third === 'digest' && fourth === 'at') return 'digest_at';
      if (third === 'digest' && fourth === 'days') return 'digest_days';
      return 'digest_channels';
    case 'oncall': {
      if (top !== 'emergency') return undefined;
      if (second === 'ack_timeout' || second === 'providers') return second;
      if (second !== 'tiers') return undefined;
      // Empty tiers are dropped, so tier n of the settings is the n-th tier field with someone in it.
      const filled = (draft.oncall?.tiers ?? []).map((t, i) => (t.length ? i : -1)).filter((i) => i >= 0);
      const field = typeof third === 'number' ? filled[third] : undefined;
      // A tier past the form's fields was kept from the stored settings: named by its key path under tier 1.
      if (typeof third === 'number' && field === undefined) return undefined;
      return `tier_${(field ?? 0) + 1}`;
    }
    case 'phones': {
      if (top !== 'emergency' || second !== 'tiers' || typeof third !== 'number' || typeof fourth !== 'number') return undefined;
      const user = input.emergency?.tiers?.[third]?.[fourth]?.slack;
      // Slack refuses errors for a block the view lacks; people past the form's fields fall back to the first field.
      return user && phoneFieldUsers(input).shown.includes(user) ? `phone_${user}` : undefined;
    }
  }
}

function firstPhoneBlock(input: SettingsInput): string | undefined {
  const user = onCallUsers(input)[0];
  return user ? `phone_${user}` : undefined;
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
