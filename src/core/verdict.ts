import type { Area } from './areas';

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
}
