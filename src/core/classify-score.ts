import { AREAS, type Area } from './areas';
import { SIGNALS, type Signal } from './classify-cues';
import { scoreEmergency } from './classify-emergency';
import { LEXICON, type CueHits } from './classify-lexicon';

/**
 * Signals -> a score per area. Weights are set by hand from what each signal means; every term
 * that moves a score carries the label people see as a reason.
 */

export interface Facts {
  hits: CueHits;
  tokenCount: number;
  question: boolean;
  exclaim: boolean;
  /** Names a day or time ahead (cheap regex); set before chrono runs. */
  futureDate: boolean;
  pastDate: boolean;
  broadcast: boolean;
  emoji: string[];
  /** Lines that start like a list item: long status updates are lists. */
  bullets: number;
}

export interface Contribution {
  area: Area;
  weight: number;
  label: string;
}

export interface Scores {
  scores: Record<Area, number>;
  contributions: Contribution[];
  /** Evidence for an emergency before anything took it back. */
  alarm: number;
  /** Share of that evidence the defusers left (1: nothing said "staging", "resolved", "yesterday's"...). */
  defused: number;
}

const S = Object.fromEntries(SIGNALS.map((s, i) => [s, i])) as Record<Signal, number>;

// Emoji that carry meaning; the rest are decoration.
const EMOJI_SIGNAL: Record<string, { area: Area; weight: number; label: string }> = {
  rotating_light: { area: 'emergency', weight: 1.2, label: 'uses the siren emoji' },
  sos: { area: 'emergency', weight: 1.2, label: 'uses the SOS emoji' },
  telephone_receiver: { area: 'online_meeting', weight: 1.2, label: 'asks for a call' },
  telephone: { area: 'online_meeting', weight: 1.0, label: 'asks for a call' },
  phone: { area: 'online_meeting', weight: 1.0, label: 'asks for a call' },
  video_camera: { area: 'online_meeting', weight: 1.0, label: 'asks for a video call' },
  airplane: { area: 'offline_activity', weight: 1.0, label: 'involves travel' },
  airplane_departure: { area: 'offline_activity', weight: 1.0, label: 'involves travel' },
  beer: { area: 'offline_activity', weight: 0.8, label: 'is a team get-together' },
  beers: { area: 'offline_activity', weight: 0.8, label: 'is a team get-together' },
  meat_on_bone: { area: 'offline_activity', weight: 0.8, label: 'is a team get-together' },
  bowling: { area: 'offline_activity', weight: 0.8, label: 'is a team get-together' },
  ship: { area: 'offline_activity', weight: 0.6, label: 'is a team get-together' },
  tada: { area: 'daily_operations', weight: 0.4, label: 'is a status update' },
  white_check_mark: { area: 'daily_operations', weight: 0.5, label: 'is a status update' },
  pray: { area: 'daily_operations', weight: 0.2, label: 'asks someone to do something' },
  memo: { area: 'daily_operations', weight: 0.2, label: 'is a status update' },
  bulb: { area: 'deep_work', weight: 0.6, label: 'collects ideas' },
  brain: { area: 'deep_work', weight: 0.6, label: 'is deep work' },
};

export function scoreFacts(facts: Facts): Scores {
  const { counts, negated, firstCue } = facts.hits;
  const n = (signal: Signal, cap = 1) => Math.min(counts[S[signal]]!, cap);
  const has = (signal: Signal) => counts[S[signal]]! > 0;
  const label = (signal: Signal) => {
    const cue = firstCue[S[signal]]!;
    return cue >= 0 ? LEXICON.cues[cue]!.label : signal;
  };
  const scores: Record<Area, number> = { deep_work: 0, daily_operations: 0.6, online_meeting: 0, offline_activity: 0, emergency: 0 };
  const contributions: Contribution[] = [];
  const add = (area: Area, weight: number, why: string) => {
    if (weight === 0) return;
    scores[area] += weight;
    contributions.push({ area, weight, label: why });
  };
  const term = (area: Area, signal: Signal, weight: number, cap = 1) => add(area, weight * n(signal, cap), label(signal));

  // ---- emergency
  let emojiWeight = 0;
  let emojiLabel: string | undefined;
  for (const name of facts.emoji) {
    const e = EMOJI_SIGNAL[name];
    if (e?.area === 'emergency' && e.weight > emojiWeight) {
      emojiWeight = e.weight;
      emojiLabel = e.label;
    }
  }
  const emergency = scoreEmergency(
    { has, n, label },
    { broadcast: facts.broadcast, exclaim: facts.exclaim, bullets: facts.bullets, emojiWeight, emojiLabel },
  );
  scores.emergency = emergency.score;
  contributions.push(...emergency.contributions);

  // ---- online meeting
  term('online_meeting', 'call', 2.4);
  term('online_meeting', 'meeting', 1.0, 2);
  term('online_meeting', 'callLink', 1.2);
  term('online_meeting', 'talk', 0.7);
  if (has('call') || has('meeting') || has('talk')) term('online_meeting', 'soon', 0.4);
  // Asking for the call is what counts, whatever the call is about (an offsite, an RFC, an incident review).
  if ((has('call') || has('talk')) && (facts.question || has('request'))) add('online_meeting', 0.8, 'asks for a call');
  if (negated[S.call]! > 0 || negated[S.meeting]! > 0) add('online_meeting', -1.8, 'says no call is needed');
  for (const name of facts.emoji) {
    const e = EMOJI_SIGNAL[name];
    if (e && e.area !== 'emergency') add(e.area, e.weight, e.label);
  }

  // ---- offline activity
  term('offline_activity', 'event', 2.4);
  term('offline_activity', 'social', 1.2, 2);
  term('offline_activity', 'travel', 0.8, 2);
  // "the office printer" is not an event; the office only counts beside an event, travel or a date.
  // "meet Globex's team on site" is an in-person meeting, not a call.
  if (has('inPerson') && has('meeting') && !has('call') && !has('callLink')) add('offline_activity', 0.8, 'happens in person');
  term('offline_activity', 'inPerson', has('event') || has('social') || has('travel') || facts.futureDate ? 0.9 : 0.3);
  if ((has('event') || has('social') || has('travel')) && facts.futureDate) add('offline_activity', 0.4, 'names a date ahead');
  term('offline_activity', 'past_ref', -1.8);
  if (has('call') || has('callLink')) add('offline_activity', -1.0, 'is a call about the event');
  term('offline_activity', 'feedback', -0.8);
  term('offline_activity', 'absence', -1.5);

  // ---- deep work
  term('deep_work', 'proposal', 1.6, 2);
  term('deep_work', 'musing', 0.9, 2);
  term('deep_work', 'strategy', 0.8, 2);
  term('deep_work', 'decision', 0.9, 2);
  term('deep_work', 'comments', 1.0, 2);
  term('deep_work', 'hub', 0.9);
  term('deep_work', 'planning', 0.5);
  term('deep_work', 'knowledge', 0.8);
  term('deep_work', 'doc', 0.8);
  if ((has('doc') || has('docWeak')) && (has('incident') || has('past') || has('resolved'))) add('deep_work', 1.0, 'is a document about a past incident');

  // ---- daily operations: the catch-all for small, non-scheduled work
  term('daily_operations', 'review', 0.7, 2);
  term('daily_operations', 'question', 0.6);
  term('daily_operations', 'update', 0.5, 2);
  if (facts.bullets >= 3) add('daily_operations', 0.8, 'is a status update');
  if (facts.tokenCount <= 4) term('daily_operations', 'thanks', 0.8);
  term('daily_operations', 'support', 0.6, 2);
  term('daily_operations', 'request', 0.3);
  term('daily_operations', 'fyi', 0.4);
  term('daily_operations', 'feedback', 0.7);
  term('daily_operations', 'ci', 0.4);
  term('daily_operations', 'absence', 1.0);
  term('daily_operations', 'resolved', 0.6);
  term('daily_operations', 'casual', 0.4);
  term('daily_operations', 'limited', 0.4);
  term('daily_operations', 'calm', 0.6);
  term('daily_operations', 'praise', 0.6);
  term('daily_operations', 'drill', 0.8);
  term('daily_operations', 'past_ref', 1.2);
  term('daily_operations', 'advice', 1.0);
  if (negated[S.call]! > 0) add('daily_operations', 0.6, 'says no call is needed');

  return { scores, contributions, alarm: emergency.alarm, defused: emergency.factor };
}

