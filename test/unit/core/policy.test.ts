import { Settings, type SettingsInput, type WorkspaceSettings } from '../../../src/config/settings';
import { classify } from '../../../src/core/classify';
import { broadcastOf } from '../../../src/core/slack-text';
import { decide, type Action, type Decision, type MessageContext } from '../../../src/core/policy';
import type { Verdict, VerdictCues } from '../../../src/core/verdict';

const DAY = 86_400_000;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

const input: SettingsInput = {
  timezone: 'Europe/Budapest',
  quiet_hours: { from: '19:00', to: '08:00' },
  offline_lead_time: '21d',
  channels: {
    C0OPS: { area: 'daily_operations', digest: { at: '09:00', days: [...WEEKDAYS] } },
    C0OPS2: { area: 'daily_operations' },
    C0HUB: { area: 'deep_work', hub: true },
    C0DEEP: { area: 'deep_work' },
    C0MEET: { area: 'online_meeting' },
    C0EVENTS: { area: 'offline_activity' },
    C0EMERG: { area: 'emergency' },
  },
  emergency: { channel: 'C0EMERG' },
};
const settings = Settings.parse(input);

// Tue 24 Nov 2026, 10:00 in Budapest (UTC+1): working hours. 22:00 local is inside quiet hours.
const DAYTIME = Date.parse('2026-11-24T09:00:00Z');
const NIGHT = Date.parse('2026-11-24T21:00:00Z');
const NEXT_DIGEST = Date.parse('2026-11-25T08:00:00Z'); // Wed 09:00 local
const QUIET_ENDS = Date.parse('2026-11-25T07:00:00Z'); // Wed 08:00 local

function verdict(area: Verdict['area'], extra: Partial<Verdict> = {}): Verdict {
  return { area, urgent: false, important: false, confidence: 0.8, reasons: [], ...extra };
}

function context(channel: string, extra: Partial<MessageContext> = {}, s: WorkspaceSettings = settings): MessageContext {
  return {
    channel,
    channelSetting: s.channels[channel],
    text: 'text',
    isBot: false,
    isThreadReply: false,
    hasBroadcast: undefined,
    now: DAYTIME,
    recentlyNudged: false,
    ...extra,
  };
}

const queue = (digestChannel: string): Action => ({ kind: 'queue_for_digest', digestChannel });
const suggestEmergency: Action = { kind: 'nudge', nudge: { code: 'suggest_emergency' }, buttons: ['declare_emergency', 'keep_as_is'] };
const queued = (hubChannel?: string): Action => ({
  kind: 'nudge',
  nudge: { code: 'queued_for_digest', digestChannel: 'C0OPS', postsAt: NEXT_DIGEST, hubChannel },
  buttons: ['keep_as_is'],
});
const belongsInDigest: Action = {
  kind: 'nudge',
  nudge: { code: 'belongs_in_digest', digestChannel: 'C0OPS', postsAt: NEXT_DIGEST },
  buttons: ['send_to_digest', 'keep_as_is'],
};
const askAsync: Action = { kind: 'nudge', nudge: { code: 'ask_async' }, buttons: ['make_async', 'keep_as_is'] };
const nothing = (reason: Decision['reason']): Decision => ({ actions: [], reason });

const cues = (extra: Partial<VerdictCues> = {}): VerdictCues => ({ acknowledgement: false, fyi: false, asks: false, alarm: false, ...extra });
const ops = (_text: string, c: Partial<VerdictCues> = {}, extra: Partial<Verdict> = {}) => verdict('daily_operations', { cues: cues(c), ...extra });
const emergencyByChannel = (confidence: number) => verdict('emergency', { confidence, cues: cues() });

const Q3_CALL = 'can we hop on a call to go over the Q3 doc?';

type Row = [label: string, verdict: Verdict, ctx: MessageContext, expected: Decision];

// One row per cell of the area x channel-role table in src/core/policy.ts, plus each gate (bots, quiet
// hours, nudge window, confidence, threads, unlisted channels) shown on the cell it changes.
const cases: Row[] = [
  // bots and integrations
  ['a bot message is ignored, even one reading like an emergency', verdict('emergency', { confidence: 0.95 }), context('C0OPS', { isBot: true }), nothing('bot_message')],
  ['a bot FYI in the ops channel is not queued', verdict('daily_operations'), context('C0OPS', { isBot: true }), nothing('bot_message')],

  // emergencies: the one enforcement everywhere
  ['emergency in an unlisted channel: suggest /emergency', verdict('emergency'), context('C0RANDOM'), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['emergency during quiet hours: still suggested', verdict('emergency'), context('C0OPS', { now: NIGHT }), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['emergency at confidence 0.35: errs on the side of suggesting', verdict('emergency', { confidence: 0.35 }), context('C0OPS'), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['emergency at confidence 0.2: too unsure even for that', verdict('emergency', { confidence: 0.2 }), context('C0OPS'), nothing('low_confidence')],
  ['emergency after a gentler nudge in the window: still suggested', verdict('emergency'), context('C0OPS', { recentlyNudged: true, recentNudge: 'queued_for_digest' }), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['emergency when the window holds an unknown nudge: still suggested', verdict('emergency'), context('C0OPS', { recentlyNudged: true }), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['emergency right after the same suggestion: not twice', verdict('emergency'), context('C0OPS', { recentlyNudged: true, recentNudge: 'suggest_emergency' }), nothing('emergency_recently_suggested')],
  ['emergency posted in the emergency channel without /emergency: suggested (nobody was paged)', verdict('emergency'), context('C0EMERG'), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['emergency-like thread reply in the emergency channel: the incident is already there', verdict('emergency'), context('C0EMERG', { isThreadReply: true }), nothing('thread_reply')],
  ['emergency-like thread reply elsewhere: suggested', verdict('emergency'), context('C0OPS', { isThreadReply: true }), { actions: [suggestEmergency], reason: 'emergency_suggested' }],

  // small talk: not filed, not nudged, wherever it is posted
  ['"thanks!" in the ops channel: small talk', ops('thanks!', { acknowledgement: true }), context('C0OPS', { text: 'thanks!' }), nothing('small_talk')],
  ['"ok" in the ops channel: small talk', ops('ok', { acknowledgement: true }), context('C0OPS', { text: 'ok' }), nothing('small_talk')],
  ['"lol" in the ops channel: small talk', ops('lol'), context('C0OPS', { text: 'lol' }), nothing('small_talk')],
  ['"hello" in the ops channel: small talk', ops('hello'), context('C0OPS', { text: 'hello' }), nothing('small_talk')],
  ['"good morning :wave:" in the ops channel: small talk', ops('good morning :wave:'), context('C0OPS', { text: 'good morning :wave:' }), nothing('small_talk')],
  ['":tada: :tada:" in the ops channel: small talk', ops(':tada: :tada:'), context('C0OPS', { text: ':tada: :tada:' }), nothing('small_talk')],
  ['"thanks a lot everyone" during quiet hours: small talk, nothing held', ops('x', { acknowledgement: true }), context('C0OPS', { text: 'thanks a lot everyone', now: NIGHT }), nothing('small_talk')],
  ['"review pls" is a request, not small talk: queued', ops('review pls', { asks: true }), context('C0OPS', { text: 'review pls' }), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['"deploy?" is a question, not small talk: queued', ops('deploy?'), context('C0OPS', { text: 'deploy?' }), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['"ok, the staging db is full again" is more than an acknowledgement: queued', ops('x', { acknowledgement: true }), context('C0OPS', { text: 'ok, the staging db is full again' }), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['"thanks" with an urgent verdict is not small talk', ops('x', { acknowledgement: true }, { urgent: true }), context('C0OPS', { text: 'thanks, asap' }), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['a lone siren emoji is an alarm, not small talk', verdict('emergency', { cues: cues({ alarm: true }) }), context('C0OPS', { text: ':rotating_light:' }), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['"hello" in the emergency channel: small talk, no emergency hint', emergencyByChannel(0.34), context('C0EMERG', { text: 'hello' }), nothing('small_talk')],
  [':eyes: in the emergency channel: small talk', emergencyByChannel(0.38), context('C0EMERG', { text: ':eyes:' }), nothing('small_talk')],

  // the emergency channel's prior alone does not make an emergency hint
  ['emergency by channel prior alone at 0.44: below the nudge bar, nothing', emergencyByChannel(0.44), context('C0EMERG', { text: 'standup notes are in the doc' }), nothing('low_confidence')],
  ['emergency by channel prior alone at 0.6: suggested', emergencyByChannel(0.6), context('C0EMERG', { text: 'anyone seeing weird numbers on the billing page' }), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['alarm in the text at 0.35 in the emergency channel: the low emergency bar still applies', verdict('emergency', { confidence: 0.35, cues: cues({ alarm: true }) }), context('C0EMERG', { text: 'checkout failing' }), { actions: [suggestEmergency], reason: 'emergency_suggested' }],
  ['emergency by channel prior alone elsewhere never happens, but would keep the low bar', verdict('emergency', { confidence: 0.35, cues: cues() }), context('C0OPS', { text: 'x y z' }), { actions: [suggestEmergency], reason: 'emergency_suggested' }],

  // unlisted channels, threads and guesses
  ['FYI in an unlisted channel: classified, not enforced', verdict('daily_operations'), context('C0RANDOM'), nothing('unlisted_channel')],
  ['meeting request in an unlisted channel: not enforced', verdict('online_meeting'), context('C0RANDOM', { text: Q3_CALL }), nothing('unlisted_channel')],
  ['thread reply in the ops channel: left alone', verdict('daily_operations'), context('C0OPS', { isThreadReply: true }), nothing('thread_reply')],
  ['confidence 0.4 in the ops channel: neither queued nor nudged', verdict('daily_operations', { confidence: 0.4 }), context('C0OPS'), nothing('low_confidence')],

  // daily_operations verdicts
  ['async work in the ops channel: queued for its digest plus a gentle nudge', verdict('daily_operations'), context('C0OPS'), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['same, nudged within the window: queued silently', verdict('daily_operations'), context('C0OPS', { recentlyNudged: true }), { actions: [queue('C0OPS')], reason: 'recently_nudged' }],
  ['same, during quiet hours: queued, nudge held', verdict('daily_operations'), context('C0OPS', { now: NIGHT }), { actions: [queue('C0OPS'), { kind: 'hold_for_quiet_hours', until: QUIET_ENDS, held: 'queued_for_digest' }], reason: 'quiet_hours' }],
  ['quiet hours follow the author: 16:00 in New York is not quiet', verdict('daily_operations'), context('C0OPS', { now: NIGHT, authorTimezone: 'America/New_York' }), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['@channel on a plain FYI: queued, one nudge suggesting the digest', ops('fyi', { fyi: true }), context('C0OPS', { hasBroadcast: 'channel' }), { actions: [queue('C0OPS'), { kind: 'nudge', nudge: { code: 'broadcast_fyi', broadcast: 'channel', digestChannel: 'C0OPS', postsAt: NEXT_DIGEST }, buttons: ['keep_as_is'] }], reason: 'nudged' }],
  ['@here on a request ("can someone review my PR?"): not an FYI, the usual queue nudge', ops('x', { asks: true }), context('C0OPS', { hasBroadcast: 'here', text: '<!here> can someone review my PR?' }), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['@here on a verdict without cues: not known to be an FYI, the usual queue nudge', verdict('daily_operations'), context('C0OPS', { hasBroadcast: 'here' }), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['@here on something urgent: the ping was fair, the usual queue nudge', ops('x', { fyi: true }, { urgent: true }), context('C0OPS', { hasBroadcast: 'here' }), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['ops channel without its own digest: the default digest', verdict('daily_operations'), context('C0OPS2'), { actions: [queue('C0OPS'), queued()], reason: 'nudged' }],
  ['async work in the hub: offer the digest', verdict('daily_operations'), context('C0HUB'), { actions: [belongsInDigest], reason: 'nudged' }],
  ['async work in a meeting channel: offer the digest', verdict('daily_operations'), context('C0MEET'), { actions: [belongsInDigest], reason: 'nudged' }],
  ['async work in the events channel: offer the digest', verdict('daily_operations'), context('C0EVENTS'), { actions: [belongsInDigest], reason: 'nudged' }],
  ['non-urgent post in the emergency channel: not an emergency, offer the digest', verdict('daily_operations'), context('C0EMERG'), { actions: [{ kind: 'nudge', nudge: { code: 'not_an_emergency', digestChannel: 'C0OPS' }, buttons: ['send_to_digest', 'keep_as_is'] }], reason: 'nudged' }],
  ['urgent chatter in the emergency channel: left alone (incident updates)', verdict('daily_operations', { urgent: true }), context('C0EMERG'), nothing('allowed')],

  // deep_work verdicts
  ['a proposal in the ops channel: queued, the nudge names the hub', verdict('deep_work'), context('C0OPS'), { actions: [queue('C0OPS'), queued('C0HUB')], reason: 'nudged' }],
  ['a proposal in the hub: right place', verdict('deep_work'), context('C0HUB'), nothing('allowed')],
  ['a proposal in another deep-work channel: right kind of place', verdict('deep_work'), context('C0DEEP'), nothing('allowed')],
  ['a proposal in the events channel: point at the hub', verdict('deep_work'), context('C0EVENTS'), { actions: [{ kind: 'nudge', nudge: { code: 'belongs_in_hub', hubChannel: 'C0HUB' }, buttons: ['keep_as_is'] }], reason: 'nudged' }],
  ['a proposal in the emergency channel: not an emergency', verdict('deep_work'), context('C0EMERG'), { actions: [{ kind: 'nudge', nudge: { code: 'not_an_emergency', digestChannel: 'C0OPS' }, buttons: ['send_to_digest', 'keep_as_is'] }], reason: 'nudged' }],

  // online_meeting verdicts
  ['"hop on a call to go over the Q3 doc" in the ops channel: could this be async?', verdict('online_meeting'), context('C0OPS', { text: Q3_CALL }), { actions: [askAsync], reason: 'nudged' }],
  ['same request in the meeting channel: asked too', verdict('online_meeting'), context('C0MEET', { text: Q3_CALL }), { actions: [askAsync], reason: 'nudged' }],
  ['a 1:1 about a promotion: needs a call, allowed', verdict('online_meeting'), context('C0MEET', { text: 'can we do a quick 1:1 about my promotion?' }), nothing('allowed')],
  ['a call during an incident, in the emergency channel: allowed', verdict('online_meeting'), context('C0EMERG', { text: 'jump on the bridge to go over the logs' }), nothing('allowed')],
  ['the async question during quiet hours: held', verdict('online_meeting'), context('C0MEET', { text: Q3_CALL, now: NIGHT }), { actions: [{ kind: 'hold_for_quiet_hours', until: QUIET_ENDS, held: 'ask_async' }], reason: 'quiet_hours' }],
  ['the async question within the nudge window: dropped', verdict('online_meeting'), context('C0MEET', { text: Q3_CALL, recentlyNudged: true }), nothing('recently_nudged')],

  // offline_activity verdicts
  ['an offsite 5 days out against 21 days: warn', verdict('offline_activity', { when: DAYTIME + 5 * DAY }), context('C0EVENTS'), { actions: [{ kind: 'nudge', nudge: { code: 'warn_lead_time', leadMs: 5 * DAY, neededMs: 21 * DAY }, buttons: [] }], reason: 'nudged' }],
  ['same offsite announced in the ops channel: warn', verdict('offline_activity', { when: DAYTIME + 5 * DAY }), context('C0OPS'), { actions: [{ kind: 'nudge', nudge: { code: 'warn_lead_time', leadMs: 5 * DAY, neededMs: 21 * DAY }, buttons: [] }], reason: 'nudged' }],
  ['an offsite 30 days out: enough notice', verdict('offline_activity', { when: DAYTIME + 30 * DAY }), context('C0EVENTS'), nothing('allowed')],
  ['an offsite exactly 21 days out: enough notice', verdict('offline_activity', { when: DAYTIME + 21 * DAY }), context('C0EVENTS'), nothing('allowed')],
  ['an offline activity with no date: nothing to check', verdict('offline_activity'), context('C0EVENTS'), nothing('allowed')],
  ['an offsite that already happened: nothing to warn about', verdict('offline_activity', { when: DAYTIME - DAY }), context('C0EVENTS'), nothing('allowed')],
  ['an offline plan in the emergency channel: allowed', verdict('offline_activity', { when: DAYTIME + DAY }), context('C0EMERG'), nothing('allowed')],
];

describe('decide', () => {
  test.each(cases)('%s', (_label, v, ctx, expected) => {
    expect(decide(v, ctx, settings)).toEqual(expected);
  });

  test('never returns more than one nudge for a message', () => {
    for (const [, v, ctx] of cases) {
      const nudges = decide(v, ctx, settings).actions.filter((a) => a.kind === 'nudge' || a.kind === 'hold_for_quiet_hours');
      expect(nudges.length).toBeLessThanOrEqual(1);
    }
  });

  test('within the nudge window only emergency suggestions are sent', () => {
    for (const [, v, ctx] of cases) {
      const nudges = decide(v, { ...ctx, recentlyNudged: true }, settings).actions.filter((a) => a.kind === 'nudge');
      expect(nudges.every((a) => a.kind === 'nudge' && a.nudge.code === 'suggest_emergency')).toBe(true);
    }
  });

  test('during quiet hours only emergency suggestions are sent', () => {
    for (const [, v, ctx] of cases) {
      if (ctx.authorTimezone) continue;
      const nudges = decide(v, { ...ctx, now: NIGHT }, settings).actions.filter((a) => a.kind === 'nudge');
      expect(nudges.every((a) => a.kind === 'nudge' && a.nudge.code === 'suggest_emergency')).toBe(true);
    }
  });
});

// The same cases through the real classifier: the cues it reports are the ones the rows above assume.
describe('decide on what the classifier says', () => {
  const decideOn = (channel: string, text: string) =>
    decide(classify(text, { channelArea: settings.channels[channel]?.area, now: DAYTIME, timezone: settings.timezone }), context(channel, { text, hasBroadcast: broadcastOf(text) }), settings);

  test.each(['thanks!', 'ok', 'lol', 'hello', 'good morning :wave:', ':tada: :tada:'])('%s in #ops: no item, no nudge', (text) => {
    expect(decideOn('C0OPS', text)).toEqual(nothing('small_talk'));
  });

  test.each(['hello', 'good morning', ':eyes:'])('%s in the emergency channel: no emergency hint', (text) => {
    expect(decideOn('C0EMERG', text).actions).toEqual([]);
  });

  test('"review pls" in #ops is still queued', () => {
    expect(decideOn('C0OPS', 'review pls').actions).toEqual([queue('C0OPS'), queued()]);
  });

  test('"<!here> can someone review my PR?" gets the queue nudge, not the FYI one', () => {
    expect(decideOn('C0OPS', '<!here> can someone review my PR?').actions).toEqual([queue('C0OPS'), queued()]);
  });

  test('"<!channel> v2.3 deployed" is a status update: the broadcast nudge', () => {
    expect(decideOn('C0OPS', '<!channel> v2.3 deployed').actions[1]).toMatchObject({ kind: 'nudge', nudge: { code: 'broadcast_fyi', broadcast: 'channel' } });
  });

  test('"the checkout page is down for every customer" in the emergency channel: suggested', () => {
    expect(decideOn('C0EMERG', 'the checkout page is down for every customer').actions).toEqual([suggestEmergency]);
  });
});

describe('decide with other settings', () => {
  test('with no digest anywhere, async work in an ops channel is allowed: nothing to queue or offer', () => {
    const bare = Settings.parse({ channels: { C0OPS: { area: 'daily_operations' } } });
    expect(decide(verdict('daily_operations'), context('C0OPS', {}, bare), bare)).toEqual(nothing('allowed'));
  });

  test('the configured emergency channel counts as one even when it is not listed', () => {
    const s = Settings.parse({ emergency: { channel: 'C0EMERG' } });
    const ctx = context('C0EMERG', { isThreadReply: true }, s);
    expect(decide(verdict('emergency'), ctx, s)).toEqual(nothing('thread_reply'));
    expect(decide(verdict('daily_operations'), context('C0EMERG', {}, s), s)).toEqual({
      actions: [{ kind: 'nudge', nudge: { code: 'not_an_emergency', digestChannel: undefined }, buttons: ['keep_as_is'] }],
      reason: 'nudged',
    });
  });

  test.each([
    ['09:00', '2026-03-10T08:00:00Z'],
    ['15:00', '2026-03-10T14:00:00Z'],
  ])('"team offsite on March 31" posted Tue 10 March at %s local is exactly three weeks ahead: allowed', (_hour, at) => {
    const now = Date.parse(at);
    const text = 'team offsite on March 31';
    const v = classify(text, { channelArea: 'offline_activity', now, timezone: settings.timezone });
    expect(v.area).toBe('offline_activity');
    expect(decide(v, context('C0EVENTS', { text, now }), settings)).toEqual(nothing('allowed'));
  });

  test('an offsite 10 calendar days ahead posted mid-afternoon is warned as 10 days away, not 9', () => {
    const now = Date.parse('2026-03-10T14:00:00Z');
    const when = Date.parse('2026-03-20T11:00:00Z');
    expect(decide(verdict('offline_activity', { when }), context('C0EVENTS', { now }), settings).actions).toEqual([
      { kind: 'nudge', nudge: { code: 'warn_lead_time', leadMs: 10 * DAY, neededMs: 21 * DAY }, buttons: [] },
    ]);
  });

  test('without quiet hours, night-time nudges are sent', () => {
    const s = Settings.parse({ ...input, quiet_hours: undefined });
    expect(decide(verdict('daily_operations'), context('C0OPS', { now: NIGHT }, s), s).reason).toBe('nudged');
  });
});
