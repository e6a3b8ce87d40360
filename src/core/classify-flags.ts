import type { Area } from './areas';
import { SIGNALS, type Signal } from './classify-cues';
import type { CueHits } from './classify-lexicon';

/**
 * Eisenhower flags for a classified message. urgent: someone must act within hours. important:
 * it matters to goals, customers or people. Every emergency is both.
 */

const S = Object.fromEntries(SIGNALS.map((s, i) => [s, i])) as Record<Signal, number>;

export interface FlagFacts {
  hits: CueHits;
  tokenCount: number;
  question: boolean;
  pastDate: boolean;
}

export function flagsFor(area: Area, facts: FlagFacts): { urgent: boolean; important: boolean } {
  if (area === 'emergency') return { urgent: true, important: true };
  const { counts } = facts.hits;
  const has = (signal: Signal) => counts[S[signal]]! > 0;
  const calm = has('calm');
  const pressing = has('urgentWord') && !calm;
  switch (area) {
    case 'online_meeting': {
      const soon = (has('soon') || has('urgentWord') || (facts.tokenCount <= 3 && facts.question)) && !calm;
      return { urgent: soon, important: has('important') && !has('trivial') };
    }
    case 'offline_activity':
      return { urgent: pressing, important: (has('event') || has('important') || has('travel')) && !has('social') };
    case 'deep_work':
      return { urgent: false, important: !has('trivial') };
    case 'daily_operations': {
      const relayed = has('past') || facts.pastDate || has('resolved');
      return {
        urgent: pressing && !relayed,
        important: (has('important') || has('support') || has('review')) && !has('trivial') && !has('thanks'),
      };
    }
  }
}
