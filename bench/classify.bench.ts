/**
 * How fast is classify? Messages are the development corpus and our own cases as JSON Lines, the
 * way `quadrant classify` reads them. Baseline: JSON.parse each line and lower-case its text (the
 * least any classifier must do). Candidates: JSON.parse plus classify() without `now` (no date
 * reasoning), and with `now` and a time zone (chrono runs for calls and in-person events that name
 * a date). CPU time per round (process.cpuUsage), the three alternating round by round; then each
 * message timed alone for the latency percentiles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classify, type ClassifyContext } from '../src/core/classify';
import { emit, median, percentile, spread } from './lib/stats';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = [path.resolve(ROOT, '..', 'shared', 'corpus', 'dev.jsonl'), path.resolve(ROOT, 'test', 'fixtures', 'classifier-extra.jsonl')];
const ROUNDS = 11;
const PASSES = 20;
const GOAL_PER_SECOND = 100_000;
const GOAL_P99_MS = 1;
const NOW = Date.parse('2025-03-10T09:00:00Z');

const lines = SOURCES.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const { id, text } = JSON.parse(l) as { id: string; text: string };
      return JSON.stringify({ id, text });
    }),
);

let sink = 0;

type Work = (line: string) => number;
const baseline: Work = (line) => (JSON.parse(line) as { text: string }).text.toLowerCase().length;
const withContext =
  (context: ClassifyContext): Work =>
  (line) =>
    classify((JSON.parse(line) as { text: string }).text, context).confidence;
const plain = withContext({});
const dated = withContext({ now: NOW, timezone: 'Europe/Budapest' });

/** CPU microseconds per message over PASSES passes through every line. */
function cpuMicros(work: Work): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  for (let p = 0; p < PASSES; p++) for (const line of lines) sink += work(line);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / (PASSES * lines.length);
}

function latenciesMs(work: Work): number[] {
  const out: number[] = [];
  for (let p = 0; p < 3; p++) {
    for (const line of lines) {
      const start = process.hrtime.bigint();
      sink += work(line);
      out.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return out;
}

function main(): void {
  // Warm up: JIT and the token memo settle before anything is measured.
  for (const work of [baseline, plain, dated]) for (let p = 0; p < 3; p++) for (const line of lines) sink += work(line);
  const rounds = { baseline: [] as number[], plain: [] as number[], dated: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    rounds.baseline.push(cpuMicros(baseline));
    rounds.plain.push(cpuMicros(plain));
    rounds.dated.push(cpuMicros(dated));
  }
  const perSecond = (micros: number[]) => micros.map((m) => 1e6 / m);
  const ratio = (micros: number[]) => micros.map((m, i) => m / rounds.baseline[i]!);
  const plainLatency = latenciesMs(plain);
  const datedLatency = latenciesMs(dated);
  const rate = { plain: median(perSecond(rounds.plain)), dated: median(perSecond(rounds.dated)) };
  const p99 = { plain: percentile(plainLatency, 99), dated: percentile(datedLatency, 99) };
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');

  const markdown = [
    `${lines.length} messages (the development corpus and our own cases), ${PASSES} passes per round, ${ROUNDS} rounds, one process, one core.`,
    'CPU time per message; messages per second is its inverse. Ratio: candidate time over the baseline time of the same round.',
    '',
    '| work per message | µs (median, min–max) | messages/s (median) | ratio to baseline |',
    '|---|---|---|---|',
    `| baseline: JSON.parse + toLowerCase | ${spread(rounds.baseline, 2)} | ${Math.round(median(perSecond(rounds.baseline))).toLocaleString('en')} | 1 |`,
    `| JSON.parse + classify, no date reasoning | ${spread(rounds.plain, 2)} | ${Math.round(rate.plain).toLocaleString('en')} | ${spread(ratio(rounds.plain), 0)} |`,
    `| JSON.parse + classify with now + time zone | ${spread(rounds.dated, 2)} | ${Math.round(rate.dated).toLocaleString('en')} | ${spread(ratio(rounds.dated), 0)} |`,
    '',
    '| latency per message (wall clock) | p50 | p99 | max |',
    '|---|---|---|---|',
    `| classify, no date reasoning | ${percentile(plainLatency, 50).toFixed(3)} ms | ${p99.plain.toFixed(3)} ms | ${Math.max(...plainLatency).toFixed(3)} ms |`,
    `| classify with now + time zone | ${percentile(datedLatency, 50).toFixed(3)} ms | ${p99.dated.toFixed(3)} ms | ${Math.max(...datedLatency).toFixed(3)} ms |`,
    '',
    `Goal: at least ${GOAL_PER_SECOND.toLocaleString('en')} messages/s on one core and p99 under ${GOAL_P99_MS} ms.`,
    `Without date reasoning: ${met(rate.plain >= GOAL_PER_SECOND)} (rate), ${met(p99.plain < GOAL_P99_MS)} (p99).`,
    `With now: ${met(rate.dated >= GOAL_PER_SECOND)} (rate), ${met(p99.dated < GOAL_P99_MS)} (p99).`,
    'The difference between the two rows is chrono: it runs only for calls and in-person events whose text names a date,',
    'on a window around the date word, and costs far more than the rest of a classification.',
  ].join('\n');
  emit('Classifier speed', markdown);
  if (sink === 42) process.stderr.write('');
}

main();
