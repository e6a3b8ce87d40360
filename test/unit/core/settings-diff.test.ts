import { changedAreas, diffSettings, formatKeyPath } from '../../../src/core/settings-diff';

describe('diffSettings', () => {
  const before = {
    timezone: 'UTC',
    channels: { C0OPS: { area: 'daily_operations', digest: { at: '09:00', days: ['mon', 'tue'] } } },
    emergency: { tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }]], providers: ['slack_dm'] },
  };

  // Rows: a scalar, a list of plain values (one leaf), a list of objects (by position), keys added and removed.
  const rows: Array<[label: string, after: unknown, paths: string[]]> = [
    ['nothing changed', structuredClone(before), []],
    ['a scalar changed', { ...before, timezone: 'Europe/Budapest' }, ['timezone']],
    ['days changed: one leaf, not one per day', { ...before, channels: { C0OPS: { area: 'daily_operations', digest: { at: '09:00', days: ['mon', 'tue', 'wed'] } } } }, ['channels.C0OPS.digest.days']],
    ['a phone in a tier changed', { ...before, emergency: { ...before.emergency, tiers: [[{ slack: 'U0ADA', phone: '+36209999999' }]] } }, ['emergency.tiers[0][0].phone']],
    ['a tier added', { ...before, emergency: { ...before.emergency, tiers: [...before.emergency.tiers, [{ slack: 'U0BOB' }]] } }, ['emergency.tiers[1]']],
    ['a channel removed and one added', { ...before, channels: { C0HUB: { area: 'deep_work', hub: true } } }, ['channels.C0OPS', 'channels.C0HUB']],
  ];
  test.each(rows)('%s', (_label, after, paths) => {
    expect(diffSettings(before, after).map((d) => formatKeyPath(d.path))).toEqual(paths);
  });

  test('records before and after values and the kind of change', () => {
    expect(diffSettings({ a: 1, b: 2 }, { a: 3, c: 4 })).toEqual([
      { path: ['a'], kind: 'changed', before: 1, after: 3 },
      { path: ['b'], kind: 'removed', before: 2 },
      { path: ['c'], kind: 'added', after: 4 },
    ]);
  });
});

describe('formatKeyPath', () => {
  test.each([
    [[], '(top level)'],
    [['timezone'], 'timezone'],
    [['emergency', 'tiers', 0, 1, 'phone'], 'emergency.tiers[0][1].phone'],
  ] as Array<[Array<string | number>, string]>)('%j -> %s', (path, text) => expect(formatKeyPath(path)).toBe(text));
});

describe('changedAreas', () => {
  test('summarises paths two keys deep, without trailing indexes, each once', () => {
    const entries = diffSettings(
      { emergency: { tiers: [[{ slack: 'U0ADA' }]], channel: 'C1' }, channels: { C0OPS: { digest: { at: '09:00' } } } },
      { emergency: { tiers: [[{ slack: 'U0BOB' }], [{ slack: 'U0CAT' }]], channel: 'C2' }, channels: { C0OPS: { digest: { at: '10:00' } } } },
    );
    expect(changedAreas(entries)).toEqual(['emergency.tiers', 'emergency.channel', 'channels.C0OPS']);
  });
});
