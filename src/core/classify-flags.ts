import type { Area } from './areas';
import { SIG, type Signal } from './classify-cues';
import type { CueHits } from './classify-lexicon';

/**
 * Eisenhower flags for a classified message. urgent: someone must act within hours. important:
 * it matters to goals, customers or people. Every emergency is both.
 */

export interface FlagFacts {
  hits: CueHits;
  tokenCount: number;
  question: boolean;
  pastDate: boolean;
}

export function flagsFor(area: Area, facts: FlagFacts): { urgent: boolean; important: boolean } {
  if (area === 'emergency') return { urgent: true, important: true };
  const { counts } = facts.hits;
  const has = (signal: Signal) => counts[SIG[signal]]! > 0;
  const calm = has('calm');
  const pressing = has('urgentWord') && !calm;
  const small = has('trivial') || has('routine');
  switch (area) {
    case 'online_meeting': {
      const soon = (has('soon') || has('urgentWord') || (facts.tokenCount <= 3 && facts.question)) && !calm;
      const weighty = has('important') || has('decision') || has('strategy') || has('proposal') || has('doc') || has('planning');
      return { urgent: soon, important: weighty && !small };
    }
    case 'offline_activity':
      return { urgent: pressing, important: has('offsite') || (has('important') && !has('social')) };
    case 'deep_work':
      return { urgent: false, important: !has('trivial') };
    case 'daily_operations': {
      const relayed = has('past') || facts.pastDate || has('resolved');
      const about = has('important') || has('support') || has('incident') || has('blocked') || (has('resolved') && (has('symptom') || has('problem')));
      return {
        urgent: pressing && !relayed,
        important: about && !small && !has('thanks') && !has('praise') && !has('casual'),
      };
    }
  }
}
