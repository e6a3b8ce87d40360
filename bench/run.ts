/**
 * `npm run bench`: runs every bench/<name>.bench.js in its own process (so one scenario's heap and JIT state
 * never colour another's), collects the JSON section each prints, and rewrites BENCHMARKS.md.
 * `npm run bench -- classify digest` runs only the benches whose names contain those words and replaces only
 * their sections, keeping the rest of BENCHMARKS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

/** The sections of an existing BENCHMARKS.md, so a run of a few benches replaces only theirs. */
function previousSections(markdown: string): Section[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const newline = chunk.indexOf('\n');
      return { title: chunk.slice(0, newline).trim(), markdown: chunk.slice(newline + 1) };
    });
}

function merge(previous: Section[], fresh: Section[]): Section[] {
  const out = previous.map((old) => fresh.find((s) => s.title === old.title) ?? old);
  for (const s of fresh) if (!previous.some((old) => old.title === s.title)) out.push(s);
  return out;
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
  const target = path.join(dir, '..', '..', 'BENCHMARKS.md');
  const kept = filters.length > 0 && existsSync(target) ? previousSections(readFileSync(target, 'utf8')) : [];
  if (kept.length > 0) {
    header.splice(-1, 0, `- Partial run (\`npm run bench -- ${filters.join(' ')}\`): ${sections.map((s) => s.title).join('; ')}. Every other section is from an earlier run.`);
  }
  const body = merge(kept, sections).map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`);
  writeFileSync(target, `${header.join('\n')}\n${body.join('\n')}`);
  process.stderr.write(`bench: wrote BENCHMARKS.md (${sections.length} sections)\n`);
}

main();
