import { CUES, SIGNALS, type Cue, type Signal } from './classify-cues';
import { NEGATORS, tokenize } from './classify-text';

/**
 * Cue patterns compiled once into token lookups, so matching a message costs one map lookup per
 * token (plus a short prefix bucket) instead of one regex per pattern.
 */

interface Step {
  text: string;
  prefix: boolean;
}

interface Pattern {
  cue: number;
  signal: number;
  steps: Step[];
  /** Index of the step that may sit up to GAP tokens after the one before it; -1 when none. */
  gapAt: number;
  negatable: boolean;
  masks: number[];
}

const GAP = 6;
const NEGATION_WINDOW = 3;
const PREFIX_KEY = 3;
const SIGNAL_INDEX = new Map<Signal, number>(SIGNALS.map((s, i) => [s, i]));

export const SIGNAL_COUNT = SIGNALS.length;

export function signalIndex(signal: Signal): number {
  return SIGNAL_INDEX.get(signal)!;
}

function compilePattern(cue: Cue, cueIndex: number, source: string): Pattern | undefined {
  const steps: Step[] = [];
  let gapAt = -1;
  for (const part of source.split(' ')) {
    if (part === '~') {
      gapAt = steps.length;
      continue;
    }
    if (part.endsWith('*')) {
      steps.push({ text: part.slice(0, -1), prefix: true });
      continue;
    }
    for (const token of tokenize(part)) steps.push({ text: token, prefix: false });
  }
  if (steps.length === 0) return undefined;
  return {
    cue: cueIndex,
    signal: signalIndex(cue.signal),
    steps,
    gapAt,
    negatable: cue.negatable === true,
    masks: (cue.masks ?? []).map(signalIndex),
  };
}

function add(map: Map<string, Pattern[]>, key: string, pattern: Pattern): void {
  const list = map.get(key);
  if (list) list.push(pattern);
  else map.set(key, [pattern]);
}

export interface Lexicon {
  exact: Map<string, Pattern[]>;
  prefix: Map<string, Pattern[]>;
  cues: Cue[];
}

export function compileLexicon(cues: Cue[]): Lexicon {
  const exact = new Map<string, Pattern[]>();
  const prefix = new Map<string, Pattern[]>();
  cues.forEach((cue, index) => {
    for (const source of new Set(cue.patterns)) {
      const pattern = compilePattern(cue, index, source);
      if (!pattern) continue;
      const first = pattern.steps[0]!;
      if (first.prefix) add(prefix, first.text.slice(0, PREFIX_KEY), pattern);
      else add(exact, first.text, pattern);
    }
  });
  // Masking patterns run first at a position, so "calls to" hides the "calls" that starts with it.
  for (const list of [...exact.values(), ...prefix.values()]) list.sort((a, b) => b.masks.length - a.masks.length);
  return { exact, prefix, cues };
}

function stepMatches(step: Step, token: string | undefined): boolean {
  if (token === undefined) return false;
  return step.prefix ? token.startsWith(step.text) : token === step.text;
}

/** Number of tokens the pattern covers when it starts at `at`, or 0 when it does not match. */
function matchAt(pattern: Pattern, tokens: string[], at: number): number {
  let pos = at + 1;
  for (let s = 1; s < pattern.steps.length; s++) {
    const step = pattern.steps[s]!;
    if (s === pattern.gapAt) {
      const limit = Math.min(tokens.length, pos + GAP);
      let found = -1;
      for (let p = pos; p < limit; p++) {
        if (stepMatches(step, tokens[p])) {
          found = p;
          break;
        }
      }
      if (found < 0) return 0;
      pos = found + 1;
    } else {
      if (!stepMatches(step, tokens[pos])) return 0;
      pos++;
    }
  }
  return pos - at;
}

function isNegated(tokens: string[], at: number): boolean {
  for (let p = Math.max(0, at - NEGATION_WINDOW); p < at; p++) if (NEGATORS.has(tokens[p]!)) return true;
  return false;
}

/** Cue hits in one message: counts per signal, negated counts, and the first cue seen per signal. */
export interface CueHits {
  counts: Uint8Array;
  negated: Uint8Array;
  /** Index into the lexicon's cues of the first cue that fed each signal, -1 when none. */
  firstCue: Int16Array;
  /** Token position of that first cue. */
  firstPos: Int16Array;
}

export function matchCues(lexicon: Lexicon, tokens: string[]): CueHits {
  const counts = new Uint8Array(SIGNAL_COUNT);
  const negated = new Uint8Array(SIGNAL_COUNT);
  const firstCue = new Int16Array(SIGNAL_COUNT).fill(-1);
  const firstPos = new Int16Array(SIGNAL_COUNT).fill(-1);
  const maskedUntil = new Int16Array(SIGNAL_COUNT);
  // One hit per signal and position: "is down" and "is down for" at one spot count once for `down`.
  const lastPos = new Int16Array(SIGNAL_COUNT).fill(-1);
  const visit = (list: Pattern[] | undefined, at: number, token: string) => {
    if (!list) return;
    for (const pattern of list) {
      if (at < maskedUntil[pattern.signal]!) continue;
      if (!stepMatches(pattern.steps[0]!, token)) continue;
      const span = matchAt(pattern, tokens, at);
      if (span === 0) continue;
      for (const m of pattern.masks) if (maskedUntil[m]! < at + span) maskedUntil[m] = at + span;
      if (lastPos[pattern.signal] === at) continue;
      lastPos[pattern.signal] = at;
      if (pattern.negatable && isNegated(tokens, at)) {
        if (negated[pattern.signal]! < 255) negated[pattern.signal]!++;
        continue;
      }
      if (counts[pattern.signal]! < 255) counts[pattern.signal]!++;
      if (firstCue[pattern.signal] === -1) {
        firstCue[pattern.signal] = pattern.cue;
        firstPos[pattern.signal] = at;
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    visit(lexicon.exact.get(token), i, token);
    if (token.length >= PREFIX_KEY) {
      const bucket = lexicon.prefix.get(token.slice(0, PREFIX_KEY));
      if (bucket) visit(bucket, i, token);
    }
  }
  return { counts, negated, firstCue, firstPos };
}

export const LEXICON = compileLexicon(CUES);
