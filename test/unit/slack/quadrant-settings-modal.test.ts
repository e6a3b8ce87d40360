import { Settings, type SettingsInput } from '../../../src/config/settings';
import { applyDraft, type SetupDraft, type SetupStep } from '../../../src/core/setup-form';
import { nextStep, readStep, settingsModal, stepErrors } from '../../../src/slack/blocks/quadrant-settings-modal';
import type { StateValues } from '../../../src/slack/blocks/quadrant-view-state';
import { checkView } from '../../../sandbox/block-kit-check';
import { buildViewState, type FieldValue } from '../../../sandbox/view-state';
import type { SlackView } from '../../../sandbox/views';
import { describeDays } from '../../../src/slack/blocks/quadrant-words';

const current: SettingsInput = { timezone: 'UTC', emergency: { tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }]] } };

/** Validates a draft the way the submission does, and maps the problems to fields. */
function errorsOf(step: SetupStep, draft: SetupDraft, stored: SettingsInput = current): Record<string, string> {
  const input = applyDraft(stored, draft);
  const parsed = Settings.safeParse(input);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ code: i.code, path: i.path as Array<string | number>, message: i.message }));
  return stepErrors(step, { input, issues, channelProblems: [] }, draft);
}

describe('stepErrors puts each problem under its field', () => {
  const basics = { timezone: 'UTC', admins: [], emergencyChannel: 'C0EMERG', offlineLeadTime: '21d' };
  // One row per field that takes free text or can be left inconsistent.
  const rows: Array<[label: string, step: SetupStep, draft: SetupDraft, field: string, says: RegExp]> = [
    ['an unknown time zone', 'basics', { basics: { ...basics, timezone: 'Mars/Olympus' } }, 'timezone', /IANA time zone/],
    ['a lead time that is no duration', 'basics', { basics: { ...basics, offlineLeadTime: 'three weeks' } }, 'offline_lead_time', /duration like/],
    ['a lead time out of bounds', 'basics', { basics: { ...basics, offlineLeadTime: '900d' } }, 'offline_lead_time', /between 1h and 365d/],
    ['digest days left empty', 'digests', { digests: { channels: ['C0OPS'], at: '09:00', days: [] } }, 'digest_days', /at least 1|too small|>=1/i],
    ['an ack timeout too short', 'oncall', { oncall: { tiers: [['U0ADA']], providers: ['slack_dm'], ackTimeout: '1s' } }, 'ack_timeout', /between 10s and 24h/],
    ['a phone that is not E.164', 'phones', { oncall: { tiers: [['U0ADA']], providers: ['slack_dm'], ackTimeout: '5m' }, phones: { U0ADA: '06 20 123 4567' } }, 'phone_U0ADA', /E\.164/],
  ];
  test.each(rows)('%s', (_label, step, draft, field, says) => {
    const errors = errorsOf(step, draft);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(says);
  });

  test('a tier field is named by its place on the form, even after empty tiers above it', () => {
    const draft: SetupDraft = { oncall: { tiers: [['U0ADA'], [], ['bad id']], providers: ['slack_dm'], ackTimeout: '5m' } };
    expect(Object.keys(errorsOf('oncall', draft))).toEqual(['tier_3']);
  });

  test('channel problems go under the channel field, with the way to fix them', () => {
    const draft: SetupDraft = { digests: { channels: ['C0OPS'], at: '09:00', days: ['mon'], hub: 'C0HUB' } };
    const errors = stepErrors('digests', { input: applyDraft(current, draft), issues: [], channelProblems: [{ channel: 'C0HUB', problem: 'not_member', name: 'hub' }, { channel: 'C0OPS', problem: 'not_found' }] }, draft);
    expect(errors.hub).toMatch(/I'm not in #hub yet\. Open #hub and type \/invite @quadrant/);
    expect(errors.digest_channels).toMatch(/if it is private, open it and type \/invite @quadrant/);
  });
});

describe('readStep', () => {
  test('reads the on-call step in tier order', () => {
    const values: StateValues = {
      tier_2: { value: { selected_users: ['U0BOB'] } },
      tier_1: { value: { selected_users: ['U0ADA'] } },
      tier_10: { value: { selected_users: [] } },
      ack_timeout: { value: { value: '5m' } },
      providers: { value: { selected_options: [{ value: 'slack_dm' }, { value: 'carrier_pigeon' }] } },
    };
    expect(readStep('oncall', values)).toEqual({ oncall: { tiers: [['U0ADA'], ['U0BOB'], []], providers: ['slack_dm'], ackTimeout: '5m', shownTiers: 3 } });
  });
});

describe('nextStep', () => {
  test.each([
    ['wizard', 'basics', 'digests'],
    ['wizard', 'digests', 'oncall'],
    ['wizard', 'oncall', 'phones'],
    ['wizard', 'phones', undefined],
    ['single', 'basics', undefined],
    ['single', 'oncall', 'phones'],
  ] as const)('%s %s -> %s', (mode, step, next) => expect(nextStep({ mode, step }, current)).toBe(next));
});

describe('settingsModal', () => {
  test('never puts a stored phone number into the view', () => {
    const view = settingsModal({ step: 'phones', mode: 'wizard', draft: {} }, current);
    expect(JSON.stringify(view)).not.toContain('+36201234567');
    expect(JSON.stringify(view)).toContain('+36 •••• 4567');
  });
});

/** Submits a step as Slack's client would, with `typed` changed and every other input as the view showed it. */
function submit(view: ReturnType<typeof settingsModal>, typed: Record<string, FieldValue> = {}): SetupDraft {
  const state = buildViewState({ id: 'V0TEST', ...view } as unknown as SlackView, typed);
  return readStep(JSON.parse(view.private_metadata!).step, state.values as StateValues, JSON.parse(view.private_metadata!));
}

const inputsOf = (view: ReturnType<typeof settingsModal>) => (view.blocks as Array<{ type: string; block_id?: string; label?: { text: string } }>).filter((b) => b.type === 'input');

describe('the digests step keeps each channel’s own time and days unless the admin changes them', () => {
  // C1 09:00 Mon–Fri, C2 14:00 Mon/Wed: the form can show only one time.
  const two: SettingsInput = {
    timezone: 'Europe/Budapest',
    channels: {
      C0ONE: { area: 'daily_operations', digest: { at: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } },
      C0TWO: { area: 'daily_operations', digest: { at: '14:00', days: ['mon', 'wed'] } },
    },
  };
  const view = settingsModal({ step: 'digests', mode: 'wizard', draft: {} }, two);

  test('says so, and lists each channel’s schedule', () => {
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Channels that already have a digest keep their own time and days unless you change the time or days here');
    expect(text).toContain('<#C0ONE> 09:00 Mon–Fri; <#C0TWO> 14:00 Mon, Wed (Europe/Budapest)');
    expect(checkView(view)).toEqual([]);
  });

  test('clicking through changes no channel’s schedule; a channel added gets the time shown', () => {
    const next = applyDraft(two, submit(view, { digest_channels: ['C0ONE', 'C0TWO', 'C0NEW'] }));
    expect(next.channels?.C0ONE?.digest).toEqual({ at: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
    expect(next.channels?.C0TWO?.digest).toEqual({ at: '14:00', days: ['mon', 'wed'] });
    expect(next.channels?.C0NEW?.digest).toEqual({ at: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
  });

  test('changing the time gives every chosen channel the new one', () => {
    const next = applyDraft(two, submit(view, { digest_at: '08:30' }));
    expect(next.channels?.C0ONE?.digest).toEqual({ at: '08:30', days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
    expect(next.channels?.C0TWO?.digest).toEqual({ at: '08:30', days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
  });
});

describe('the on-call step never drops tiers it cannot show', () => {
  const people = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `U0P${String(from + i).padStart(3, '0')}`);
  const eight: SettingsInput = { timezone: 'UTC', emergency: { tiers: people(8).map((slack) => [{ slack }]) } };
  const view = settingsModal({ step: 'oncall', mode: 'single', draft: {} }, eight);

  test('shows six tiers and says the rest stay, with the way to change them', () => {
    expect(inputsOf(view).filter((b) => b.block_id?.startsWith('tier_'))).toHaveLength(6);
    expect(JSON.stringify(view.blocks)).toContain('Tiers 7–8 are not shown here and stay as they are, after the tiers above. To change them, use `/quadrant export` and `/quadrant import`.');
  });

  test('saving the form as shown keeps tiers 7 and 8', () => {
    const next = applyDraft(eight, submit(view));
    expect(next.emergency?.tiers).toEqual(eight.emergency!.tiers);
  });

  test('a kept tier with a problem is named by its key path, not pinned on tier 1', () => {
    const stored: SettingsInput = { ...eight, emergency: { tiers: [...eight.emergency!.tiers!.slice(0, 7), [{ slack: 'bad id' }]] } };
    expect(errorsOf('oncall', submit(view), stored)).toEqual({ tier_1: expect.stringMatching(/^emergency\.tiers\[7\]\[0\]\.slack: must be a Slack user id/) });
  });
});

describe('the phones step fits Slack’s 100-block limit', () => {
  const onCall = (n: number): SettingsInput => ({ timezone: 'UTC', emergency: { tiers: [Array.from({ length: n }, (_, i) => ({ slack: `U0P${String(i + 1).padStart(3, '0')}` }))] } });

  test('50 people: one field each, labelled with their name, and Slack accepts the view', () => {
    const view = settingsModal({ step: 'phones', mode: 'wizard', draft: {} }, onCall(50), { U0P001: 'Ada Lovelace' });
    expect(checkView(view)).toEqual([]);
    const inputs = inputsOf(view);
    expect(inputs).toHaveLength(50);
    expect(inputs[0]).toMatchObject({ block_id: 'phone_U0P001', label: { text: 'Ada Lovelace: phone number' } });
    expect(inputs[1]).toMatchObject({ block_id: 'phone_U0P002', label: { text: 'Phone number of U0P002' } });
  });

  test('more people than fit: as many fields as fit, and the rest named with the way to set theirs', () => {
    const view = settingsModal({ step: 'phones', mode: 'wizard', draft: {} }, onCall(120));
    expect(checkView(view)).toEqual([]);
    expect(view.blocks).toHaveLength(100);
    expect(inputsOf(view)).toHaveLength(98);
    const last = JSON.stringify(view.blocks.at(-1));
    expect(last).toContain('22 more people on call are not shown here: <@U0P099>, <@U0P100>');
    expect(last).toContain('Their stored numbers stay as they are; set theirs with `/quadrant export` and `/quadrant import`.');
  });

  test('a problem with a number of someone past the fields goes under the first field', () => {
    const stored = onCall(120);
    stored.emergency!.tiers![0]![110] = { slack: 'U0P111', phone: '06 20 123 4567' };
    expect(errorsOf('phones', {}, stored)).toEqual({ phone_U0P001: expect.stringMatching(/^emergency\.tiers\[0\]\[110\]\.phone: must be an E\.164/) });
  });
});

describe('describeDays', () => {
  test.each([
    [['mon', 'tue', 'wed', 'thu', 'fri'], 'Mon–Fri'],
    [['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], 'every day'],
    [['mon', 'wed', 'fri'], 'Mon, Wed, Fri'],
    [['sat', 'sun'], 'Sat, Sun'],
  ] as const)('%j -> %s', (days, text) => expect(describeDays(days)).toBe(text));
});
