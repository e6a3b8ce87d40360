/** Word tokens of lower-cased prose, the unit every classifier cue is matched against. */

const CONTRACTION = /n['’]t\b/g;
// "1:1" is a meeting; "3.1.1" and "11:15" are not, which tokens alone (1, 1) cannot tell apart.
const ONE_ON_ONE = /(?<![\d.:])1:1(?![\d:])/g;

/** The text tokens are read from: `can't` -> `cant`, `1:1` -> `1on1`. */
export function tokenText(prose: string): string {
  let text = prose.indexOf("'") >= 0 || prose.indexOf('’') >= 0 ? prose.replace(CONTRACTION, 'nt') : prose;
  if (text.indexOf('1:1') >= 0) text = text.replace(ONE_ON_ONE, '1on1');
  return text;
}

// Latin letters with accents cover the German, Spanish, French and Hungarian messages people send.
// [a-z0-9%\u00c0-\u024f] as a table of char codes: scanning codes lets the lexicon look a token up before cutting it out.
const LAST_TOKEN_CHAR = 0x24f;
const TOKEN_CHARS = Uint8Array.from({ length: LAST_TOKEN_CHAR + 1 }, (_, code) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 37 || code >= 0xc0 ? 1 : 0,
);

export function isTokenChar(code: number): boolean {
  return code <= LAST_TOKEN_CHAR && TOKEN_CHARS[code] === 1;
}

/** Start of the first token at or after `from`, or -1. */
function tokenStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isTokenChar(text.charCodeAt(i))) return i;
  return -1;
}

/** End (exclusive) of the token that starts at `start`. */
function tokenEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && isTokenChar(text.charCodeAt(i))) i++;
  return i;
}

/** `can't` -> `cant`, `sign-up` -> `sign up`, `100%` stays one token, apostrophes split (`prod's` -> `prod s`). */
export function tokenize(prose: string): string[] {
  const text = tokenText(prose);
  const tokens: string[] = [];
  for (let start = tokenStart(text, 0); start >= 0; ) {
    const end = tokenEnd(text, start);
    tokens.push(text.slice(start, end));
    start = tokenStart(text, end);
  }
  return tokens;
}

/** Words that turn the cue after them around ("no need for a call", "not urgent", "kein Notfall"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'no', 'not', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'wont', 'never', 'without', 'nothing', 'neither', 'nor',
  'kein', 'keine', 'keinen', 'nicht', 'ohne', 'sin', 'nunca', 'nem', 'nincs', 'sem', 'ne', 'pas', 'rien', 'sans', 'jamais',
]);

// Function words and greetings in the languages people write in; they make unrelated messages look alike
// ("hello" opens requests for help and small talk alike).
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'hi hello hey hallo hola bonjour szia sziasztok ' +
    'a an the and or but if of to in on at for from by with about as is are was were be been being it its this that these those i me my we our ' +
    'you your he she they them their there here do does did have has had can could would should will shall may might must just so than too very ' +
    'not no yes s t pls please any some all what who when where why how im ive ill its lets ok der die das und oder ein eine ist sind zu mit von ' +
    'für auf den dem des im es el la los las un una y o de del en con por para que se es le les et ou du au aux est sont pour avec ce cette az a ' +
    'egy és vagy is hogy nem van'
  ).split(' '),
);
