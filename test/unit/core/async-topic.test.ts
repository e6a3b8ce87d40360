import { fitsAsync } from '../../../src/core/async-topic';

describe('fitsAsync', () => {
  // Reviews, walkthroughs and updates fit async; conversations that need people together do not, even
  // when they also mention a doc.
  const cases: Array<[label: string, text: string, fits: boolean]> = [
    ['going over a doc', 'can we hop on a call to go over the Q3 doc?', true],
    ['a PR review', 'quick call to review my PR?', true],
    ['a walkthrough of a deck', 'want to walk through the deck before Friday?', true],
    ['a status update', 'let’s jump on a call for a status update', true],
    ['feedback on a draft', 'zoom for feedback on the draft?', true],
    ['a 1:1', 'can we do a 1:1 tomorrow?', false],
    ['a brainstorm, even about a doc', 'brainstorm on the roadmap doc?', false],
    ['a performance review', 'call about your performance review', false],
    ['a sensitive topic', 'can we talk? it’s a bit sensitive', false],
    ['a call with no topic', 'call at 3?', false],
    ['an interview', 'interview debrief call at 4', false],
  ];
  test.each(cases)('%s', (_label, text, fits) => {
    expect(fitsAsync(text)).toBe(fits);
  });
});
