import { classify } from '../../../src/core/classify';
import { bayesFeaturesOf, compileBayes, trainBayes } from '../../../src/core/classify-bayes';
import { flagsFor, type FlagFacts } from '../../../src/core/classify-flags';
import { LEXICON, readCues } from '../../../src/core/classify-lexicon';
import { toProse } from '../../../src/core/slack-text';
import type { Area } from '../../../src/core/areas';

function facts(text: string): FlagFacts {
  const prose = toProse(text).prose;
  const { tokens, hits } = readCues(LEXICON, prose);
  return { hits, tokenCount: tokens.length, question: prose.includes('?') };
}

describe('flagsFor: the rules weighed with the learned flags', () => {
  // A routine FYI the rules read as neither urgent nor important.
  const fyi = 'fyi the wiki moved to a new space';
  test.each([
    ['no learned flags: the rules decide', undefined, { urgent: false, important: false }],
    ['weak learned evidence defers to the rules', { urgent: 1, important: 1.2 }, { urgent: false, important: false }],
    ['strong learned evidence outweighs the rules', { urgent: -3, important: 4 }, { urgent: false, important: true }],
    ['both strong', { urgent: 2, important: 2 }, { urgent: true, important: true }],
  ])('%s', (_why, learned, expected) => {
    expect(flagsFor('daily_operations', facts(fyi), learned)).toEqual(expected);
  });

  test('a flag the rules read in explicit words takes strong learned evidence to overrule', () => {
    const pressing = facts('please send the signed contract to legal today, it is urgent');
    expect(flagsFor('daily_operations', pressing).urgent).toBe(true);
    expect(flagsFor('daily_operations', pressing, { urgent: -4, important: 0 }).urgent).toBe(true);
    expect(flagsFor('daily_operations', pressing, { urgent: -5, important: 0 }).urgent).toBe(false);
  });

  test('every emergency is urgent and important, whatever was learned', () => {
    expect(flagsFor('emergency', facts('checkout is down for everyone'), { urgent: -9, important: -9 })).toEqual({ urgent: true, important: true });
  });
});

/** A labelled training example, as trainOn builds one. */
function row(text: string, area: Area, important: boolean, urgent = false) {
  return { features: bayesFeaturesOf(text), area, important, urgent };
}

describe('learned flags', () => {
  // "kiosk" and "picnic" are no cue of the rules; only the labels say which events matter.
  const examples = [
    ...Array.from({ length: 12 }, (_, i) => row(`kiosk at the expo in hall ${i}, two people needed on the stand`, 'offline_activity', true)),
    ...Array.from({ length: 12 }, (_, i) => row(`picnic in the park on day ${i}, bring snacks`, 'offline_activity', false)),
    ...Array.from({ length: 12 }, (_, i) => row(`weekly sync number ${i} on zoom`, 'online_meeting', false)),
    ...Array.from({ length: 12 }, (_, i) => row(`the api returns 500 for every customer since ${i} minutes`, 'emergency', true, true)),
  ];
  const model = compileBayes(trainBayes(examples));

  test('follow what the labels taught for the area the message is in', () => {
    const kiosk = classify('we have a kiosk at the expo in Lisbon next month, who wants a shift on the stand?', { model });
    const picnic = classify('picnic in the park next month, bring snacks', { model });
    expect(kiosk.area).toBe('offline_activity');
    expect(picnic.area).toBe('offline_activity');
    expect(kiosk.important).toBe(true);
    expect(picnic.important).toBe(false);
  });

  test('learn from the cue families too, so a word never seen still counts through its family', () => {
    // "summit" and "conference" are both in-person events to the rules; only "summit" was ever labelled.
    const events = compileBayes(
      trainBayes([
        ...Array.from({ length: 12 }, (_, i) => row(`summit in city ${i} with our partners`, 'offline_activity', true)),
        ...Array.from({ length: 12 }, (_, i) => row(`picnic in park ${i}, bring snacks`, 'offline_activity', false)),
      ]),
    );
    const conference = classify('conference in Oslo next month', { model: events });
    expect(conference.area).toBe('offline_activity');
    expect(conference.important).toBe(true);
  });

  test('leave a message of three words or fewer to the rules', () => {
    // The shipped model's prior alone would call this important.
    expect(classify('read later pls').important).toBe(false);
  });

  test('counts each message once per flag, in its own area only', () => {
    const counts = trainBayes(examples);
    // Four areas besides emergencies, four columns each: [not important, important, not urgent, urgent].
    expect(counts.flagDocs).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 12, 0, 12, 0, 12, 12, 24, 0]);
    expect(counts.flags['kiosk']).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12, 12, 0]);
    // Emergencies teach no flags: every emergency is both.
    expect(counts.flags['api']).toBeUndefined();
  });
});

describe('a model that does not fit the code', () => {
  const counts = () => trainBayes([row('kiosk at the expo, two people needed on the stand', 'offline_activity', true)]);

  test('is refused with the command that retrains it', () => {
    const { flags: _flags, ...withoutFlags } = counts();
    expect(() => compileBayes(withoutFlags as never)).toThrow(/no flag counts.*--write-model/);
    expect(() => compileBayes({ ...counts(), areas: [...counts().areas].reverse() })).toThrow(/trained for the areas/);
    expect(() => compileBayes({ ...counts(), flags: { ...counts().flags, 'never-a-word': new Array(16).fill(1) } })).toThrow(/no word feature/);
  });
});

