/**
 * `npm run bench`: runs every bench/<name>.bench.js in its own process (so one scenario's heap and JIT state
 * never colour another's), collects the JSON section each prints, and rewrites BENCHMARKS.md.
 * `npm run bench -- classify digest` runs only the benches whose names contain those words.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';

interface Section {
  title: string;
  markdown: string;
}

function redisVersion(): string {
  try {
    const info = execFileSync('redis-cli', ['info', 'server'], { encoding: 'utf8' });
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function main(): void {
  const filters = process.argv.slice(2);
  const dir = __dirname;
  const benches = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
    .sort();
  const sections: Section[] = [];
  for (const file of benches) {
    process.stderr.write(`bench: ${file} (load ${loadavg().map((l) => l.toFixed(2)).join(' ')})\n`);
    const run = spawnSync(process.execPath, ['--expose-gc', path.join(dir, file)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 20 * 60_000 });
    if (run.status !== 0) {
      sections.push({ title: file, markdown: `Failed (exit ${run.status ?? run.signal}); see the bench output.` });
      continue;
    }
    try {
      sections.push(JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as Section);
    } catch {
      sections.push({ title: file, markdown: 'Printed no result.' });
    }
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`; do not edit by hand. Every figure is a ratio against a baseline measured in the same run',
    'on the same machine, alternating baseline and candidate round by round; medians of several rounds, with the spread.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- Node ${process.version}, Redis ${redisVersion()}`,
    `- Load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    '',
  ];
  const body = sections.map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`);
  writeFileSync(path.join(dir, '..', '..', 'BENCHMARKS.md'), `${header.join('\n')}\n${body.join('\n')}`);
  process.stderr.write(`bench: wrote BENCHMARKS.md (${sections.length} sections)\n`);
}

main();
