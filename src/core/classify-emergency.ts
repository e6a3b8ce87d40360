import type { Signal } from './classify-cues';
import type { Contribution } from './classify-score';

/**
 * How much a message reads like an emergency. Evidence adds up (something is broken, for many,
 * now, in production); what takes it back multiplies, so "staging" or "yesterday's retro" cuts
 * ten alarm words as surely as one.
 */

export interface SignalView {
  has(signal: Signal): boolean;
  n(signal: Signal, cap?: number): number;
  label(signal: Signal): string;
}

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
  contributions: Contribution[];
}

export function scoreEmergency(v: SignalView, facts: EmergencyFacts): EmergencyScore {
  const contributions: Contribution[] = [];
  let evidence = 0;
  const add = (weight: number, label: string) => {
    if (weight <= 0) return;
    evidence += weight;
    contributions.push({ area: 'emergency', weight, label });
  };
  const term = (signal: Signal, weight: number, cap = 1) => add(weight * v.n(signal, cap), v.label(signal));

  term('severe', 2.4, 2);
  term('security', 1.5, 2);
  term('down', 1.6);
  term('symptom', 0.9, 3);
  term('blocked', 1.5, 2);
  term('incident', 0.7);
  term('alarmWord', 0.4);
  term('problem', 0.5, 2);
  if (facts.emojiLabel) add(facts.emojiWeight, facts.emojiLabel);
  if (v.has('problem') && (v.has('scope') || v.has('customer')) && !v.has('limited')) add(0.8, 'something is wrong for customers');
  const core = evidence;
  // Without a failure word, breadth + now + a production system still reads like an incident ("empty cart for every user since 10:00").
  const broadNow = v.has('scope') && v.has('live') && (v.has('prod') || v.has('customer'));
  const damp = core > 0 ? 1 : broadNow ? 0.8 : 0.25;
  term('scope', 0.7 * damp, 2);
  term('live', 0.5 * damp, 2);
  term('prod', 0.4 * damp, 2);
  term('customer', 0.4 * damp);
  term('action', 0.5 * damp, 2);
  term('ongoing', 0.4 * damp);
  term('urgentWord', 0.3 * damp);
  if (facts.broadcast && core > 0) add(0.4, 'notifies the whole channel');
  if (facts.exclaim && core > 0) add(0.2, 'sounds alarmed');
  const alarm = evidence;

  let factor = 1;
  const defuse = (applies: boolean, by: number, label: string) => {
    if (!applies || by >= 1) return;
    factor *= by;
    contributions.push({ area: 'emergency', weight: Math.log(by), label });
  };
  const broken = v.has('severe') || v.has('down') || v.has('symptom') || v.has('blocked') || v.has('problem');
  const live = (v.has('live') || v.has('ongoing')) && broken;
  // Only "still", "again", "not fixed" outweigh a "resolved" or a "yesterday's".
  const ongoing = v.has('ongoing') && broken;
  const has = (signal: Signal) => v.has(signal);
  defuse(has('drill'), 0.15, v.label('drill'));
  defuse(has('calm'), 0.25, v.label('calm'));
  defuse(has('limited'), has('scope') || has('customer') ? 0.75 : 0.45, v.label('limited'));
  defuse(has('advice'), 0.35, v.label('advice'));
  defuse(has('feedback') && !live, 0.6, v.label('feedback'));
  defuse(has('casual'), has('severe') ? 0.8 : 0.35, v.label('casual'));
  defuse(has('praise'), 0.6, v.label('praise'));
  defuse(has('resolved'), ongoing ? 0.7 : 0.3, v.label('resolved'));
  defuse(has('past'), ongoing ? 0.85 : live ? 0.6 : 0.4, v.label('past'));
  defuse(has('doc'), live ? 0.8 : 0.45, v.label('doc'));
  defuse(has('docWeak') && !live, 0.8, v.label('docWeak'));
  defuse(has('proposal') || has('musing'), 0.5, v.label(has('proposal') ? 'proposal' : 'musing'));
  defuse(has('strategy') || has('decision') || has('comments'), 0.7, 'is about planning');
  defuse((has('call') || has('meeting')) && !live, 0.6, 'asks for a meeting');
  defuse(has('event') || has('social'), 0.5, 'is an in-person event');
  defuse(has('question') && !live, 0.85, v.label('question'));
  defuse(has('trivial'), 0.6, v.label('trivial'));
  defuse(facts.bullets >= 3 && !has('severe'), 0.5, 'is a status update');
  return { score: evidence * factor, alarm, factor, contributions };
}
