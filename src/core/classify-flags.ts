import type { Area } from './areas';
import { SIG } from './classify-cues';
import { hasCue, type CueHits } from './classify-lexicon';

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
  const { hits } = facts;
  const calm = hasCue(hits, SIG.calm);
  const pressing = hasCue(hits, SIG.urgentWord) && !calm;
  const small = hasCue(hits, SIG.trivial) || hasCue(hits, SIG.routine);
  switch (area) {
    case 'online_meeting': {
      // A bare "call?" or "huddle" means now.
      const soon = (hasCue(hits, SIG.soon) || hasCue(hits, SIG.urgentWord) || (facts.tokenCount <= 3 && (facts.question || facts.tokenCount <= 1))) && !calm;
      const weighty = hasCue(hits, SIG.important) || hasCue(hits, SIG.decision) || hasCue(hits, SIG.strategy) || hasCue(hits, SIG.proposal) || hasCue(hits, SIG.doc) || hasCue(hits, SIG.planning);
      return { urgent: soon, important: weighty && !small };
    }
    case 'offline_activity':
      return { urgent: pressing, important: hasCue(hits, SIG.offsite) || (hasCue(hits, SIG.important) && !hasCue(hits, SIG.social)) };
    case 'deep_work':
      return { urgent: false, important: !hasCue(hits, SIG.trivial) };
    case 'daily_operations': {
      const relayed = hasCue(hits, SIG.past) || hasCue(hits, SIG.resolved);
      const about = hasCue(hits, SIG.important) || hasCue(hits, SIG.support) || hasCue(hits, SIG.incident) || hasCue(hits, SIG.blocked) || (hasCue(hits, SIG.resolved) && (hasCue(hits, SIG.symptom) || hasCue(hits, SIG.problem)));
      return {
        urgent: pressing && !relayed,
        important: about && !small && !hasCue(hits, SIG.thanks) && !hasCue(hits, SIG.praise) && !hasCue(hits, SIG.casual),
      };
    }
  }
}
