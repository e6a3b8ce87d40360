import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SIG } from '../../../src/core/classify-cues';
import { tokenize } from '../../../src/core/classify-text';
import { LEXICON, readCues } from '../../../src/core/classify-lexicon';
import { toProse } from '../../../src/core/slack-text';

// readCues scans and hashes in one pass for speed; whatever it reads must be exactly tokenize()'s tokens,
// which training, corrections and the date mention finder use.
describe('readCues tokens', () => {
  test.each([
    ["can't make the 1:1, version 3.1.1 ships at 11:15"],
    ['Über 100% der Anfragen schlagen fehl — ¿alguien? ça marche pas'],
    ['prod’s db is down!!! :rotating_light: sign-up broken'],
    ['日本語 mixed with english words and ✅ emoji'],
    [''],
    ['   '],
    ['x'],
  ])('match tokenize() on %j', (text) => {
    const prose = toProse(text).prose;
    expect(readCues(LEXICON, prose).tokens).toEqual(tokenize(prose));
  });

  test('match tokenize() on every development corpus message', () => {
    const file = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'dev.jsonl');
    const texts = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) {
      const prose = toProse(text).prose;
      expect(readCues(LEXICON, prose).tokens).toEqual(tokenize(prose));
    }
  });
});

describe('readCues negations', () => {
  const calls = (text: string) => {
    const { hits } = readCues(LEXICON, toProse(text).prose);
    return { asked: hits.counts[SIG.call], negated: hits.negated[SIG.call] };
  };

  test.each([
    ['a sentence end stops a negation, carried over or not', 'No call today. Call me tomorrow at 10 about the offsite', { asked: 1, negated: 1 }],
    ['so does a line end', 'not a call\ncall me at 3 about the offsite', { asked: 1, negated: 1 }],
    ['and a trailing ellipsis', 'not a call… call me at 3 about the offsite', { asked: 1, negated: 1 }],
    ['a dot inside a time does not', 'No 14.30 call today, we moved it to Thursday', { asked: 0, negated: 1 }],
    ['nor a dot inside a version', 'no v1.2 call needed, the notes cover it', { asked: 0, negated: 1 }],
    ['nor a comma', 'not a call, call me whenever', { asked: 0, negated: 2 }],
    ['a sentence end needs no space after it', 'not a call.call me at 3 about the offsite', { asked: 1, negated: 1 }],
    ['nor does an exclamation mark', 'No call today!Call me tomorrow at 10 about the offsite', { asked: 1, negated: 1 }],
    ['being in a call asks for none', 'the courier keeps ringing at the side door and I am in a call', { asked: 0, negated: 0 }],
  ])('%s', (_why, text, expected) => {
    expect(calls(text)).toEqual(expected);
  });
});
