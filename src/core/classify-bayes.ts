import { AREAS, type Area } from './areas';
import { SIGNALS } from './classify-cues';
import { LEXICON, readCues, type CueHits } from './classify-lexicon';
import { STOPWORDS } from './classify-text';
import { toProse } from './slack-text';

/**
 * A small naive Bayes over a message's words and the cue families that fired. The families carry
 * what the rules know (an outage word, a negated call, a past date) into languages and phrasings
 * the rules never listed; the learned weights say how much each one counts. Trained on the
 * labelled corpus plus our own cases; see bench/classify-quality.bench.ts for k-fold figures.
 */

/** Word counts per area, as stored in classify-bayes-model.json. Arrays follow AREAS order. */
export interface BayesCounts {
  areas: readonly Area[];
  /** Messages per area. */
  docs: number[];
  /** Feature -> messages per area that contain it. */
  features: Record<string, number[]>;
}

export interface BayesModel {
  logPrior: Float64Array;
  /** Word features -> their row in `likelihood`; signal features live in the arrays below, by signal index. */
  rows: Map<string, number>;
  /** Log likelihood per word row and area (AREAS order), row-major in one array so a word costs one memory fetch. */
  likelihood: Float64Array;
  /** Per row, the last posterior call that counted the word: a message counts each word once, without a set per call. */
  stamps: Float64Array;
  signals: Array<Float64Array | undefined>;
  negated: Array<Float64Array | undefined>;
}

const ALPHA = 0.5;
const SIGNAL_FEATURES = SIGNALS.map((s) => `§${s}`);
const NEGATED_FEATURES = SIGNALS.map((s) => `¬${s}`);

/** Distinct content words plus one pseudo-word per cue family that fired (`§symptom`) or was negated (`¬call`). */
function bayesFeatures(tokens: readonly string[], hits: CueHits): string[] {
  const out = new Set<string>();
  // Function words say more about the writer than the area; on short messages they swamp the rest.
  for (const token of tokens) if (!STOPWORDS.has(token)) out.add(token);
  for (let i = 0; i < SIGNALS.length; i++) {
    if (hits.counts[i]! > 0) out.add(SIGNAL_FEATURES[i]!);
    if (hits.negated[i]! > 0) out.add(NEGATED_FEATURES[i]!);
  }
  return [...out];
}

export function bayesFeaturesOf(text: string): string[] {
  const { tokens, hits } = readCues(LEXICON, toProse(text).prose);
  return bayesFeatures(tokens, hits);
}

export function trainBayes(examples: Iterable<{ features: readonly string[]; area: Area }>): BayesCounts {
  const docs = AREAS.map(() => 0);
  const features: Record<string, number[]> = {};
  for (const example of examples) {
    const a = AREAS.indexOf(example.area);
    docs[a]!++;
    for (const feature of example.features) (features[feature] ??= AREAS.map(() => 0))[a]!++;
  }
  // Sorted keys keep the generated file stable from run to run.
  const sorted: Record<string, number[]> = {};
  for (const key of Object.keys(features).sort()) sorted[key] = features[key]!;
  return { areas: AREAS, docs, features: sorted };
}

/** The counts as JSON with one feature per line, so a retrained model diffs readably. */
export function formatBayesCounts(counts: BayesCounts): string {
  const lines = Object.entries(counts.features).map(([feature, perArea]) => `${JSON.stringify(feature)}:${JSON.stringify(perArea)}`);
  return `{"areas":${JSON.stringify(counts.areas)},"docs":${JSON.stringify(counts.docs)},"features":{\n${lines.join(',\n')}\n}}\n`;
}

/** Precomputes log probabilities so scoring a message costs one map lookup per word. */
export function compileBayes(counts: BayesCounts): BayesModel {
  const order = AREAS.map((area) => counts.areas.indexOf(area));
  const vocabulary = Object.keys(counts.features).length;
  const tokensPerArea = AREAS.map(() => 0);
  for (const perArea of Object.values(counts.features)) order.forEach((i, a) => (tokensPerArea[a]! += perArea[i] ?? 0));
  // A flat prior: how often each area appears in our labelled cases says nothing about a workspace's traffic,
  // and on a two-word message the prior would decide alone. The rules carry the "small async item" default.
  const logPrior = new Float64Array(AREAS.length);
  const rows = new Map<string, number>();
  const likelihood: number[] = [];
  const signals: Array<Float64Array | undefined> = SIGNALS.map(() => undefined);
  const negated: Array<Float64Array | undefined> = SIGNALS.map(() => undefined);
  for (const [feature, perArea] of Object.entries(counts.features)) {
    const ll = Float64Array.from(order, (i, a) => Math.log(((perArea[i] ?? 0) + ALPHA) / (tokensPerArea[a]! + ALPHA * vocabulary)));
    const signal = SIGNAL_FEATURES.indexOf(feature);
    const negation = NEGATED_FEATURES.indexOf(feature);
    if (signal >= 0) signals[signal] = ll;
    else if (negation >= 0) negated[negation] = ll;
    else {
      rows.set(feature, rows.size);
      likelihood.push(...ll);
    }
  }
  return { logPrior, rows, likelihood: Float64Array.from(likelihood), stamps: new Float64Array(rows.size), signals, negated };
}

// Five areas, five running sums, unrolled. This line stops compiling if the number of areas changes.
const AREA_COUNT: 5 = AREAS.length;

function add(sums: number[], ll: Float64Array, at: number): void {
  sums[0]! += ll[at]!;
  sums[1]! += ll[at + 1]!;
  sums[2]! += ll[at + 2]!;
  sums[3]! += ll[at + 3]!;
  sums[4]! += ll[at + 4]!;
}

let calls = 0;

/** The model's row for each token, remembered in the lexicon's per-token slot so a known word costs no second map lookup. */
function rowOf(model: BayesModel, token: string, slot: { lookupBy: unknown; lookup: number }): number {
  if (slot.lookupBy === model) return slot.lookup;
  slot.lookupBy = model;
  return (slot.lookup = model.rows.get(token) ?? -1);
}

/**
 * Probability per area (AREAS order) for a message's tokens and cue hits: the same features as
 * bayesFeatures(), which training uses, without building them. Stopwords never reach the model, so
 * they simply find no entry. Features the model never saw carry no evidence either way.
 */
export function bayesPosterior(model: BayesModel, tokens: readonly string[], hits: CueHits): Float64Array {
  const sums = [model.logPrior[0]!, model.logPrior[1]!, model.logPrior[2]!, model.logPrior[3]!, model.logPrior[4]!];
  const stamp = ++calls;
  const { likelihood, stamps } = model;
  for (let i = 0; i < tokens.length; i++) {
    const row = rowOf(model, tokens[i]!, hits.entries[i]!);
    if (row < 0 || stamps[row] === stamp) continue;
    stamps[row] = stamp;
    add(sums, likelihood, row * AREA_COUNT);
  }
  for (let i = 0; i < SIGNALS.length; i++) {
    if (hits.counts[i]! > 0 && model.signals[i]) add(sums, model.signals[i]!, 0);
    if (hits.negated[i]! > 0 && model.negated[i]) add(sums, model.negated[i]!, 0);
  }
  const max = Math.max(sums[0]!, sums[1]!, sums[2]!, sums[3]!, sums[4]!);
  const out = new Float64Array(AREA_COUNT);
  let total = 0;
  for (let a = 0; a < out.length; a++) total += out[a] = Math.exp(sums[a]! - max);
  for (let a = 0; a < out.length; a++) out[a]! /= total;
  return out;
}
