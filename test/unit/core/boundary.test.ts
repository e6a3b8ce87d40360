import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The core decides; adapters do I/O. This keeps src/core free of Slack, Redis, queues, logs and clocks.
const CORE = path.resolve(__dirname, '../../../src/core');
const ALLOWED_PACKAGES = new Set(['luxon', 'chrono-node']);
const FORBIDDEN_CALLS: Array<[RegExp, string]> = [
  [/\bDate\.now\(/, 'Date.now() (pass `now` in)'],
  [/\bnew Date\(\)/, 'new Date() without a time (pass `now` in)'],
  [/\bprocess\.env\b/, 'process.env (config/env.ts reads it once)'],
  [/\bfetch\(/, 'fetch (I/O belongs in an adapter)'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'timers'],
];

function importsOf(source: string): Array<{ spec: string; typeOnly: boolean }> {
  const out: Array<{ spec: string; typeOnly: boolean }> = [];
  const re = /^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push({ spec: m[2] ?? m[3]!, typeOnly: Boolean(m[1]) });
  return out;
}

const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));

describe('src/core stays pure', () => {
  test.each(files)('%s imports only core modules, types and pure packages', (file) => {
    const source = readFileSync(path.join(CORE, file), 'utf8');
    for (const { spec, typeOnly } of importsOf(source)) {
      if (spec.startsWith('./')) continue;
      // Settings types are shared with the config layer; importing the type costs no I/O.
      if (spec === '../config/settings' && typeOnly) continue;
      expect(ALLOWED_PACKAGES.has(spec) ? spec : `${file} imports ${spec}${typeOnly ? ' (type)' : ''}`).toBe(spec);
    }
  });

  test.each(files)('%s calls no clock, environment, network or timer', (file) => {
    const code = readFileSync(path.join(CORE, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const [pattern, what] of FORBIDDEN_CALLS) expect(pattern.test(code) ? `${file} uses ${what}` : 'clean').toBe('clean');
  });

  test('the check sees a forbidden import', () => {
    expect(importsOf("import { Redis } from 'ioredis';\nimport type { X } from './x';")).toEqual([
      { spec: 'ioredis', typeOnly: false },
      { spec: './x', typeOnly: true },
    ]);
  });
});
