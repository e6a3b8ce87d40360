import { Settings, type SettingsInput, type Weekday } from '../../../src/config/settings';
import { applyBasics, applyDigests, applyDraft, applyOncall, applyPhones, onCallUsers } from '../../../src/core/setup-form';

const current: SettingsInput = {
  timezone: 'UTC',
  channels: {
    C0OPS: { area: 'daily_operations', digest: { at: '10:30', days: ['mon'], post_empty: true } },
    C0OLD: { area: 'daily_operations', digest: { at: '09:00', days: ['tue'] } },
    C0HUB: { area: 'deep_work', hub: true },
    C0EMERG: { area: 'emergency' },
  },
  emergency: { channel: 'C0EMERG', tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }]], providers: ['slack_dm'] },
  keywords: { emergency: ['pager'] },
};

describe('applyBasics', () => {
  test('sets the basics and makes the emergency channel an emergency channel', () => {
    const next = applyBasics(current, { timezone: ' Europe/Budapest ', admins: ['U0CAT', 'U0CAT'], emergencyChannel: 'C0NEW', quietFrom: '19:00', quietTo: '08:00', offlineLeadTime: '14d' });
    expect(next).toMatchObject({ timezone: 'Europe/Budapest', admins: ['U0CAT'], quiet_hours: { from: '19:00', to: '08:00' }, offline_lead_time: '14d', emergency: { channel: 'C0NEW' } });
    expect(next.channels).toMatchObject({ C0NEW: { area: 'emergency' } });
    expect(next.channels).not.toHaveProperty('C0EMERG');
  });

  test('no quiet hours removes them', () => {
    expect(applyBasics({ ...current, quiet_hours: { from: '19:00', to: '08:00' } }, { timezone: 'UTC', admins: [], offlineLeadTime: '21d' })).not.toHaveProperty('quiet_hours');
  });
});

describe('applyDigests', () => {
  const next = applyDigests(current, { channels: ['C0OPS', 'C0NEW'], at: '09:15', days: ['mon', 'fri'], hub: 'C0DEEP' });

  test('gives the chosen channels the time and days, keeping post_empty', () => {
    expect(next.channels?.C0OPS).toEqual({ area: 'daily_operations', digest: { at: '09:15', days: ['mon', 'fri'], post_empty: true } });
    expect(next.channels?.C0NEW).toEqual({ area: 'daily_operations', digest: { at: '09:15', days: ['mon', 'fri'] } });
  });

  test('a channel left out keeps its role but loses its digest', () => {
    expect(next.channels?.C0OLD).toEqual({ area: 'daily_operations' });
  });

  test('one hub', () => {
    expect(next.channels?.C0HUB).toEqual({ area: 'deep_work' });
    expect(next.channels?.C0DEEP).toEqual({ area: 'deep_work', hub: true });
  });
});

describe('applyDigests keeps each channel’s own schedule when the time and days are left as shown', () => {
  // C0OPS 10:30 Mon and C0OLD 09:00 Tue; the form showed the first, 10:30 Mon.
  const shown = { at: '10:30', days: ['mon'] as Weekday[] };

  test('an admin clicking through leaves every existing digest as it was; a channel added gets the form’s time', () => {
    const next = applyDigests(current, { channels: ['C0OPS', 'C0OLD', 'C0NEW'], at: '10:30', days: ['mon'], hub: 'C0HUB', shown });
    expect(next.channels?.C0OPS).toEqual({ area: 'daily_operations', digest: { at: '10:30', days: ['mon'], post_empty: true } });
    expect(next.channels?.C0OLD).toEqual({ area: 'daily_operations', digest: { at: '09:00', days: ['tue'] } });
    expect(next.channels?.C0NEW).toEqual({ area: 'daily_operations', digest: { at: '10:30', days: ['mon'] } });
  });

  test('the same days in another order count as left as shown', () => {
    const both = { ...current, channels: { ...current.channels, C0OLD: { area: 'daily_operations' as const, digest: { at: '09:00', days: ['tue'] as Weekday[] } } } };
    const next = applyDigests(both, { channels: ['C0OLD'], at: '08:00', days: ['fri', 'mon'], shown: { at: '08:00', days: ['mon', 'fri'] } });
    expect(next.channels?.C0OLD?.digest).toEqual({ at: '09:00', days: ['tue'] });
  });

  test.each([
    ['the time', { at: '11:00', days: ['mon'] as Weekday[] }],
    ['the days', { at: '10:30', days: ['mon', 'wed'] as Weekday[] }],
  ])('changing %s gives every chosen channel the new schedule', (_what, answer) => {
    const next = applyDigests(current, { channels: ['C0OPS', 'C0OLD'], ...answer, shown });
    expect(next.channels?.C0OPS?.digest).toEqual({ ...answer, post_empty: true });
    expect(next.channels?.C0OLD?.digest).toEqual(answer);
  });
});

describe('applyOncall and applyPhones', () => {
  test('tiers past the form’s fields are kept, after the form’s tiers', () => {
    const eight = Array.from({ length: 8 }, (_, i) => [{ slack: `U0T${i + 1}`, ...(i === 7 ? { phone: '+36201112233' } : {}) }]);
    const stored: SettingsInput = { ...current, emergency: { ...current.emergency, tiers: eight } };
    // The form showed tiers 1-6; the admin changed tier 1 and left the rest.
    const formTiers = [['U0NEW'], ...eight.slice(1, 6).map((t) => t.map((p) => p.slack))];
    const next = applyOncall(stored, { tiers: formTiers, providers: ['slack_dm'], ackTimeout: '5m', shownTiers: 6 });
    expect(next.emergency?.tiers?.map((t) => t.map((p) => p.slack))).toEqual([['U0NEW'], ['U0T2'], ['U0T3'], ['U0T4'], ['U0T5'], ['U0T6'], ['U0T7'], ['U0T8']]);
    expect(next.emergency?.tiers?.[7]).toEqual([{ slack: 'U0T8', phone: '+36201112233' }]);
    expect(Settings.safeParse(next).success).toBe(true);
  });

  test('keeps a person’s stored number when they stay on call, drops empty tiers', () => {
    const next = applyOncall(current, { tiers: [['U0BOB'], [], ['U0ADA', 'U0ADA']], providers: ['twilio_sms', 'slack_dm'], ackTimeout: '2m' });
    expect(next.emergency).toMatchObject({ tiers: [[{ slack: 'U0BOB' }], [{ slack: 'U0ADA', phone: '+36201234567' }]], providers: ['twilio_sms', 'slack_dm'], ack_timeout: '2m' });
    expect(onCallUsers(next)).toEqual(['U0BOB', 'U0ADA']);
  });

  test('phones: a new number, empty keeps, "-" removes', () => {
    const withBob = applyOncall(current, { tiers: [['U0ADA', 'U0BOB', 'U0CAT']], providers: ['slack_dm'], ackTimeout: '5m' });
    const withCat = applyPhones(withBob, { U0ADA: '', U0BOB: '+1 555 555 0101', U0CAT: '-' });
    expect(withCat.emergency?.tiers).toEqual([[{ slack: 'U0ADA', phone: '+36201234567' }, { slack: 'U0BOB', phone: '+15555550101' }, { slack: 'U0CAT' }]]);
  });
});

describe('applyDraft', () => {
  test('applies every answered step and leaves what the flow does not touch', () => {
    const next = applyDraft(current, {
      basics: { timezone: 'Europe/Budapest', admins: [], emergencyChannel: 'C0EMERG', offlineLeadTime: '21d' },
      digests: { channels: ['C0OPS'], at: '09:00', days: ['mon'] },
      oncall: { tiers: [['U0ADA']], providers: ['slack_dm'], ackTimeout: '5m' },
      phones: { U0ADA: '+36 20 765 4321' },
    });
    expect(Settings.safeParse(next).success).toBe(true);
    expect(next.keywords).toEqual({ emergency: ['pager'] });
    expect(next.emergency?.tiers).toEqual([[{ slack: 'U0ADA', phone: '+36207654321' }]]);
  });
});
