/** Word tokens of lower-cased prose, the unit every classifier cue is matched against. */

// Latin letters with accents cover the German, Spanish, French and Hungarian messages people send.
const TOKEN = /[a-z0-9%\u00c0-\u024f]+/g;
const CONTRACTION = /n['’]t\b/g;

/** `can't` -> `cant`, `sign-up` -> `sign up`, `100%` stays one token, apostrophes split (`prod's` -> `prod s`). */
export function tokenize(prose: string): string[] {
  const text = prose.indexOf("'") >= 0 || prose.indexOf('’') >= 0 ? prose.replace(CONTRACTION, 'nt') : prose;
  return text.match(TOKEN) ?? [];
}

/** Words that turn the cue after them around ("no need for a call", "not urgent", "kein Notfall"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'no', 'not', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'wont', 'never', 'without', 'nothing', 'neither', 'nor',
  'kein', 'keine', 'keinen', 'nicht', 'ohne', 'sin', 'nunca', 'nem', 'nincs', 'sem', 'ne', 'pas', 'rien', 'sans', 'jamais',
]);
