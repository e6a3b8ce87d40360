import { Settings, type SettingsInput } from '../../../src/config/settings';
import { applyChannelRole, parseRoleWord, type ChannelRole } from '../../../src/core/channel-role';

const base: SettingsInput = {
  default_digest: 'C0OPS',
  channels: {
    C0OPS: { area: 'daily_operations', digest: { at: '10:30', days: ['mon', 'wed'] } },
    C0HUB: { area: 'deep_work', hub: true },
    C0EMERG: { area: 'emergency' },
  },
  emergency: { channel: 'C0EMERG' },
};

describe('applyChannelRole', () => {
  const rows: Array<[label: string, channel: string, role: ChannelRole, expected: Partial<SettingsInput>]> = [
    ['a new ops channel gets the weekday 09:00 digest', 'C0NEW', { kind: 'area', area: 'daily_operations' }, { channels: { ...base.channels, C0NEW: { area: 'daily_operations', digest: { at: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } } } }],
    ['an ops channel keeps its own digest', 'C0OPS', { kind: 'area', area: 'daily_operations' }, { channels: base.channels }],
    ['a time keeps the channel’s days', 'C0OPS', { kind: 'area', area: 'daily_operations', digest: { at: '08:00' } }, { channels: { ...base.channels, C0OPS: { area: 'daily_operations', digest: { at: '08:00', days: ['mon', 'wed'] } } } }],
    ['a new hub takes over from the old one', 'C0NEW', { kind: 'area', area: 'deep_work', hub: true }, { channels: { ...base.channels, C0HUB: { area: 'deep_work' }, C0NEW: { area: 'deep_work', hub: true } } }],
    ['an emergency channel is where emergencies post', 'C0NEW', { kind: 'area', area: 'emergency' }, { channels: { ...base.channels, C0NEW: { area: 'emergency' } }, emergency: { channel: 'C0NEW' } }],
    ['the emergency channel given another role stops being it', 'C0EMERG', { kind: 'area', area: 'online_meeting' }, { channels: { ...base.channels, C0EMERG: { area: 'online_meeting' } }, emergency: {} }],
    ['no role leaves every reference', 'C0OPS', { kind: 'none' }, { default_digest: undefined, channels: { C0HUB: base.channels!.C0HUB!, C0EMERG: base.channels!.C0EMERG! } }],
  ];
  test.each(rows)('%s', (_label, channel, role, expected) => {
    const next = applyChannelRole(base, channel, role);
    expect(next).toEqual(JSON.parse(JSON.stringify({ ...base, ...expected })));
    expect(Settings.safeParse(next).success).toBe(true);
  });

  test('does not change its input', () => {
    const copy = structuredClone(base);
    applyChannelRole(base, 'C0OPS', { kind: 'none' });
    expect(base).toEqual(copy);
  });
});

describe('parseRoleWord', () => {
  test.each([
    ['daily_operations', { kind: 'area', area: 'daily_operations' }],
    ['daily-operations', { kind: 'area', area: 'daily_operations' }],
    ['hub', { kind: 'area', area: 'deep_work', hub: true }],
    ['meeting', { kind: 'area', area: 'online_meeting' }],
    ['remove', { kind: 'none' }],
    ['lunch', undefined],
  ] as Array<[string, ChannelRole | undefined]>)('%s', (word, role) => expect(parseRoleWord(word)).toEqual(role));
});
