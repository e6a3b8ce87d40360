import { Settings, type SettingsInput } from '../../../src/config/settings';
import { settingsToInput, withoutDefaults } from '../../../src/core/settings-input';

// Every key set away from its default, so a key settingsToInput forgets (or writes in the wrong form) shows.
const full: SettingsInput = {
  timezone: 'Europe/Budapest',
  admins: ['U0ADA'],
  quiet_hours: { from: '19:00', to: '08:00' },
  offline_lead_time: '14d',
  nudge_window: '2h',
  retention: '30d',
  default_digest: 'C0OPS',
  channels: {
    C0OPS: { area: 'daily_operations', digest: { at: '09:30', days: ['mon', 'wed'], post_empty: true } },
    C0HUB: { area: 'deep_work', hub: true },
    C0EMERG: { area: 'emergency' },
  },
  emergency: {
    channel: 'C0EMERG',
    ack_timeout: '90s',
    repeat_last_tier: 2,
    tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }], [{ slack: 'U0BOB' }]],
    providers: ['twilio_sms', 'slack_dm'],
    escalate_by_reaction: 'on_call',
  },
  reactions: { fire: 'do', inbox_tray: 'daily_operations' },
  keywords: { emergency: ['pager'] },
};

describe('settingsToInput', () => {
  const rows: Array<[label: string, input: SettingsInput]> = [
    ['every key set', full],
    ['the defaults', {}],
    ['no quiet hours and no default digest', { ...full, quiet_hours: undefined, default_digest: undefined }],
  ];
  test.each(rows)('parses back to the same settings: %s', (_label, input) => {
    const settings = Settings.parse(input);
    expect(Settings.parse(settingsToInput(settings))).toEqual(settings);
  });

  test('writes durations as people do', () => {
    const written = settingsToInput(Settings.parse(full));
    expect(written).toMatchObject({ offline_lead_time: '14d', nudge_window: '2h', retention: '30d', emergency: { ack_timeout: '90s' } });
  });

  test('leaves optional keys out instead of writing them empty', () => {
    const written = settingsToInput(Settings.parse({}));
    expect(written).not.toHaveProperty('quiet_hours');
    expect(written).not.toHaveProperty('default_digest');
  });
});

describe('withoutDefaults', () => {
  const defaults = settingsToInput(Settings.parse({}));

  test.each([
    ['every key set', full],
    ['the defaults', {}],
  ] as Array<[string, SettingsInput]>)('parses back to the same settings: %s', (_label, input) => {
    const settings = Settings.parse(input);
    expect(Settings.parse(withoutDefaults(settingsToInput(settings), defaults))).toEqual(settings);
  });

  test('leaves out what the defaults say, down to a channel’s hub: false', () => {
    const short = withoutDefaults(settingsToInput(Settings.parse({ timezone: 'Europe/Budapest', channels: { C0OPS: { area: 'daily_operations', digest: { at: '09:00' } } } })), defaults);
    expect(short).toEqual({ timezone: 'Europe/Budapest', channels: { C0OPS: { area: 'daily_operations', digest: { at: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } } } });
  });
});
