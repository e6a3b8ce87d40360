import type { Area } from './areas';

/**
 * Cues the classifier read, passed on for the enforcement policy. They only describe the text: reading
 * them never changes the area, flags or confidence.
 */
export interface VerdictCues {
  /** "thanks", "ok", "lgtm", "cheers": a short acknowledgement cue. */
  acknowledgement: boolean;
  /** An FYI or status-update cue ("fyi", "heads up", "deployed", "status"). */
  fyi: boolean;
  /** Asks someone for something: a request, a small question or a review cue. */
  asks: boolean;
  /** The text itself sounds alarmed (outage, siren emoji, ...), as opposed to only the channel's prior. */
  alarm: boolean;
}

/** What the classifier says about one text. */
export interface Verdict {
  area: Area;
  urgent: boolean;
  important: boolean;
  /** 0..1: how sure the classifier is of `area`. */
  confidence: number;
  /** Short, human-readable, e.g. "mentions an outage", "refers to a date 3 weeks ahead". */
  reasons: string[];
  /** When the text names a future moment (a meeting, an offsite, a deadline), as epoch ms. */
  when?: number;
  /** Absent on verdicts not made by the classifier (tests, reactions); the policy then assumes none. */
  cues?: VerdictCues;
}
