import { Settings, type SettingsInput } from '../../../src/config/settings';
import { diffSettings } from '../../../src/core/settings-diff';
import { settingsToInput } from '../../../src/core/settings-input';
import { importConfirmModal, inlineMetadata, readImportMetadata, refMetadata } from '../../../src/slack/blocks/quadrant-import-modal';
import { checkView } from '../../../sandbox/block-kit-check';

const normal = (input: SettingsInput) => settingsToInput(Settings.parse(input));

describe('the import confirmation', () => {
  test('removing sixty channels and every tier still gives a view Slack accepts, with the count of what is not listed', () => {
    const channels: NonNullable<SettingsInput['channels']> = {};
    for (let i = 0; i < 60; i++) channels[`C${String(i).padStart(10, '0')}`] = { area: 'daily_operations', digest: { at: '09:00', days: ['mon', 'tue', 'thu', 'fri', 'sun'] } };
    const current = normal({ channels, admins: ['U0CAT'], emergency: { tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }]] } });
    const next = normal({ timezone: 'Europe/Berlin' });
    const diff = diffSettings(current, next);
    const view = importConfirmModal({ current, next, diff, metadata: refMetadata('abc', 'ref1') });
    expect(checkView(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(`…and ${diff.length - 40} more`);
    expect(text).toContain('This removes every on-call tier');
    expect(text).not.toContain('+36201234567');
  });

  test('metadata carries the YAML inline only while it fits, and forged metadata reads as the first step', () => {
    expect(readImportMetadata(inlineMetadata('abc', 'timezone: UTC\n'))).toEqual({ step: 'confirm', base: 'abc', carry: { yaml: 'timezone: UTC\n' } });
    expect(inlineMetadata('abc', 'x'.repeat(3000))).toBeUndefined();
    expect(readImportMetadata(refMetadata('abc', 'r1'))).toEqual({ step: 'confirm', base: 'abc', carry: { ref: 'r1' } });
    for (const forged of ['', 'not json', '{"step":"confirm","base":"abc"}', '{"step":"confirm","base":1,"carry":{"yaml":"x"}}', '{"step":"confirm","base":"a","carry":{"ref":7}}']) {
      expect(readImportMetadata(forged)).toBeUndefined();
    }
  });
});
