/**
 * Does a meeting request's topic fit async? True when the text is about going over an artefact (a doc,
 * deck, PR, spec), a review or a status update, and not about something that needs people together
 * (a 1:1, an interview, a brainstorm, a hard conversation). Text is matched in lower case, whole words,
 * in the languages the classifier reads (English, German, Spanish, French).
 */

/** A pattern matched as whole words; `\b` would not do, since it treats "é" or "ü" as a word boundary. */
const words = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u');

const ASYNC_TOPICS = [
  words('(go|going|walk|walking|run|running|talk|talking) (over|through)'),
  words('review|reviewing|feedback on|comments on|look at|looking at'),
  words('(status|progress|quick|weekly) update'),
  words('update (you|everyone|the team|folks)'),
  words('doc|docs|document|deck|slides|spec|rfc|proposal|pr|pull request|draft|report|dashboard|numbers|metrics|mockups?|figma|roadmap'),
  // German
  words('durchgehen|durchsprechen|drüberschauen|anschauen|ansehen|feedback zu|status-?update|dokument|doku|entwurf|präsentation|folien|bericht|zahlen'),
  // Spanish
  words('revisar|repasar|comentarios sobre|actualización de estado|documento|borrador|presentación|diapositivas|informe|propuesta'),
  // French
  words('revoir|relire|passer en revue|parcourir|retours sur|point d.avancement|présentation|brouillon|diapos|rapport|proposition'),
];

const SYNC_TOPICS = [
  words('1:1|1-1|one[- ]on[- ]one|einzelgespräch|tête-à-tête'),
  words('interview|interviewing|onboarding|offboarding|vorstellungsgespräch|entrevista|entretien'),
  words('brainstorm|brainstorming|whiteboard|workshop|lluvia de ideas|remue-méninges'),
  words('performance review|salary|compensation|promotion|personal|sensitive|difficult|conflict|concerns?|gehalt|beförderung|persönlich|salario|ascenso|salaire|personnel'),
  words('pair|pairing|debug together|incident|outage'),
  words('coffee|lunch|social|celebrat\\w*|farewell|kaffee|mittagessen|café|almuerzo|déjeuner'),
  // "welcome" alone is often work ("the welcome email draft"); it is social next to a gathering.
  words('welcome (party|drinks|lunch|coffee)|(party|drinks|lunch|coffee) to welcome'),
];

export function fitsAsync(text: string): boolean {
  const lower = text.toLowerCase();
  return ASYNC_TOPICS.some((re) => re.test(lower)) && !SYNC_TOPICS.some((re) => re.test(lower));
}
