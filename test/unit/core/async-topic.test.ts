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
    ['a welcome email draft is work', 'call to go over the welcome email draft?', true],
    ['welcome drinks are social', 'call to plan the welcome drinks and the draft agenda?', false],
    ['a welcome lunch is social', 'quick call about the welcome lunch doc?', false],
    ['German: going over a document', 'können wir kurz telefonieren, um das Dokument durchzugehen? oder durchgehen per call', true],
    ['German: the presentation', 'Call zur Präsentation morgen?', true],
    ['German: a 1:1 about salary', 'können wir über mein Gehalt sprechen?', false],
    ['Spanish: reviewing a document', '¿llamada para revisar el documento?', true],
    ['Spanish: a presentation', 'reunión sobre la presentación del viernes', true],
    ['Spanish: an interview', 'llamada sobre la entrevista de mañana', false],
    ['French: the presentation', 'un appel pour la présentation de jeudi ?', true],
    ['French: going over a draft', 'on peut relire le brouillon ensemble ?', true],
    ['French: an interview', "un appel pour l'entretien de demain ?", false],
    ['a word inside another word is no match', 'call about the reporting line tomorrow?', false],
  ];
  test.each(cases)('%s', (_label, text, fits) => {
    expect(fitsAsync(text)).toBe(fits);
  });
});
