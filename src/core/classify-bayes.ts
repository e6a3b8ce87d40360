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
  /** Messages per flag column (FLAG_COLUMNS): the Eisenhower flags, learned per area. */
  flagDocs: number[];
  /** Feature -> messages per flag column that contain it; only features seen outside emergencies. */
  flags: Record<string, number[]>;
}

/**
 * The urgent and important flags are learned per area (every emergency is both, so it has none): for each
 * other area, four columns, [not important, important, not urgent, urgent]. What makes a meeting important
 * (a customer, a decision) is not what makes an event important (a booth, a customer visit).
 */
const FLAG_AREAS: readonly Area[] = AREAS.filter((a) => a !== 'emergency');
const FLAG_COLUMNS = FLAG_AREAS.length * 4;
const FLAG_BASE: readonly number[] = AREAS.map((a) => (a === 'emergency' ? -1 : FLAG_AREAS.indexOf(a) * 4));

export interface FlagExample {
  urgent: boolean;
  important: boolean;
}

export interface BayesModel {
  logPrior: Float64Array;
  /** Word features -> their row in `likelihood`; signal features live in the arrays below, by signal index. */
  rows: Map<string, number>;
  /** Log likelihood per word row and area (AREAS order), row-major in one array so a word costs one memory fetch. */
  likelihood: Float64Array;
  /** Per row, the last posterior call that counted the word: a message counts each word once, without a set per call. */
  stamps: Float64Array;
  /** The rows the last posterior call counted, in `seen[0..seenCount)`: flagOdds reads them for the area chosen. */
  seen: Int32Array;
  seenCount: number;
  /** The tokens of that call, so flagOdds can tell it is asked about the same message. */
  seenTokens: readonly string[] | undefined;
  /** Likewise its signal features: a signal's index when it fired, SIGNALS.length + index when it was negated. */
  seenSignals: Int32Array;
  seenSignalCount: number;
  signals: Array<Float64Array | undefined>;
  negated: Array<Float64Array | undefined>;
  /** Log prior per flag column. */
  flagPrior: Float64Array;
  /**
   * Per area (FLAG_AREAS order), log likelihood per word row and the area's four flag columns, row-major; 0 where the
   * area never saw the word. One small array per area: a message reads only its own area's, which stays in cache.
   */
  flagLikelihood: Float32Array[];
  flagSignals: Array<Float64Array | undefined>;
  flagNegated: Array<Float64Array | undefined>;
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

/** The two flag columns an example counts in, within its area's four. */
function flagColumns(base: number, example: FlagExample): [number, number] {
  return [base + (example.important ? 1 : 0), base + (example.urgent ? 3 : 2)];
}

// Sorted keys keep the generated file stable from run to run.
function sortedByKey(record: Record<string, number[]>): Record<string, number[]> {
  const sorted: Record<string, number[]> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}

export function trainBayes(examples: Iterable<{ features: readonly string[]; area: Area } & FlagExample>): BayesCounts {
  const docs = AREAS.map(() => 0);
  const features: Record<string, number[]> = {};
  const flagDocs = new Array<number>(FLAG_COLUMNS).fill(0);
  const flags: Record<string, number[]> = {};
  for (const example of examples) {
    const a = AREAS.indexOf(example.area);
    docs[a]!++;
    for (const feature of example.features) (features[feature] ??= AREAS.map(() => 0))[a]!++;
    const base = FLAG_BASE[a]!;
    if (base < 0) continue;
    const columns = flagColumns(base, example);
    for (const c of columns) flagDocs[c]!++;
    for (const feature of example.features) {
      const row = (flags[feature] ??= new Array<number>(FLAG_COLUMNS).fill(0));
      for (const c of columns) row[c]!++;
    }
  }
  return { areas: AREAS, docs, features: sortedByKey(features), flagDocs, flags: sortedByKey(flags) };
}

/** The counts as JSON with one feature per line, so a retrained model diffs readably. */
export function formatBayesCounts(counts: BayesCounts): string {
  const lines = (record: Record<string, number[]>) => Object.entries(record).map(([feature, perColumn]) => `${JSON.stringify(feature)}:${JSON.stringify(perColumn)}`).join(',\n');
  return (
    `{"areas":${JSON.stringify(counts.areas)},"docs":${JSON.stringify(counts.docs)},"features":{\n${lines(counts.features)}\n},\n` +
    `"flagDocs":${JSON.stringify(counts.flagDocs)},"flags":{\n${lines(counts.flags)}\n}}\n`
  );
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
  return {
    logPrior,
    rows,
    likelihood: Float64Array.from(likelihood),
    stamps: new Float64Array(rows.size),
    seen: new Int32Array(rows.size),
    seenCount: 0,
    seenTokens: undefined,
    seenSignals: new Int32Array(2 * SIGNALS.length),
    seenSignalCount: 0,
    signals,
    negated,
    ...compileFlags(counts, rows),
  };
}

function staleModel(why: string): Error {
  return new Error(`the classifier model does not fit this code (${why}); retrain it: npm run build && node dist/bench/classify-quality.bench.js --write-model`);
}

/**
 * The flags' log likelihoods, one naive Bayes per area and flag over the same features, laid out by the word
 * rows of the area model so a message's words are looked up once for both. A word the area never saw adds 0
 * to both columns of its flags: no evidence either way.
 */
function compileFlags(counts: BayesCounts, rows: ReadonlyMap<string, number>): Pick<BayesModel, 'flagPrior' | 'flagLikelihood' | 'flagSignals' | 'flagNegated'> {
  // The flag columns follow AREAS; a model trained for other areas, or before flags were learned, must be retrained.
  if (counts.areas.join() !== AREAS.join()) throw staleModel(`it was trained for the areas ${counts.areas.join(', ')}`);
  if (!counts.flags || counts.flagDocs?.length !== FLAG_COLUMNS) throw staleModel('it has no flag counts');
  const vocabulary = new Array<number>(FLAG_COLUMNS).fill(0);
  const totals = new Array<number>(FLAG_COLUMNS).fill(0);
  for (const perColumn of Object.values(counts.flags)) {
    for (let c = 0; c < FLAG_COLUMNS; c += 2) {
      const seen = perColumn[c]! + perColumn[c + 1]!;
      if (seen === 0) continue;
      vocabulary[c]!++;
      vocabulary[c + 1]!++;
      totals[c]! += perColumn[c]!;
      totals[c + 1]! += perColumn[c + 1]!;
    }
  }
  const flagPrior = Float64Array.from({ length: FLAG_COLUMNS }, (_, c) => {
    const pair = c - (c % 2);
    return Math.log((counts.flagDocs[c]! + 1) / (counts.flagDocs[pair]! + counts.flagDocs[pair + 1]! + 2));
  });
  const ll = (perColumn: readonly number[]) =>
    Float64Array.from({ length: FLAG_COLUMNS }, (_, c) => {
      const pair = c - (c % 2);
      if (perColumn[pair]! + perColumn[pair + 1]! === 0) return 0;
      return Math.log((perColumn[c]! + ALPHA) / (totals[c]! + ALPHA * vocabulary[c]!));
    });
  const flagLikelihood = FLAG_AREAS.map(() => new Float32Array(rows.size * 4));
  const flagSignals: Array<Float64Array | undefined> = SIGNALS.map(() => undefined);
  const flagNegated: Array<Float64Array | undefined> = SIGNALS.map(() => undefined);
  for (const [feature, perColumn] of Object.entries(counts.flags)) {
    const signal = SIGNAL_FEATURES.indexOf(feature);
    const negation = NEGATED_FEATURES.indexOf(feature);
    if (signal >= 0) flagSignals[signal] = ll(perColumn);
    else if (negation >= 0) flagNegated[negation] = ll(perColumn);
    else {
      // Every flag feature is a word feature too when both were counted from the same messages.
      const row = rows.get(feature);
      if (row === undefined) throw staleModel(`its flag feature ${JSON.stringify(feature)} is no word feature`);
      const columns = ll(perColumn);
      flagLikelihood.forEach((perArea, f) => perArea.set(columns.subarray(f * 4, f * 4 + 4), row * 4));
    }
  }
  return { flagPrior, flagLikelihood, flagSignals, flagNegated };
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
 * they simply find no entry. Features the model never saw carry no evidence either way. A temperature
 * above 1 divides the log odds, softening a posterior that naive Bayes makes too sure of itself.
 */
export function bayesPosterior(model: BayesModel, tokens: readonly string[], hits: CueHits, temperature = 1): Float64Array {
  const sums = [model.logPrior[0]!, model.logPrior[1]!, model.logPrior[2]!, model.logPrior[3]!, model.logPrior[4]!];
  const stamp = ++calls;
  const { likelihood, stamps, seen } = model;
  let seenCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const row = rowOf(model, tokens[i]!, hits.entries[i]!);
    if (row < 0 || stamps[row] === stamp) continue;
    stamps[row] = stamp;
    seen[seenCount++] = row;
    add(sums, likelihood, row * AREA_COUNT);
  }
  model.seenCount = seenCount;
  model.seenTokens = tokens;
  const { seenSignals } = model;
  let seenSignalCount = 0;
  for (let i = 0; i < SIGNALS.length; i++) {
    if (hits.counts[i]! > 0) {
      seenSignals[seenSignalCount++] = i;
      if (model.signals[i]) add(sums, model.signals[i]!, 0);
    }
    if (hits.negated[i]! > 0) {
      seenSignals[seenSignalCount++] = SIGNALS.length + i;
      if (model.negated[i]) add(sums, model.negated[i]!, 0);
    }
  }
  model.seenSignalCount = seenSignalCount;
  const max = Math.max(sums[0]!, sums[1]!, sums[2]!, sums[3]!, sums[4]!);
  const out = new Float64Array(AREA_COUNT);
  let total = 0;
  for (let a = 0; a < out.length; a++) total += out[a] = Math.exp((sums[a]! - max) / temperature);
  for (let a = 0; a < out.length; a++) out[a]! /= total;
  return out;
}

/**
 * Log odds that a message of the area is important and urgent, from the words and cue families the last
 * bayesPosterior call on this model counted; call it right after, with the same tokens (it checks). Undefined
 * for emergencies. Only the area's four columns are read: the area is known by now.
 */
export function flagOdds(model: BayesModel, tokens: readonly string[], area: Area): { important: number; urgent: number } | undefined {
  if (model.seenTokens !== tokens) throw new Error('flagOdds asked about another message than the last bayesPosterior call');
  const base = FLAG_BASE[AREAS.indexOf(area)]!;
  if (base < 0) return undefined;
  const { seen } = model;
  const words = model.flagLikelihood[base / 4]!;
  const sums = [model.flagPrior[base]!, model.flagPrior[base + 1]!, model.flagPrior[base + 2]!, model.flagPrior[base + 3]!];
  for (let i = 0; i < model.seenCount; i++) addFour(sums, words, seen[i]! * 4);
  for (let i = 0; i < model.seenSignalCount; i++) {
    const signal = model.seenSignals[i]!;
    const ll = signal < SIGNALS.length ? model.flagSignals[signal] : model.flagNegated[signal - SIGNALS.length];
    if (ll) addFour(sums, ll, base);
  }
  return { important: sums[1]! - sums[0]!, urgent: sums[3]! - sums[2]! };
}

// [not important, important, not urgent, urgent] of one area, as `add` does for the five areas.
function addFour(sums: number[], ll: Float64Array | Float32Array, at: number): void {
  sums[0]! += ll[at]!;
  sums[1]! += ll[at + 1]!;
  sums[2]! += ll[at + 2]!;
  sums[3]! += ll[at + 3]!;
}
