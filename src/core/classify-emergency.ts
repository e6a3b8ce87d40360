import { SIG, type Signal } from './classify-cues';
import { labelOf, type CueHits } from './classify-lexicon';
import type { Contribution } from './classify-score';

/**
 * How much a message reads like an emergency. Evidence adds up (something is broken, for many,
 * now, in production); what takes it back multiplies, so "staging" or "yesterday's retro" cuts
 * ten alarm words as surely as one.
 */

export interface EmergencyFacts {
  broadcast: boolean;
  exclaim: boolean;
  bullets: number;
  emojiWeight: number;
  emojiLabel?: string;
}

export interface EmergencyScore {
  score: number;
  /** Evidence before anything took it back. */
  alarm: number;
  /** What the defusers left of it, 0..1 (1: nothing took it back). */
  factor: number;
}

interface Table {
  signal: Int16Array;
  weight: Float64Array;
  cap: Uint8Array;
}

// Rows are [signal, weight per hit, hits counted at most], kept as typed arrays for the hot loop.
function table(rows: Array<[Signal, number, number]>): Table {
  return { signal: Int16Array.from(rows, (r) => SIG[r[0]]), weight: Float64Array.from(rows, (r) => r[1]), cap: Uint8Array.from(rows, (r) => r[2]) };
}

const CORE = table([
  ['severe', 2.4, 2],
  ['security', 1.5, 2],
  ['down', 1.6, 1],
  ['symptom', 0.9, 3],
  ['blocked', 1.5, 2],
  ['incident', 0.7, 1],
  ['alarmWord', 0.4, 1],
  ['problem', 0.5, 2],
]);
// Breadth, immediacy and place: they only count fully beside a failure.
const CONTEXT = table([
  ['scope', 0.7, 2],
  ['live', 0.5, 2],
  ['prod', 0.4, 2],
  ['customer', 0.4, 1],
  ['action', 0.5, 2],
  ['ongoing', 0.4, 1],
  ['urgentWord', 0.3, 1],
]);

/** Adds the emergency's reasons to `contributions` (defusers with negative weights) and returns its score. */
export function scoreEmergency(hits: CueHits, facts: EmergencyFacts, contributions: Contribution[]): EmergencyScore {
  const counts = hits.counts;
  const has = (signal: number) => counts[signal]! > 0;
  let evidence = 0;
  const add = (weight: number, label: string) => {
    evidence += weight;
    contributions.push({ area: 'emergency', weight, label });
  };
  const terms = (t: Table, scale: number) => {
    for (let i = 0; i < t.signal.length; i++) {
      const count = counts[t.signal[i]!]!;
      if (count > 0) add(scale * t.weight[i]! * Math.min(count, t.cap[i]!), labelOf(hits, t.signal[i]!));
    }
  };

  terms(CORE, 1);
  if (facts.emojiLabel) add(facts.emojiWeight, facts.emojiLabel);
  if (has(SIG.problem) && (has(SIG.scope) || has(SIG.customer)) && !has(SIG.limited)) add(0.8, 'something is wrong for customers');
  const core = evidence;
  // Without a failure word, breadth + now + a production system still reads like an incident ("empty cart for every user since 10:00").
  const broadNow = has(SIG.scope) && has(SIG.live) && (has(SIG.prod) || has(SIG.customer));
  terms(CONTEXT, core > 0 ? 1 : broadNow ? 0.8 : 0.25);
  if (core > 0 && facts.broadcast) add(0.4, 'notifies the whole channel');
  if (core > 0 && facts.exclaim) add(0.2, 'sounds alarmed');
  const alarm = evidence;
  if (alarm === 0) return { score: 0, alarm, factor: 1 };

  let factor = 1;
  const defuse = (applies: boolean, by: number, label: string) => {
    if (!applies) return;
    factor *= by;
    contributions.push({ area: 'emergency', weight: Math.log(by), label });
  };
  const broken = has(SIG.severe) || has(SIG.down) || has(SIG.symptom) || has(SIG.blocked) || has(SIG.problem);
  const live = (has(SIG.live) || has(SIG.ongoing)) && broken;
  // Only "still", "again", "not fixed" outweigh a "resolved" or a "yesterday's".
  const ongoing = has(SIG.ongoing) && broken;
  const label = (signal: number) => labelOf(hits, signal);
  defuse(has(SIG.drill), 0.15, label(SIG.drill));
  defuse(has(SIG.calm), 0.25, label(SIG.calm));
  defuse(has(SIG.limited), has(SIG.scope) || has(SIG.customer) ? 0.75 : 0.45, label(SIG.limited));
  defuse(has(SIG.advice), 0.35, label(SIG.advice));
  defuse(has(SIG.feedback) && !live, 0.6, label(SIG.feedback));
  defuse(has(SIG.casual), has(SIG.severe) ? 0.8 : 0.35, label(SIG.casual));
  defuse(has(SIG.praise), 0.6, label(SIG.praise));
  defuse(has(SIG.resolved), ongoing ? 0.7 : 0.3, label(SIG.resolved));
  defuse(has(SIG.past), ongoing ? 0.85 : live ? 0.6 : 0.4, label(SIG.past));
  defuse(has(SIG.doc), live ? 0.8 : 0.45, label(SIG.doc));
  defuse(has(SIG.docWeak) && !live, 0.8, label(SIG.docWeak));
  defuse(has(SIG.proposal) || has(SIG.musing), 0.5, label(has(SIG.proposal) ? SIG.proposal : SIG.musing));
  defuse(has(SIG.strategy) || has(SIG.decision) || has(SIG.comments), 0.7, 'is about planning');
  defuse((has(SIG.call) || has(SIG.meeting)) && !live, 0.6, 'asks for a meeting');
  defuse(has(SIG.offsite) || has(SIG.event) || has(SIG.social), 0.5, 'is an in-person event');
  defuse(has(SIG.question) && !live, 0.85, label(SIG.question));
  defuse(has(SIG.trivial), 0.6, label(SIG.trivial));
  defuse(facts.bullets >= 3 && !has(SIG.severe), 0.5, 'is a status update');
  return { score: evidence * factor, alarm, factor };
}
