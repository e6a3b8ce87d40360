/**
 * How long does laying out a 10,000-item digest take? Baseline: a plain sort of the same items by
 * priority (the least any digest must do). Candidate: layoutDigest (dedupe, sort, ages, grouping, counts).
 * Also shown: layout plus Block Kit for every message, which is what posting a digest costs in CPU.
 * CPU time (process.cpuUsage, user + system) per run; baseline and candidate alternate round by round.
 */
import { layoutDigest } from '../src/core/digest-layout';
import type { Item } from '../src/core/item';
import { PRIORITIES, priorityRank } from '../src/core/priority';
import { digestParentMessage, digestReplyMessage } from '../src/slack/blocks/digest-blocks';
import { emit, median, spread } from './lib/stats';

const N = 10_000;
const ROUNDS = 15;
const GOAL_MS = 200;
const NOW = Date.parse('2026-11-24T08:00:00Z');

function items(): Item[] {
  const texts = ['<!channel> deploy done', 'can someone review the Q3 doc <https://docs.example/q3|Q3>', 'customer asks about invoices &amp; refunds', 'x'.repeat(4000)];
  return Array.from({ length: N }, (_, i) => ({
    id: `i${(i * 7919) % N}`,
    team: 'T0TEAM',
    area: 'daily_operations',
    priority: PRIORITIES[(i * 31) % 4]!,
    text: texts[i % texts.length]!,
    author: `U0${i % 300}`,
    channel: 'C0OPS',
    status: 'open',
    reasons: [],
    confidence: 0.8,
    source: 'policy',
    createdAt: NOW - ((i * 104_729) % 1_000_000_000),
    updatedAt: NOW,
    permalink: `https://acme.slack.com/archives/C0OPS/p${1_700_000_000_000_000 + i}`,
  }));
}

let sink = 0;

function cpuMs(work: () => number): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  sink += work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const data = items();
const baseline = () => [...data].sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority)).length;
const layout = () => layoutDigest({ channel: 'C0OPS', fresh: data, carried: [], now: NOW, timezone: 'Europe/Budapest' }).replies.length;
const layoutAndRender = () => {
  const l = layoutDigest({ channel: 'C0OPS', fresh: data, carried: [], now: NOW, timezone: 'Europe/Budapest' });
  return digestParentMessage(l).blocks.length + l.replies.reduce((n, r) => n + digestReplyMessage(r).blocks.length, 0);
};

// Warm-up so the JIT has seen every path before timing starts.
for (let i = 0; i < 3; i++) sink += baseline() + layout() + layoutAndRender();

const times = { baseline: [] as number[], layout: [] as number[], render: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  times.baseline.push(cpuMs(baseline));
  times.layout.push(cpuMs(layout));
  times.render.push(cpuMs(layoutAndRender));
}

const base = median(times.baseline);
const row = (name: string, values: number[]) => `| ${name} | ${spread(values, 1)} | ${(median(values) / base).toFixed(1)}× |`;
const layoutMedian = median(times.layout);
emit(
  'Digest layout, 10,000 items',
  [
    `CPU time to lay out one channel's digest of ${N.toLocaleString('en')} open items (mixed priorities, ages and texts), ${ROUNDS} rounds alternating baseline and candidates, after a warm-up. Milliseconds: median (min–max).`,
    '',
    '| scenario | CPU ms | ratio to baseline |',
    '|---|---|---|',
    row('baseline: plain sort by priority', times.baseline),
    row('layoutDigest', times.layout),
    row('layoutDigest + Block Kit for every message', times.render),
    '',
    `Goal: layoutDigest under ${GOAL_MS} ms for 10,000 items. ${layoutMedian < GOAL_MS ? 'Met' : 'Not met'} (median ${layoutMedian.toFixed(1)} ms). Checksum ${sink}.`,
  ].join('\n'),
);
