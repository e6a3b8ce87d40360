import { isArea, type Area } from './areas';
import { STOPWORDS, tokenize } from './classify-text';
import { toProse } from './slack-text';

/**
 * Per-workspace learning from corrections (triage reactions, admin fixes). A message close enough
 * to several corrections that agree takes their area: the workspace's own words beat the base rules.
 */

export interface Correction {
  text: string;
  area: Area;
  /** Epoch ms; newer corrections win a tie. */
  at: number;
}

export interface LearnedArea {
  area: Area;
  /** Similar corrections that point to `area`. */
  votes: number;
  /** Their share of all similar corrections' weight, 0..1. */
  agreement: number;
}

export interface CorrectionModel {
  readonly size: number;
  /** The area similar corrections agree on, or undefined when too few are similar or they disagree. */
  suggest(tokens: readonly string[]): LearnedArea | undefined;
}

export interface LearningOptions {
  /** Similar corrections needed before they override the rules. */
  minVotes?: number;
  /** Dice similarity of content words, 0..1, for a correction to count as similar. */
  minSimilarity?: number;
  /** Share of the similar corrections' weight the winning area needs. */
  minAgreement?: number;
}

/** Content words of a message: lower-case, no markup, code, numbers or function words. */
function contentWords(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  for (const token of tokens) {
    if (token.length < 2 || STOPWORDS.has(token)) continue;
    if (token.charCodeAt(0) >= 48 && token.charCodeAt(0) <= 57) continue;
    out.add(token);
  }
  return [...out];
}

export function contentWordsOf(text: string): string[] {
  return contentWords(tokenize(toProse(text).prose));
}

interface Learned {
  area: Area;
  at: number;
  words: number;
}

export function buildCorrectionModel(corrections: readonly Correction[], options: LearningOptions = {}): CorrectionModel {
  const minVotes = options.minVotes ?? 2;
  const minSimilarity = options.minSimilarity ?? 0.5;
  const minAgreement = options.minAgreement ?? 0.6;
  const learned: Learned[] = [];
  const index = new Map<string, number[]>();
  for (const correction of corrections) {
    if (!isArea(correction.area) || typeof correction.text !== 'string') continue;
    const words = contentWordsOf(correction.text);
    if (words.length === 0) continue;
    const id = learned.length;
    learned.push({ area: correction.area, at: correction.at, words: words.length });
    for (const word of words) {
      const list = index.get(word);
      if (list) list.push(id);
      else index.set(word, [id]);
    }
  }
  return {
    size: learned.length,
    suggest(tokens) {
      if (learned.length === 0) return undefined;
      const words = contentWords(tokens);
      if (words.length === 0) return undefined;
      const shared = new Map<number, number>();
      for (const word of words) {
        const ids = index.get(word);
        if (ids) for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      const weight = new Map<Area, { sum: number; votes: number; latest: number }>();
      let total = 0;
      for (const [id, common] of shared) {
        const entry = learned[id]!;
        const dice = (2 * common) / (words.length + entry.words);
        if (dice < minSimilarity) continue;
        total += dice;
        const w = weight.get(entry.area) ?? { sum: 0, votes: 0, latest: 0 };
        w.sum += dice;
        w.votes++;
        w.latest = Math.max(w.latest, entry.at);
        weight.set(entry.area, w);
      }
      let best: { area: Area; sum: number; votes: number; latest: number } | undefined;
      for (const [area, w] of weight) {
        if (!best || w.sum > best.sum || (w.sum === best.sum && w.latest > best.latest)) best = { area, ...w };
      }
      if (!best || best.votes < minVotes) return undefined;
      const agreement = best.sum / total;
      if (agreement < minAgreement) return undefined;
      return { area: best.area, votes: best.votes, agreement };
    },
  };
}

export const EMPTY_CORRECTION_MODEL: CorrectionModel = buildCorrectionModel([]);
