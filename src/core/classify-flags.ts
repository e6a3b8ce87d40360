import type { Area } from './areas';
import { SIG } from './classify-cues';
import type { CueHits } from './classify-lexicon';

/**
 * Eisenhower flags for a classified message. urgent: someone must act within hours. important:
 * it matters to goals, customers or people. Every emergency is both.
 */

export interface FlagFacts {
  hits: CueHits;
  tokenCount: number;
  question: boolean;
}

export function flagsFor(area: Area, facts: FlagFacts): { urgent: boolean; important: boolean } {
  if (area === 'emergency') return { urgent: true, important: true };
  const { counts } = facts.hits;
  const has = (signal: number) => counts[signal]! > 0;
  const calm = has(SIG.calm);
  const pressing = has(SIG.urgentWord) && !calm;
  const small = has(SIG.trivial) || has(SIG.routine);
  switch (area) {
    case 'online_meeting': {
      // A bare "call?" or "huddle" means now.
      const soon = (has(SIG.soon) || has(SIG.urgentWord) || (facts.tokenCount <= 3 && (facts.question || facts.tokenCount <= 1))) && !calm;
      const weighty = has(SIG.important) || has(SIG.decision) || has(SIG.strategy) || has(SIG.proposal) || has(SIG.doc) || has(SIG.planning);
      return { urgent: soon, important: weighty && !small };
    }
    case 'offline_activity':
      return { urgent: pressing, important: has(SIG.offsite) || (has(SIG.important) && !has(SIG.social)) };
    case 'deep_work':
      return { urgent: false, important: !has(SIG.trivial) };
    case 'daily_operations': {
      const relayed = has(SIG.past) || has(SIG.resolved);
      const about = has(SIG.important) || has(SIG.support) || has(SIG.incident) || has(SIG.blocked) || (has(SIG.resolved) && (has(SIG.symptom) || has(SIG.problem)));
      return {
        urgent: pressing && !relayed,
        important: about && !small && !has(SIG.thanks) && !has(SIG.praise) && !has(SIG.casual),
      };
    }
  }
}
