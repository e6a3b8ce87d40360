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

// Function words in the languages people write in; they make unrelated messages look alike.
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at for from by with about as is are was were be been being it its this that these those i me my we our ' +
    'you your he she they them their there here do does did have has had can could would should will shall may might must just so than too very ' +
    'not no yes s t pls please any some all what who when where why how im ive ill its lets ok der die das und oder ein eine ist sind zu mit von ' +
    'für auf den dem des im es el la los las un una y o de del en con por para que se es le les et ou du au aux est sont pour avec ce cette az a ' +
    'egy és vagy is hogy nem van'
  ).split(' '),
);
