import { defaultSettings, type WorkspaceSettings } from '../../../src/config/settings';
import { resolveDigestChannel } from '../../../src/core/routing';

const digest = { at: '09:00', days: ['mon' as const], post_empty: false };

function settings(patch: Partial<WorkspaceSettings>): WorkspaceSettings {
  return { ...defaultSettings(), ...patch };
}

describe('resolveDigestChannel', () => {
  const channels = {
    C0OPS: { area: 'daily_operations' as const, digest },
    C0SUPPORT: { area: 'daily_operations' as const, digest },
    C0HUB: { area: 'deep_work' as const, hub: true },
  };

  test.each([
    ['its own channel when that has a digest', { channels, default_digest: 'C0SUPPORT' }, 'C0OPS', 'C0OPS'],
    ['the default digest for a channel without one', { channels, default_digest: 'C0SUPPORT' }, 'C0HUB', 'C0SUPPORT'],
    ['the first digest channel when there is no default', { channels }, 'C0HUB', 'C0OPS'],
    // Settings stored before the schema required default_digest to have a digest are still read.
    ['never a default digest channel that posts no digest', { channels, default_digest: 'C0HUB' }, 'C0HUB', 'C0OPS'],
    ['nothing when no channel has a digest', { channels: { C0HUB: channels.C0HUB }, default_digest: 'C0HUB' }, 'C0HUB', undefined],
  ])('%s', (_label, patch, source, expected) => {
    expect(resolveDigestChannel(settings(patch as Partial<WorkspaceSettings>), source)).toBe(expected);
  });
});
