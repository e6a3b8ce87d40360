import type { ProviderId, SettingsInput, Weekday } from '../config/settings';
import { normalizePhone } from './mask';

/**
 * The guided `/quadrant setup` flow as data: what each step asks, and how its answers change the settings.
 * Steps apply to the settings as they are when the admin finally submits, so a change someone else made
 * meanwhile to a part the flow did not touch survives.
 */

export const SETUP_STEPS = ['basics', 'digests', 'oncall', 'phones'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface BasicsFields {
  timezone: string;
  /** Quadrant admins beside Slack's admins and owners. */
  admins: string[];
  emergencyChannel?: string;
  quietFrom?: string;
  quietTo?: string;
  offlineLeadTime: string;
}

export interface DigestFields {
  channels: string[];
  at: string;
  days: Weekday[];
  hub?: string;
  /**
   * The time and days the form showed. The form has one time for all channels, so when the admin left it as
   * shown, each channel that already has a digest keeps its own schedule rather than taking the one shown.
   */
  shown?: { at: string; days: Weekday[] };
}

export interface OncallFields {
  /** Slack user ids per tier, first tier first; empty tiers are dropped. */
  tiers: string[][];
  providers: ProviderId[];
  ackTimeout: string;
  /**
   * How many tier fields the form had. The form has room for a few tiers while imports may hold any number:
   * stored tiers beyond the fields were never shown, so they are kept after the form's tiers.
   */
  shownTiers?: number;
}

/** Per Slack user: a new number, "" to keep the stored one, or "-" to remove it. */
export type PhoneFields = Record<string, string>;

export interface SetupDraft {
  basics?: BasicsFields;
  digests?: DigestFields;
  oncall?: OncallFields;
  phones?: PhoneFields;
}

export function applyBasics(input: SettingsInput, f: BasicsFields): SettingsInput {
  const next = structuredClone(input);
  next.timezone = f.timezone.trim();
  next.admins = [...new Set(f.admins)];
  next.offline_lead_time = f.offlineLeadTime.trim();
  if (f.quietFrom || f.quietTo) next.quiet_hours = { from: f.quietFrom ?? '', to: f.quietTo ?? '' };
  else delete next.quiet_hours;
  const emergency = { ...(next.emergency ?? {}) };
  const channels = { ...(next.channels ?? {}) };
  if (f.emergencyChannel) {
    // The channel emergencies are posted to is an emergency channel: enforce it there too.
    if (emergency.channel && emergency.channel !== f.emergencyChannel && channels[emergency.channel]?.area === 'emergency') delete channels[emergency.channel];
    emergency.channel = f.emergencyChannel;
    channels[f.emergencyChannel] = { area: 'emergency' };
  } else {
    delete emergency.channel;
  }
  return { ...next, emergency, channels };
}

export function applyDigests(input: SettingsInput, f: DigestFields): SettingsInput {
  const next = structuredClone(input);
  const channels = { ...(next.channels ?? {}) };
  for (const [id, c] of Object.entries(channels)) {
    if (c.digest && !f.channels.includes(id)) {
      const { digest: _digest, ...rest } = c;
      channels[id] = rest;
    }
    if (c.hub && id !== f.hub) {
      const { hub: _hub, ...rest } = channels[id]!;
      channels[id] = rest;
    }
  }
  const keepOwn = f.shown !== undefined && f.shown.at === f.at && sameDays(f.shown.days, f.days);
  for (const id of f.channels) {
    const own = channels[id]?.digest;
    if (keepOwn && own) {
      channels[id] = { area: 'daily_operations', digest: own };
      continue;
    }
    const post_empty = own?.post_empty;
    channels[id] = { area: 'daily_operations', digest: { at: f.at, days: [...f.days], ...(post_empty !== undefined ? { post_empty } : {}) } };
  }
  if (f.hub) channels[f.hub] = { area: 'deep_work', hub: true };
  if (next.default_digest && !f.channels.includes(next.default_digest)) delete next.default_digest;
  return { ...next, channels };
}

export function applyOncall(input: SettingsInput, f: OncallFields): SettingsInput {
  const next = structuredClone(input);
  const phones = phonesByUser(input);
  const tiers = f.tiers
    .filter((tier) => tier.length > 0)
    .map((tier) => [...new Set(tier)].map((slack) => (phones.has(slack) ? { slack, phone: phones.get(slack)! } : { slack })));
  if (f.shownTiers !== undefined) tiers.push(...structuredClone(input.emergency?.tiers ?? []).slice(f.shownTiers));
  return {
    ...next,
    emergency: { ...(next.emergency ?? {}), tiers, providers: [...f.providers], ack_timeout: f.ackTimeout.trim() },
  };
}

export function applyPhones(input: SettingsInput, phones: PhoneFields): SettingsInput {
  const next = structuredClone(input);
  const tiers = (next.emergency?.tiers ?? []).map((tier) =>
    tier.map((person) => {
      const typed = phones[person.slack]?.trim();
      if (typed === undefined || typed === '') return person;
      if (typed === '-') return { slack: person.slack };
      return { ...person, phone: normalizePhone(typed) };
    }),
  );
  return { ...next, emergency: { ...(next.emergency ?? {}), tiers } };
}

/** Every answered step applied in order. */
export function applyDraft(input: SettingsInput, draft: SetupDraft): SettingsInput {
  let next = input;
  if (draft.basics) next = applyBasics(next, draft.basics);
  if (draft.digests) next = applyDigests(next, draft.digests);
  if (draft.oncall) next = applyOncall(next, draft.oncall);
  if (draft.phones) next = applyPhones(next, draft.phones);
  return next;
}

/** The people on call, in tier order, each once: the phones step asks for their numbers. */
export function onCallUsers(input: SettingsInput): string[] {
  return [...new Set((input.emergency?.tiers ?? []).flat().map((p) => p.slack))];
}

function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((d) => set.has(d));
}

function phonesByUser(input: SettingsInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const person of (input.emergency?.tiers ?? []).flat()) if (person.phone && !out.has(person.slack)) out.set(person.slack, person.phone);
  return out;
}
