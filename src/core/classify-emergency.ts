import { SIG, type Signal } from './classify-cues';
import { hasCue, labelOf, type CueHits } from './classify-lexicon';
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
  /**
   * What the takebacks a message states outright left of it: a drill, "can wait", one person, resolved, past, casual,
   * praise, a warning, an in-person event. The others (a question, a meeting, a document, planning, a round-up) are
   * guesses about what the rest of the message is for.
   */
  stated: number;
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

// Module functions rather than closures made per message: no allocation, and V8 keeps their optimized code across GCs.
// Each takes the running evidence and returns it with its term added, in the same order as a running sum.
function add(evidence: number, weight: number, label: string, contributions: Contribution[]): number {
  contributions.push({ area: 'emergency', weight, label });
  return evidence + weight;
}

function addTerms(evidence: number, t: Table, scale: number, hits: CueHits, contributions: Contribution[]): number {
  for (let i = 0; i < t.signal.length; i++) {
    const count = hits.counts[t.signal[i]!]!;
    if (count > 0) evidence = add(evidence, scale * t.weight[i]! * Math.min(count, t.cap[i]!), labelOf(hits, t.signal[i]!), contributions);
  }
  return evidence;
}

interface Takeback {
  factor: number;
  stated: number;
}

/** Applies a defuser when it applies; a stated one also counts in `stated`. */
function defuse(takeback: Takeback, applies: boolean, by: number, label: string, contributions: Contribution[], stated = false): void {
  if (!applies) return;
  contributions.push({ area: 'emergency', weight: Math.log(by), label });
  takeback.factor *= by;
  if (stated) takeback.stated *= by;
}

/** Adds the emergency's reasons to `contributions` (defusers with negative weights) and returns its score. */
export function scoreEmergency(hits: CueHits, facts: EmergencyFacts, contributions: Contribution[]): EmergencyScore {
  let evidence = addTerms(0, CORE, 1, hits, contributions);
  if (facts.emojiLabel) evidence = add(evidence, facts.emojiWeight, facts.emojiLabel, contributions);
  if (hasCue(hits, SIG.problem) && (hasCue(hits, SIG.scope) || hasCue(hits, SIG.customer)) && !hasCue(hits, SIG.limited)) evidence = add(evidence, 0.8, 'something is wrong for customers', contributions);
  const core = evidence;
  // Without a failure word, breadth + now + a production system still reads like an incident ("empty cart for every user since 10:00").
  const broadNow = hasCue(hits, SIG.scope) && hasCue(hits, SIG.live) && (hasCue(hits, SIG.prod) || hasCue(hits, SIG.customer));
  evidence = addTerms(evidence, CONTEXT, core > 0 ? 1 : broadNow ? 0.8 : 0.25, hits, contributions);
  if (core > 0 && facts.broadcast) evidence = add(evidence, 0.4, 'notifies the whole channel', contributions);
  if (core > 0 && facts.exclaim) evidence = add(evidence, 0.2, 'sounds alarmed', contributions);
  const alarm = evidence;
  if (alarm === 0) return { score: 0, alarm, factor: 1, stated: 1 };

  const t: Takeback = { factor: 1, stated: 1 };
  const broken = hasCue(hits, SIG.severe) || hasCue(hits, SIG.security) || hasCue(hits, SIG.down) || hasCue(hits, SIG.symptom) || hasCue(hits, SIG.blocked) || hasCue(hits, SIG.problem);
  const live = (hasCue(hits, SIG.live) || hasCue(hits, SIG.ongoing)) && broken;
  // Only "still", "again", "not fixed" outweigh a "resolved" or a "yesterday's".
  const ongoing = hasCue(hits, SIG.ongoing) && broken;
  defuse(t, hasCue(hits, SIG.drill), 0.15, labelOf(hits, SIG.drill), contributions, true);
  defuse(t, hasCue(hits, SIG.calm), 0.25, labelOf(hits, SIG.calm), contributions, true);
  // Narrowed more than once ("my phone", "my 2FA", "the authenticator"), it is one person's trouble. A breach is one
  // even when it reaches one customer, one laptop or one account.
  const narrowed = hits.counts[SIG.limited]! >= 2 ? 0.3 : 0.45;
  defuse(t, hasCue(hits, SIG.limited), hasCue(hits, SIG.security) ? 0.85 : hasCue(hits, SIG.scope) || hasCue(hits, SIG.customer) ? 0.75 : narrowed, labelOf(hits, SIG.limited), contributions, true);
  defuse(t, hasCue(hits, SIG.advice), 0.35, labelOf(hits, SIG.advice), contributions, true);
  defuse(t, hasCue(hits, SIG.feedback) && !live, 0.6, labelOf(hits, SIG.feedback), contributions);
  defuse(t, hasCue(hits, SIG.casual), hasCue(hits, SIG.severe) ? 0.8 : 0.35, labelOf(hits, SIG.casual), contributions, true);
  // "love that this happens on launch day: signups are completely broken" is sarcasm over a broad failure, not praise.
  defuse(t, hasCue(hits, SIG.praise), hasCue(hits, SIG.severe) || (broken && hasCue(hits, SIG.scope)) ? 0.85 : 0.6, labelOf(hits, SIG.praise), contributions, true);
  defuse(t, hasCue(hits, SIG.resolved), ongoing ? 0.7 : 0.3, labelOf(hits, SIG.resolved), contributions, true);
  defuse(t, hasCue(hits, SIG.past), ongoing ? 0.85 : live ? 0.6 : 0.4, labelOf(hits, SIG.past), contributions, true);
  defuse(t, hasCue(hits, SIG.doc), live ? 0.8 : 0.45, labelOf(hits, SIG.doc), contributions);
  defuse(t, hasCue(hits, SIG.docWeak) && !live, 0.8, labelOf(hits, SIG.docWeak), contributions);
  defuse(t, hasCue(hits, SIG.proposal) || hasCue(hits, SIG.musing), 0.5, labelOf(hits, hasCue(hits, SIG.proposal) ? SIG.proposal : SIG.musing), contributions);
  defuse(t, (hasCue(hits, SIG.strategy) || hasCue(hits, SIG.decision) || hasCue(hits, SIG.comments)) && !ongoing, 0.7, 'is about planning', contributions);
  defuse(t, (hasCue(hits, SIG.call) || hasCue(hits, SIG.meeting)) && !live, 0.6, 'asks for a meeting', contributions);
  defuse(t, hasCue(hits, SIG.offsite) || hasCue(hits, SIG.event) || hasCue(hits, SIG.social), 0.5, 'is an in-person event', contributions, true);
  defuse(t, hasCue(hits, SIG.question) && !live, 0.85, labelOf(hits, SIG.question), contributions);
  // A failure still going on, buried among small items ("copy is in Figma", "lunch order is in the sheet"), is no small thing.
  defuse(t, hasCue(hits, SIG.trivial) && !ongoing, 0.6, labelOf(hits, SIG.trivial), contributions);
  defuse(t, facts.bullets >= 3 && !hasCue(hits, SIG.severe), 0.5, 'is a status update', contributions);
  return { score: evidence * t.factor, alarm, factor: t.factor, stated: t.stated };
}
