import { CUES, SIGNALS, type Cue, type Signal } from './classify-cues';
import { isTokenChar, NEGATORS, tokenize, tokenText } from './classify-text';
import { HASH_SEED, hashStep, TokenTable } from './token-table';

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

const SIGNAL_COUNT = SIGNALS.length;

function signalIndex(signal: Signal): number {
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

/** The patterns a token can start, split by what must follow it so most are ruled out by one lookup. */
interface Candidates {
  /** The memo's own copy of the token. */
  token: string;
  /** Whether the token turns the cue after it around (NEGATORS). */
  negator: boolean;
  /** Whether some phrase has the token as its second step: only then can a `next` or `gap` lookup find it. */
  follower: boolean;
  /** A slot for one other per-token lookup (the learned model's row for the token) and whose lookup it holds. */
  lookupBy: unknown;
  lookup: number;
  /** "a b ...": keyed by the token that must come right after. */
  next: ReadonlyMap<string, Pattern[]>;
  /** "a ~ b": keyed by `b`, which may come up to GAP tokens later. */
  gap: ReadonlyMap<string, Pattern[]>;
  // Whether next/gap hold anything: Map#size is a getter call, and most tokens start no phrase.
  hasNext: boolean;
  hasGap: boolean;
  /** Anything else with more than one step (a prefix second step). */
  other: readonly Pattern[];
  /** One-step patterns; they run last at a position so longer matches can mask them ("calls to" hides "calls"). */
  single: readonly Pattern[];
}

export interface Lexicon {
  exact: Map<string, Pattern[]>;
  prefix: Map<string, Pattern[]>;
  /** The texts of every phrase's second step (see Candidates.follower). */
  followers: Set<string>;
  cues: Cue[];
  /** Token -> its candidates, filled as tokens are first seen. */
  memo: TokenTable<Candidates>;
}

// Vocabulary grows slowly; past this many distinct tokens the memo starts over rather than grow without bound.
const MEMO_LIMIT = 50_000;

function compileLexicon(cues: Cue[]): Lexicon {
  const exact = new Map<string, Pattern[]>();
  const prefix = new Map<string, Pattern[]>();
  const followers = new Set<string>();
  cues.forEach((cue, index) => {
    for (const source of new Set(cue.patterns)) {
      const pattern = compilePattern(cue, index, source);
      if (!pattern) continue;
      const first = pattern.steps[0]!;
      if (first.prefix) add(prefix, first.text.slice(0, PREFIX_KEY), pattern);
      else add(exact, first.text, pattern);
      const second = pattern.steps[1];
      if (second && !second.prefix) followers.add(second.text);
    }
  });
  return { exact, prefix, followers, cues, memo: new TokenTable(MEMO_LIMIT) };
}

function stepMatches(step: Step, token: string | undefined): boolean {
  if (token === undefined) return false;
  return step.prefix ? token.startsWith(step.text) : token === step.text;
}

// Most tokens start no phrase; they share these empty containers, which keeps the memo small enough to stay in cache.
const NO_FOLLOWERS: ReadonlyMap<string, Pattern[]> = new Map();
const NO_PATTERNS: readonly Pattern[] = [];

function candidates(lexicon: Lexicon, token: string): Candidates {
  const all = [...(lexicon.exact.get(token) ?? [])];
  if (token.length >= PREFIX_KEY) {
    for (const pattern of lexicon.prefix.get(token.slice(0, PREFIX_KEY)) ?? []) if (token.startsWith(pattern.steps[0]!.text)) all.push(pattern);
  }
  const next = new Map<string, Pattern[]>();
  const gap = new Map<string, Pattern[]>();
  const other: Pattern[] = [];
  const single: Pattern[] = [];
  for (const pattern of all) {
    const second = pattern.steps[1];
    if (!second) single.push(pattern);
    else if (second.prefix) other.push(pattern);
    else add(pattern.gapAt === 1 ? gap : next, second.text, pattern);
  }
  return {
    token,
    negator: NEGATORS.has(token),
    follower: lexicon.followers.has(token),
    lookupBy: undefined,
    lookup: -1,
    next: next.size > 0 ? next : NO_FOLLOWERS,
    gap: gap.size > 0 ? gap : NO_FOLLOWERS,
    hasNext: next.size > 0,
    hasGap: gap.size > 0,
    other: other.length > 0 ? other : NO_PATTERNS,
    single: single.length > 0 ? single : NO_PATTERNS,
  };
}

/** The memo's candidates for `text.slice(start, end)`, whose hash is `hash`; the slice is cut out only for a token never seen before. */
function candidatesAt(lexicon: Lexicon, text: string, start: number, end: number, hash: number): Candidates {
  const known = lexicon.memo.find(text, start, end, hash);
  if (known) return known;
  const found = candidates(lexicon, text.slice(start, end));
  lexicon.memo.add(found, hash);
  return found;
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

/** Whether a negator sits up to NEGATION_WINDOW tokens before `at`, in the same clause (from `clause`). */
function isNegated(found: readonly Candidates[], at: number, clause: number): boolean {
  for (let p = Math.max(clause, at - NEGATION_WINDOW); p < at; p++) if (found[p]!.negator) return true;
  return false;
}

/** Cue hits in one message: counts per signal, negated counts, and the first cue seen per signal. */
export interface CueHits {
  /** Per token, its memo entry: `lookup` lets another module remember its own lookup for the token. */
  entries: ReadonlyArray<{ lookupBy: unknown; lookup: number }>;
  counts: number[];
  negated: number[];
  /** Index into the lexicon's cues of the first cue that fed each signal, -1 when none. */
  firstCue: number[];
}

// Scratch space reused by every call; matchCues runs to completion before anything else can use it.
const maskedUntil = new Int16Array(SIGNAL_COUNT);
const lastPos = new Int16Array(SIGNAL_COUNT);
const negatedAt = new Int16Array(SIGNAL_COUNT);
const ZEROS: number[] = new Array<number>(SIGNAL_COUNT).fill(0);
const NONE_YET: number[] = new Array<number>(SIGNAL_COUNT).fill(-1);
// A negation carries over to the same kind of cue right after it: "no need to hop on a call".
const NEGATION_CARRY = 4;

/**
 * A negation stops at the end of its sentence or line: in "threatening not to renew. Call is at 2pm"
 * the call is on, and in "not urgent.call me" too. Commas and dashes do not end it ("no rush, call
 * whenever"), nor does a dot between digits ("no 14.30 call", "v1.2").
 */
function endsClause(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code === 46 /* . */) return !(isDigit(text.charCodeAt(i - 1)) || isDigit(text.charCodeAt(i + 1)));
  return code === 33 /* ! */ || code === 63 /* ? */ || code === 10 /* \n */ || code === 59 /* ; */ || code === 0x2026 /* … */;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function hit(hits: CueHits, found: readonly Candidates[], clauses: readonly number[], pattern: Pattern, at: number, span: number): void {
  const signal = pattern.signal;
  if (at < maskedUntil[signal]!) return;
  const masks = pattern.masks;
  for (let i = 0; i < masks.length; i++) if (maskedUntil[masks[i]!]! < at + span) maskedUntil[masks[i]!] = at + span;
  // One hit per signal and position: "is down" and "is down for" at one spot count once for `down`.
  if (lastPos[signal] === at) return;
  lastPos[signal] = at;
  const clause = clauses[at]!;
  if (pattern.negatable && ((at - negatedAt[signal]! <= NEGATION_CARRY && negatedAt[signal]! >= clause) || isNegated(found, at, clause))) {
    hits.negated[signal]!++;
    negatedAt[signal] = at;
    return;
  }
  hits.counts[signal]!++;
  if (hits.firstCue[signal] === -1) hits.firstCue[signal] = pattern.cue;
}

/** A message's tokens (the memo's copies, so later map lookups reuse their hash) and its cue hits. */
export interface CueReading {
  tokens: string[];
  hits: CueHits;
}

/** Tokenizes lower-cased prose as tokenize() does and matches every cue against the tokens. */
export function readCues(lexicon: Lexicon, prose: string): CueReading {
  const text = tokenText(prose);
  const tokens: string[] = [];
  const found: Candidates[] = [];
  const clauses: number[] = [];
  let clause = 0;
  // tokenize()'s scan (a test holds the two equal), hashing each token's chars as they are read: one pass over the
  // text. Calling tokenStart/tokenEnd and hashSlice instead cost about 4% of a classification in an A/B.
  for (let i = 0; i < text.length; ) {
    let code = text.charCodeAt(i);
    if (!isTokenChar(code)) {
      if (endsClause(text, i)) clause = tokens.length;
      i++;
      continue;
    }
    const start = i;
    let hash = HASH_SEED;
    do {
      hash = hashStep(hash, code);
      i++;
    } while (i < text.length && isTokenChar((code = text.charCodeAt(i))));
    const entry = candidatesAt(lexicon, text, start, i, hash);
    found.push(entry);
    tokens.push(entry.token);
    clauses.push(clause);
  }
  return { tokens, hits: matchCues(found, tokens, clauses) };
}

function matchCues(found: Candidates[], tokens: string[], clauses: number[]): CueHits {
  const n = tokens.length;
  // Plain arrays copied from templates: a typed array over 64 bytes is allocated off the heap, ~20x slower.
  const hits: CueHits = { entries: found, counts: ZEROS.slice(), negated: ZEROS.slice(), firstCue: NONE_YET.slice() };
  maskedUntil.fill(0);
  lastPos.fill(-1);
  negatedAt.fill(-100);
  for (let at = 0; at < n; at++) {
    const here = found[at]!;
    if (here.hasNext && at + 1 < n && found[at + 1]!.follower) {
      const list = here.next.get(tokens[at + 1]!);
      if (list) {
        for (let i = 0; i < list.length; i++) {
          const pattern = list[i]!;
          // The map key was the second step, so a two-step pattern has matched already.
          const span = pattern.steps.length === 2 ? 2 : matchAt(pattern, tokens, at);
          if (span > 0) hit(hits, found, clauses, pattern, at, span);
        }
      }
    }
    if (here.hasGap) {
      const limit = Math.min(n, at + 1 + GAP);
      for (let p = at + 1; p < limit; p++) {
        if (!found[p]!.follower) continue;
        const list = here.gap.get(tokens[p]!);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const pattern = list[i]!;
          const span = pattern.steps.length === 2 ? p - at + 1 : matchAt(pattern, tokens, at);
          if (span > 0) hit(hits, found, clauses, pattern, at, span);
        }
      }
    }
    for (let i = 0; i < here.other.length; i++) {
      const span = matchAt(here.other[i]!, tokens, at);
      if (span > 0) hit(hits, found, clauses, here.other[i]!, at, span);
    }
    for (let i = 0; i < here.single.length; i++) hit(hits, found, clauses, here.single[i]!, at, 1);
  }
  return hits;
}


export const LEXICON = compileLexicon(CUES);

/** Whether a cue of the signal matched without being negated. */
export function hasCue(hits: CueHits, signal: number): boolean {
  return hits.counts[signal]! > 0;
}

/** The reason text of the first cue that fed a signal. */
export function labelOf(hits: CueHits, signal: number): string {
  const cue = hits.firstCue[signal]!;
  return cue >= 0 ? LEXICON.cues[cue]!.label : '';
}
