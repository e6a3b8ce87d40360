/**
 * Does a meeting request's topic fit async? True when the text is about going over an artefact (a doc,
 * deck, PR, spec), a review or a status update, and not about something that needs people together
 * (a 1:1, an interview, a brainstorm, a hard conversation). Text is matched in lower case, words only.
 */
const ASYNC_TOPICS = [
  /\b(go|going|walk|walking|run|running|talk|talking) (over|through)\b/,
  /\b(review|reviewing|feedback on|comments on|look at|looking at)\b/,
  /\b(status|progress|quick|weekly) update\b/,
  /\bupdate (you|everyone|the team|folks)\b/,
  /\b(doc|docs|document|deck|slides|spec|rfc|proposal|pr|pull request|draft|report|dashboard|numbers|metrics|mockups?|figma|roadmap)\b/,
];

const SYNC_TOPICS = [
  /\b(1:1|1-1|one[- ]on[- ]one)\b/,
  /\b(interview|interviewing|onboarding|offboarding)\b/,
  /\b(brainstorm|brainstorming|whiteboard|workshop)\b/,
  /\b(performance review|salary|compensation|promotion|personal|sensitive|difficult|conflict|concerns?)\b/,
  /\b(pair|pairing|debug together|incident|outage)\b/,
  /\b(coffee|lunch|social|celebrat\w*|farewell|welcome)\b/,
];

export function fitsAsync(text: string): boolean {
  const lower = text.toLowerCase();
  return ASYNC_TOPICS.some((re) => re.test(lower)) && !SYNC_TOPICS.some((re) => re.test(lower));
}
