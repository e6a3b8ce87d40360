import { parseAsyncCommand, type AsyncCommand } from '../../../src/core/async-command';

describe('parseAsyncCommand', () => {
  // The sub-commands, every flag and alias of the README, and what people type by mistake.
  const rows: Array<[text: string, parsed: AsyncCommand]> = [
    ['', { kind: 'modal' }],
    ['   \n ', { kind: 'modal' }],
    ['help', { kind: 'help' }],
    [' HELP ', { kind: 'help' }],
    ['help me with the invoice export', { kind: 'file', text: 'help me with the invoice export', unknownFlags: [] }],
    ['list', { kind: 'list', scope: 'mine' }],
    ['list mine', { kind: 'list', scope: 'mine' }],
    ['List HUB', { kind: 'list', scope: 'hub' }],
    ['list of vendors to call back', { kind: 'file', text: 'list of vendors to call back', unknownFlags: [] }],
    ['list everything', { kind: 'list_usage', scope: 'everything' }],
    ['list all', { kind: 'list_usage', scope: 'all' }],
    ['LIST All', { kind: 'list_usage', scope: 'All' }],
    ['+ops list all', { kind: 'file', text: 'list all', area: 'daily_operations', unknownFlags: [] }],
    ['done', { kind: 'done_missing_id' }],
    ['done ab3kq7z', { kind: 'done', id: 'ab3kq7z' }],
    ['done `AB3KQ7Z`', { kind: 'done', id: 'ab3kq7z' }],
    ['done with the migration plan', { kind: 'file', text: 'done with the migration plan', unknownFlags: [] }],
    ['review the billing copy', { kind: 'file', text: 'review the billing copy', unknownFlags: [] }],
    ['+do review the billing copy', { kind: 'file', text: 'review the billing copy', priority: 'do', unknownFlags: [] }],
    ['+ops +drop tidy the wiki', { kind: 'file', text: 'tidy the wiki', area: 'daily_operations', priority: 'drop', unknownFlags: [] }],
    ['+DEEP\t+Schedule  rethink onboarding', { kind: 'file', text: 'rethink onboarding', area: 'deep_work', priority: 'schedule', unknownFlags: [] }],
    ['+hub proposal: one repo', { kind: 'file', text: 'proposal: one repo', area: 'deep_work', unknownFlags: [] }],
    ['+daily standup notes', { kind: 'file', text: 'standup notes', area: 'daily_operations', unknownFlags: [] }],
    ['+meeting +call sync on pricing', { kind: 'file', text: 'sync on pricing', area: 'online_meeting', unknownFlags: [] }],
    ['+offline team dinner', { kind: 'file', text: 'team dinner', area: 'offline_activity', unknownFlags: [] }],
    ['+event offsite', { kind: 'file', text: 'offsite', area: 'offline_activity', unknownFlags: [] }],
    ['+online_meeting +offline_activity last one wins', { kind: 'file', text: 'last one wins', area: 'offline_activity', unknownFlags: [] }],
    ['+emergency +delegate db is down', { kind: 'file', text: 'db is down', area: 'emergency', priority: 'delegate', unknownFlags: [] }],
    ['+urgent fix the build', { kind: 'file', text: 'fix the build', unknownFlags: ['+urgent'] }],
    // Names every JavaScript object has are not aliases.
    ['+constructor +toString fix it', { kind: 'file', text: 'fix it', unknownFlags: ['+constructor', '+toString'] }],
    ['+do', { kind: 'modal' }],
    ['+ alone is text', { kind: 'file', text: '+ alone is text', unknownFlags: [] }],
    ['fix +do later', { kind: 'file', text: 'fix +do later', unknownFlags: [] }],
    ['+do\nmultiline\n  text', { kind: 'file', text: 'multiline\n  text', priority: 'do', unknownFlags: [] }],
  ];

  test.each(rows)('%j', (text, parsed) => {
    expect(parseAsyncCommand(text)).toEqual(parsed);
  });
});
