import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runClassify } from '../../../src/cli/classify';

const NOW = Date.parse('2025-03-10T09:00:00Z');

async function run(args: string[], input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runClassify(args, { stdin: Readable.from([input]), stdout, stderr, now: () => NOW });
  const lines = () => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, out, err, get lines() { return lines(); } };
}

describe('quadrant classify TEXT', () => {
  test('prints the verdict for people: area, priority, confidence, reasons', async () => {
    const r = await run(['prod', 'is', 'down,', 'customers', 'cannot', 'log', 'in']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^area: +emergency \(Emergency\)$/m);
    expect(r.out).toMatch(/^priority: +do: Do now \(urgent, important\)$/m);
    expect(r.out).toMatch(/^confidence: +\d\.\d\d$/m);
    expect(r.out).toContain('says something is down');
  });

  test('shows when a dated event happens', async () => {
    const r = await run(['Team offsite in Lisbon on March 31, flights are booked']);
    expect(r.out).toMatch(/^area: +offline_activity/m);
    expect(r.out).toContain('refers to a date 3 weeks ahead');
    expect(r.out).toMatch(/^when: +2025-03-31T/m);
  });

  test('--json prints one machine-readable line', async () => {
    const r = await run(['--json', 'can we jump on a call?']);
    expect(r.lines).toEqual([{ area: 'online_meeting', urgent: expect.any(Boolean), important: expect.any(Boolean), confidence: expect.any(Number), reasons: expect.any(Array) }]);
  });
});

describe('quadrant classify < JSON Lines', () => {
  test('answers each line with its id, in order, on stdout only', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'prod is down for everyone' }),
      JSON.stringify({ id: 2, text: 'RFC-7 is up, comments by Friday' }),
      JSON.stringify({ id: 'c', text: 'anyone seeing this?', channel: 'emergency' }),
    ].join('\n');
    const r = await run([], input);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.lines.map((l) => [l.id, l.area])).toEqual([
      ['a', 'emergency'],
      [2, 'deep_work'],
      ['c', 'emergency'],
    ]);
    for (const line of r.lines) {
      expect(Object.keys(line)).toEqual(['id', 'area', 'urgent', 'important', 'confidence', 'reasons']);
      expect(line.confidence).toBeGreaterThanOrEqual(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
  });

  // A bad line gets an error line of its own and the run goes on: every row is followed by a good one.
  const bad: Array<[label: string, line: string, answer: Record<string, unknown>]> = [
    ['invalid JSON', '{"id": "x", "text": ', { line: 1, error: 'invalid JSON' }],
    ['not an object', '["prod is down"]', { line: 1, error: 'each line must be a JSON object' }],
    ['missing id', '{"text": "prod is down"}', { line: 1, error: 'id must be a string or a number' }],
    ['missing text', '{"id": "m1"}', { id: 'm1', error: 'text must be a string' }],
    ['text that is not a string', '{"id": "m2", "text": 42}', { id: 'm2', error: 'text must be a string' }],
    ['empty text', '{"id": "m3", "text": "   "}', { id: 'm3', error: 'text is empty' }],
    ['text over Slack’s limit', JSON.stringify({ id: 'm4', text: 'a'.repeat(40_001) }), { id: 'm4', error: 'text is longer than 40000 characters' }],
    ['channel that is not a string', '{"id": "m5", "text": "hi", "channel": 7}', { id: 'm5', error: 'channel must be a string' }],
  ];
  test.each(bad)('%s', async (_label, line, answer) => {
    const r = await run([], `${line}\n${JSON.stringify({ id: 'ok', text: 'lgtm' })}\n`);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toEqual(answer);
    expect(r.lines[1]).toMatchObject({ id: 'ok', area: 'daily_operations' });
  });

  test('skips blank lines but counts them for error line numbers', async () => {
    const r = await run([], `\n\n{oops\n`);
    expect(r.lines).toEqual([{ line: 3, error: 'invalid JSON' }]);
  });
});

describe('quadrant classify with a settings file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quadrant-classify-'));
  const settings = path.join(dir, 'settings.yml');
  writeFileSync(settings, 'timezone: Europe/Budapest\nchannels:\n  C0INC: { area: emergency }\nkeywords:\n  deep_work: [north star doc]\n');

  test('reads channel areas and keywords from it', async () => {
    const input = [JSON.stringify({ id: 1, text: 'anyone seeing this?', channel: 'C0INC' }), JSON.stringify({ id: 2, text: 'the north star doc got an update' })].join('\n');
    const r = await run(['--config', settings], input);
    expect(r.lines.map((l) => l.area)).toEqual(['emergency', 'deep_work']);
  });

  test('a broken settings file is a usage error', async () => {
    const broken = path.join(dir, 'broken.yml');
    writeFileSync(broken, 'timezone: Nowhere/Else\n');
    const r = await run(['--config', broken, 'hello']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('(line 1)');
  });
});

describe('quadrant classify usage errors', () => {
  const cases: Array<[label: string, args: string[], message: string]> = [
    ['an unknown option', ['--verbose', 'hi'], 'unknown option --verbose'],
    ['an option without its value', ['--config'], '--config needs a value'],
    ['--json without TEXT', ['--json'], '--json needs TEXT'],
    ['TEXT that is only spaces', ['  '], 'TEXT is empty'],
  ];
  test.each(cases)('%s exits 2 with a message on stderr', async (_label, args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  test('--help prints usage on stdout and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: quadrant classify');
  });
});
