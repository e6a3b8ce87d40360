import { needsAdmin, parseDays, parseQuadrantCommand, type QuadrantCommand } from '../../../src/core/quadrant-command';

describe('parseQuadrantCommand', () => {
  // Every subcommand of the spec, the forms Slack delivers with should_escape on, and the mistakes people make.
  const rows: Array<[text: string, parsed: QuadrantCommand]> = [
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['  SETUP ', { kind: 'setup' }],
    ['config', { kind: 'config' }],
    ['channels', { kind: 'channels' }],
    ['channels set daily_operations', { kind: 'channels_set', role: { kind: 'area', area: 'daily_operations' } }],
    ['channels set daily_operations 10:30 mon-fri', { kind: 'channels_set', role: { kind: 'area', area: 'daily_operations', digest: { at: '10:30', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } } }],
    ['channels set ops 9:05', { kind: 'channels_set', role: { kind: 'area', area: 'daily_operations', digest: { at: '09:05' } } }],
    ['channels set hub', { kind: 'channels_set', role: { kind: 'area', area: 'deep_work', hub: true } }],
    ['channels set Emergency', { kind: 'channels_set', role: { kind: 'area', area: 'emergency' } }],
    ['channels set none', { kind: 'channels_set', role: { kind: 'none' } }],
    ['channels set', { kind: 'usage', sub: 'channels_set', got: undefined }],
    ['channels set lunch', { kind: 'usage', sub: 'channels_set', got: 'lunch', problem: 'not_role' }],
    ['channels set daily_operations 25:00', { kind: 'usage', sub: 'channels_set', got: '25:00', problem: 'not_time' }],
    ['channels set deep_work 10:00', { kind: 'usage', sub: 'channels_set', got: '10:00', problem: 'takes_no_options', role: 'deep_work' }],
    ['channels set daily_operations 10:30 sun-thu', { kind: 'channels_set', role: { kind: 'area', area: 'daily_operations', digest: { at: '10:30', days: ['mon', 'tue', 'wed', 'thu', 'sun'] } } }],
    // Only the part that could not be read comes back, so the reply can point at it.
    ['channels set daily_operations 10:30 mon,wed,fryday', { kind: 'usage', sub: 'channels_set', got: 'fryday' }],
    ['channels set daily_operations 10:30 mon tue blursday', { kind: 'usage', sub: 'channels_set', got: 'blursday' }],
    ['channels add', { kind: 'usage', sub: 'channels_set', got: 'add' }],
    ['oncall', { kind: 'oncall' }],
    ['oncall test', { kind: 'oncall_test' }],
    ['oncall edit', { kind: 'oncall_edit' }],
    ['digest', { kind: 'digest' }],
    ['digest now', { kind: 'digest_now' }],
    ['digest later', { kind: 'usage', sub: 'digest', got: 'later' }],
    ['report', { kind: 'report', period: 'week' }],
    ['report month', { kind: 'report', period: 'month' }],
    ['report csv', { kind: 'report', period: 'csv' }],
    ['report year', { kind: 'usage', sub: 'report', got: 'year' }],
    ['history', { kind: 'history' }],
    ['export', { kind: 'export', full: false }],
    ['export full', { kind: 'export', full: true }],
    ['import', { kind: 'import' }],
    ['erase <@U0BOB|bob>', { kind: 'erase', user: 'U0BOB' }],
    ['erase <@W0BOB>', { kind: 'erase', user: 'W0BOB' }],
    ['erase U0BOB', { kind: 'erase', user: 'U0BOB' }],
    ['erase', { kind: 'usage', sub: 'erase', got: undefined }],
    ['erase bob', { kind: 'usage', sub: 'erase', got: 'bob' }],
    ['erase <@U0BOB> <@U0CAT>', { kind: 'usage', sub: 'erase', got: '<@U0BOB> <@U0CAT>' }],
    ['frobnicate', { kind: 'unknown', word: 'frobnicate' }],
  ];
  test.each(rows)('%j', (text, parsed) => {
    expect(parseQuadrantCommand(text)).toEqual(parsed);
  });
});

describe('needsAdmin', () => {
  // Looking is open to everyone; changing, paging, posting, erasing and full numbers are not.
  const rows: Array<[text: string, admin: boolean]> = [
    ['help', false], ['config', false], ['channels', false], ['oncall', false], ['digest', false], ['history', false], ['export', false], ['report', false],
    ['setup', true], ['channels set hub', true], ['oncall edit', true], ['oncall test', true], ['digest now', true], ['import', true], ['erase <@U0BOB>', true], ['export full', true],
  ];
  test.each(rows)('%s -> %s', (text, admin) => expect(needsAdmin(parseQuadrantCommand(text))).toBe(admin));
});

describe('parseDays', () => {
  test.each([
    ['mon-fri', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['weekdays', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['daily', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']],
    ['fri,mon wed', ['mon', 'wed', 'fri']],
    ['Tuesday thurs', ['tue', 'thu']],
    // A week wraps: teams working Sunday to Thursday write it as one range.
    ['sun-thu', ['mon', 'tue', 'wed', 'thu', 'sun']],
    ['fri-mon', ['mon', 'fri', 'sat', 'sun']],
    ['wed-wed', ['wed']],
    ['mon-xyz', undefined],
    ['someday', undefined],
  ] as Array<[string, string[] | undefined]>)('%s', (text, days) => expect(parseDays(text)).toEqual(days));
});
