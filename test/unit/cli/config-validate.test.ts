import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runConfigValidate } from '../../../src/cli/config-validate';

function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = runConfigValidate(args, { stdout, stderr });
  return { code, out, err };
}

describe('quadrant config validate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quadrant-config-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  test('says a good file is valid on stdout and exits 0', () => {
    const r = run(['validate', file('good.yml', 'timezone: Europe/Budapest\n')]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('valid settings for every workspace');
  });

  test('prints every problem with its line on stderr and exits 1', () => {
    const r = run(['validate', file('bad.yml', 'timezone: Nowhere\nemergency:\n  ack_timeout: 3s\n')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('2 problems');
    expect(r.err).toContain('(line 1)');
    expect(r.err).toContain('emergency.ack_timeout (line 3)');
  });

  test('names the line of an alias bomb and exits 1', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');
    const r = run(['validate', file('bomb.yml', `${bomb}\n`)]);
    expect(r).toEqual({ code: 1, out: '', err: expect.stringContaining('✖ too many aliases (a YAML alias bomb?)\n    → at d[0] (line 4)') });
  });

  test('a YAML syntax problem is a sentence with its line and column, not the parser\'s dangling "at line 2, column 1:"', () => {
    const r = run(['validate', file('syntax.yml', 'timezone: UTC\n admins: [U0ADA]\n')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      [
        `${path.join(dir, 'syntax.yml')}: 2 problems`,
        '  ✖ Nested mappings are not allowed in compact mappings',
        '    → at line 1, column 11',
        '  ✖ Implicit keys need to be on a single line',
        '    → at line 1, column 11',
        '',
      ].join('\n'),
    );
  });

  test('one indentation slip repeated down a file prints the first ten problems and how many more', () => {
    const lines = ['timezone: UTC', ...Array.from({ length: 30 }, (_, i) => `${i % 2 ? '  ' : ''}k${i}: v`)];
    const r = run(['validate', file('slips.yml', `${lines.join('\n')}\n`)]);
    expect(r.code).toBe(1);
    const printed = r.err.split('\n');
    expect(printed[0]).toBe(`${path.join(dir, 'slips.yml')}: 30 problems`);
    expect(printed.filter((l) => l.startsWith('  ✖ '))).toHaveLength(10);
    expect(printed.at(-2)).toBe('  …and 20 more; fix the first ones and run this again, as later problems often follow from them.');
  });

  test.each([
    ['an empty file', ''],
    ['a file of comments', '# settings go here\n'],
    ['an empty mapping', '{}\n'],
  ])('%s is valid but empty, and says every workspace gets the defaults', (_label, text) => {
    const p = file('empty.yml', text);
    expect(run(['validate', p])).toEqual({ code: 0, out: `${p}: valid but empty: it sets nothing, so every workspace gets the default settings\n`, err: '' });
  });

  test('says a missing file is missing', () => {
    const r = run(['validate', path.join(dir, 'nope.yml')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no such file');
  });

  test('prints usage for a wrong call', () => {
    expect(run(['check']).code).toBe(2);
  });

  test.each([['--help'], ['-h']])('%s prints the usage on stdout and exits 0, wherever it is', (flag) => {
    for (const args of [[flag], ['validate', flag], ['validate', 'settings.yml', flag]]) {
      const r = run(args);
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(r.out).toMatch(/^usage: quadrant config validate FILE\n/);
    }
  });

  test('an unknown option is named in one line before the usage, not read as a file', () => {
    const r = run(['validate', '--strict', 'settings.yml']);
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
    expect(r.err.split('\n')[0]).toBe('quadrant: unknown option "--strict" for config validate');
    expect(r.err).toContain('usage: quadrant config validate FILE');
  });
});
