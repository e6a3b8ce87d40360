import { AREAS, type Area } from './areas';
import { SIG, type Signal } from './classify-cues';
import { scoreEmergency } from './classify-emergency';
import { hasCue, labelOf, type CueHits } from './classify-lexicon';

/**
 * Signals -> a score per area. Weights are set by hand from what each signal means; every term
 * that moves a score carries the label people see as a reason.
 */

export interface Facts {
  hits: CueHits;
  tokenCount: number;
  question: boolean;
  exclaim: boolean;
  /** Names a day or time (cheap check); set before any date parsing. */
  futureDate: boolean;
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
  /** AREAS order. */
  scores: Float64Array;
  contributions: Contribution[];
  /** Evidence for an emergency before anything took it back. */
  alarm: number;
  /**
   * Share of that evidence the takebacks the message states outright left (1: nothing said "staging", "resolved",
   * "yesterday's"...; see EmergencyScore.stated).
   */
  stated: number;
}

export const AREA_INDEX = Object.fromEntries(AREAS.map((a, i) => [a, i])) as { readonly [K in Area]: number };
const DW = AREA_INDEX.deep_work;
const OPS = AREA_INDEX.daily_operations;
const MEET = AREA_INDEX.online_meeting;
const OFF = AREA_INDEX.offline_activity;
const EM = AREA_INDEX.emergency;

// [area, signal, weight per hit, hits counted at most]: the plain additive terms.
const LINEAR: Array<[number, Signal, number, number]> = [
  [MEET, 'call', 2.4, 1],
  [MEET, 'meeting', 1.0, 2],
  [MEET, 'callLink', 1.2, 1],
  [MEET, 'talk', 0.7, 1],
  [OFF, 'offsite', 2.4, 1],
  [OFF, 'social', 1.2, 2],
  [OFF, 'travel', 0.8, 2],
  [OFF, 'past_ref', -1.8, 1],
  [OFF, 'feedback', -0.8, 1],
  [OFF, 'absence', -1.5, 1],
  [DW, 'proposal', 1.6, 2],
  [DW, 'musing', 0.9, 2],
  [DW, 'strategy', 0.8, 2],
  [DW, 'decision', 0.9, 2],
  [DW, 'comments', 1.0, 2],
  [DW, 'hub', 0.9, 1],
  [DW, 'planning', 0.5, 1],
  [DW, 'knowledge', 0.8, 1],
  [DW, 'doc', 0.8, 1],
  [OPS, 'review', 0.7, 2],
  [OPS, 'question', 0.6, 1],
  [OPS, 'update', 0.5, 2],
  [OPS, 'support', 0.6, 2],
  [OPS, 'request', 0.3, 1],
  [OPS, 'fyi', 0.4, 1],
  [OPS, 'feedback', 0.7, 1],
  [OPS, 'ci', 0.4, 1],
  [OPS, 'absence', 1.0, 1],
  [OPS, 'resolved', 0.6, 1],
  [OPS, 'casual', 0.4, 1],
  [OPS, 'limited', 0.4, 1],
  [OPS, 'calm', 0.6, 1],
  [OPS, 'praise', 0.6, 1],
  [OPS, 'drill', 0.8, 1],
  [OPS, 'past_ref', 1.2, 1],
  [OPS, 'advice', 1.0, 1],
];
const LINEAR_AREA = Int8Array.from(LINEAR, (t) => t[0]);
const LINEAR_SIGNAL = Int16Array.from(LINEAR, (t) => SIG[t[1]]);
const LINEAR_WEIGHT = Float64Array.from(LINEAR, (t) => t[2]);
const LINEAR_CAP = Uint8Array.from(LINEAR, (t) => t[3]);

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

type Tally = Pick<Scores, 'scores' | 'contributions'>;

// Module functions rather than closures made per message: no allocation, and V8 keeps their optimized code across GCs.
function add(tally: Tally, area: number, weight: number, label: string): void {
  tally.scores[area]! += weight;
  tally.contributions.push({ area: AREAS[area]!, weight, label });
}

export function scoreFacts(facts: Facts): Scores {
  const { hits } = facts;
  const { counts, negated } = hits;
  const tally: Tally = { scores: new Float64Array(AREAS.length), contributions: [] };
  tally.scores[OPS] = 0.6;

  for (let t = 0; t < LINEAR_AREA.length; t++) {
    const count = counts[LINEAR_SIGNAL[t]!]!;
    if (count > 0) add(tally, LINEAR_AREA[t]!, LINEAR_WEIGHT[t]! * Math.min(count, LINEAR_CAP[t]!), labelOf(hits, LINEAR_SIGNAL[t]!));
  }

  let emojiWeight = 0;
  let emojiLabel: string | undefined;
  for (const name of facts.emoji) {
    const e = EMOJI_SIGNAL[name];
    if (!e) continue;
    if (e.area !== 'emergency') add(tally, AREA_INDEX[e.area], e.weight, e.label);
    else if (e.weight > emojiWeight) {
      emojiWeight = e.weight;
      emojiLabel = e.label;
    }
  }
  const emergency = scoreEmergency(hits, { broadcast: facts.broadcast, exclaim: facts.exclaim, bullets: facts.bullets, emojiWeight, emojiLabel }, tally.contributions);
  tally.scores[EM] = emergency.score;

  // ---- online meeting
  const asksCall = hasCue(hits, SIG.call) || hasCue(hits, SIG.talk);
  if (asksCall || hasCue(hits, SIG.meeting)) {
    if (hasCue(hits, SIG.soon)) add(tally, MEET, 0.4, labelOf(hits, SIG.soon));
    // Asking for the call is what counts, whatever the call is about (an offsite, an RFC, an incident review).
    if (asksCall && (facts.question || hasCue(hits, SIG.request))) add(tally, MEET, 0.8, 'asks for a call');
    // "Can we get on a call about the draft?": the doc is the topic, the call is what is asked.
    if (hasCue(hits, SIG.call) && facts.question && (hasCue(hits, SIG.proposal) || hasCue(hits, SIG.comments) || hasCue(hits, SIG.musing))) add(tally, MEET, 1.0, 'asks for a call about a document');
  }
  // A call in the middle of a live, undefused incident is its bridge: the emergency, not a meeting to hold.
  if ((asksCall || hasCue(hits, SIG.meeting) || hasCue(hits, SIG.callLink)) && emergency.alarm >= 4 && emergency.factor >= 0.8 && hasCue(hits, SIG.live)) {
    add(tally, MEET, -1.5, 'is the bridge of a live incident');
  }
  if (negated[SIG.call]! > 0 || negated[SIG.meeting]! > 0) {
    add(tally, MEET, -1.8, 'says no call is needed');
    if (negated[SIG.call]! > 0) add(tally, OPS, 0.6, 'says no call is needed');
  }

  // ---- offline activity
  const gathering = hasCue(hits, SIG.offsite) || hasCue(hits, SIG.event) || hasCue(hits, SIG.social) || hasCue(hits, SIG.travel);
  if (hasCue(hits, SIG.event) && !hasCue(hits, SIG.offsite)) add(tally, OFF, 2.4, labelOf(hits, SIG.event));
  // "the office printer" is not an event; the office only counts beside an event, travel or a date.
  if (hasCue(hits, SIG.inPerson)) add(tally, OFF, gathering || facts.futureDate ? 0.9 : 0.3, labelOf(hits, SIG.inPerson));
  // "meet Globex's team on site" is an in-person meeting, not a call.
  if (hasCue(hits, SIG.inPerson) && hasCue(hits, SIG.meeting) && !hasCue(hits, SIG.call) && !hasCue(hits, SIG.callLink)) add(tally, OFF, 0.8, 'happens in person');
  if (gathering && facts.futureDate) add(tally, OFF, 0.4, 'names a date ahead');
  if (hasCue(hits, SIG.call) || hasCue(hits, SIG.callLink)) add(tally, OFF, -1.0, 'is a call about the event');

  // ---- deep work
  // Only an incident that is over: a live outage that mentions its runbook or notes is still the outage.
  const pastIncident = hasCue(hits, SIG.past) || hasCue(hits, SIG.resolved) || (hasCue(hits, SIG.incident) && !hasCue(hits, SIG.symptom) && !hasCue(hits, SIG.down));
  if ((hasCue(hits, SIG.doc) || hasCue(hits, SIG.docWeak)) && pastIncident) add(tally, DW, 1.3, 'is a document about a past incident');

  // ---- daily operations: the catch-all for small, non-scheduled work
  if (facts.bullets >= 3) add(tally, OPS, 0.8, 'is a status update');
  if (facts.tokenCount <= 4 && hasCue(hits, SIG.thanks)) add(tally, OPS, 0.8, labelOf(hits, SIG.thanks));

  return { scores: tally.scores, contributions: tally.contributions, alarm: emergency.alarm, stated: emergency.stated };
}
