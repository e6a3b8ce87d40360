/**
 * What did each blind round score the first time the classifier saw it? Each round of our labelled cases reached
 * test/fixtures/classifier-extra.jsonl in one commit; this replays the round with src/core as it was in the commit
 * before that one (built into a temporary directory with this checkout's TypeScript), so the first scores quoted in
 * "How the rounds went" are computed here rather than copied. The replay needs the git history; a shallow clone
 * gets a note instead of figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseLabelled, type LabelledMessage } from '../src/core/classify-eval';
import type { Verdict } from '../src/core/verdict';
import { emit } from './lib/stats';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = 'test/fixtures/classifier-extra.jsonl';
const TITLE = 'Classifier quality (first scores, replayed)';
// Round 12 is the first whose sets were all written blind and scored once before any change made from them.
const FIRST_BLIND_ROUND = 'm';
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TSC_FLAGS = ['--outDir', 'dist', '--module', 'commonjs', '--target', 'ES2022', '--moduleResolution', 'node', '--esModuleInterop', '--skipLibCheck', '--resolveJsonModule', '--types', 'node', '--rootDir', '.'];

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
const prefixOf = (id: string) => id.replace(/\d+$/, '');

interface Tally {
  messages: number;
  emergencies: number;
  caught: number;
  paged: number;
  correct: number;
}

/** Each round's prefix with the commit that added it, oldest first. */
function roundsByCommit(): Array<{ commit: string; prefixes: string[] }> {
  const seen = new Set<string>();
  const out: Array<{ commit: string; prefixes: string[] }> = [];
  for (const commit of git('log', '--reverse', '--format=%H', '--', FIXTURE).split('\n').filter(Boolean)) {
    const added = new Set<string>();
    for (const row of parseLabelled(git('show', `${commit}:${FIXTURE}`))) if (!seen.has(prefixOf(row.id))) added.add(prefixOf(row.id));
    for (const prefix of added) seen.add(prefix);
    if (added.size > 0) out.push({ commit, prefixes: [...added] });
  }
  return out;
}

/** src/core of a commit, compiled; returns its classify. */
function classifierAt(commit: string, into: string): (text: string) => Verdict {
  execFileSync('tar', ['-x', '-C', into], { input: execFileSync('git', ['archive', '--format=tar', commit, 'src/core'], { cwd: ROOT, maxBuffer: 1 << 28 }) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(into, 'node_modules'));
  try {
    execFileSync(process.execPath, [TSC, ...TSC_FLAGS, 'src/core/classify.ts'], { cwd: into, stdio: 'ignore' });
  } catch {
    // Type errors in an old tree still emit JavaScript; only a missing file below means the build failed.
  }
  return (require(path.join(into, 'dist', 'src', 'core', 'classify.js')) as { classify: (text: string) => Verdict }).classify;
}

function score(rows: LabelledMessage[], classify: (text: string) => Verdict): Tally {
  const t: Tally = { messages: rows.length, emergencies: 0, caught: 0, paged: 0, correct: 0 };
  for (const row of rows) {
    const area = classify(row.text).area;
    if (area === row.area) t.correct++;
    if (row.area === 'emergency') t.emergencies++;
    if (area === 'emergency') t.paged++;
    if (area === 'emergency' && row.area === 'emergency') t.caught++;
  }
  return t;
}

function add(a: Tally, b: Tally): Tally {
  return { messages: a.messages + b.messages, emergencies: a.emergencies + b.emergencies, caught: a.caught + b.caught, paged: a.paged + b.paged, correct: a.correct + b.correct };
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
const line = (name: string, t: Tally) =>
  `| ${name} | ${t.messages} | ${pct(t.correct, t.messages)} | ${pct(t.caught, t.emergencies)} (${t.caught} of ${t.emergencies}) | ${pct(t.caught, t.paged)} (${t.caught} of ${t.paged}) |`;

function main(): void {
  if (git('rev-parse', '--is-shallow-repository').trim() === 'true') {
    emit(TITLE, 'Not replayed: this clone has no history (`git fetch --unshallow` first).');
    return;
  }
  const rows = parseLabelled(readFileSync(path.join(ROOT, FIXTURE), 'utf8'));
  const rounds = roundsByCommit();
  const first = rounds.findIndex((r) => r.prefixes.includes(FIRST_BLIND_ROUND));
  if (first < 0) {
    emit(TITLE, `Not replayed: no commit in the history of ${FIXTURE} adds round 12 (ids "${FIRST_BLIND_ROUND}…").`);
    return;
  }
  const lines: string[] = [];
  let total: Tally = { messages: 0, emergencies: 0, caught: 0, paged: 0, correct: 0 };
  const work = mkdtempSync(path.join(os.tmpdir(), 'quadrant-replay-'));
  try {
    for (const { commit, prefixes } of rounds.slice(first)) {
      const classify = classifierAt(`${commit}^`, mkdtempSync(path.join(work, 'tree-')));
      const tally = score(rows.filter((r) => prefixes.includes(prefixOf(r.id))), classify);
      total = add(total, tally);
      lines.push(line(`${prefixes.join(', ')} (before ${commit.slice(0, 7)})`, tally));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  emit(
    TITLE,
    [
      'Each round of our blind labelled sets, scored by src/core and the learned model as they were in the last commit',
      'before the one that added the round: what the classifier did with messages it had never seen. Rounds are named by',
      'their id prefixes (what each is: the quality section above). Rounds added together in one commit share a row and',
      'were scored by the code before both.',
      '',
      '| round (id prefixes) | messages | area right | emergency recall | emergency precision |',
      '|---|---|---|---|---|',
      ...lines,
      line('**all rounds from 12 on**', total),
    ].join('\n'),
  );
}

main();
