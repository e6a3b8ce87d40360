import type { Area } from '../../../src/core/areas';
import { classify } from '../../../src/core/classify';
import { tokenize } from '../../../src/core/classify-text';
import { buildCorrectionModel, contentWordsOf, type Correction } from '../../../src/core/learning';
import { toProse } from '../../../src/core/slack-text';

const tokens = (text: string) => tokenize(toProse(text).prose);
const corrections = (area: Area, texts: string[]): Correction[] => texts.map((text, i) => ({ text, area, at: 1000 + i }));

// In this workspace the "deploy train" is the daily release batch, not travel.
const TRAIN = ['deploy train leaves at 15:00', 'the deploy train leaves in 10 min', 'deploy train leaves after lunch, get PRs in'];

describe('contentWordsOf', () => {
  test('keeps the words that carry meaning, once each', () => {
    expect(contentWordsOf('The <@U1> deploy TRAIN leaves at 15:00, the train!')).toEqual(['deploy', 'train', 'leaves']);
  });
});

describe('buildCorrectionModel', () => {
  test('similar corrections that agree decide the area', () => {
    const model = buildCorrectionModel(corrections('daily_operations', TRAIN));
    expect(model.suggest(tokens('deploy train leaves at 11:30 tomorrow'))).toMatchObject({ area: 'daily_operations', votes: 3 });
  });

  // Rows: how many agreeing corrections it takes, and what does not count.
  const cases: Array<[label: string, learned: Correction[], text: string, area: Area | undefined]> = [
    ['one correction is not enough', corrections('daily_operations', TRAIN.slice(0, 1)), 'deploy train leaves at noon', undefined],
    ['two agreeing corrections are', corrections('daily_operations', TRAIN.slice(0, 2)), 'deploy train leaves at noon', 'daily_operations'],
    ['an unrelated message is untouched', corrections('daily_operations', TRAIN), 'team offsite in Lisbon, flights booked', undefined],
    [
      'corrections that disagree cancel out',
      [...corrections('daily_operations', TRAIN.slice(0, 2)), ...corrections('offline_activity', ['deploy train leaves at 15:00 from platform 4', 'the deploy train leaves at 10 from the station'])],
      'deploy train leaves at noon',
      undefined,
    ],
    ['a text of only function words teaches nothing', corrections('emergency', ['it is what it is', 'it is', 'is it']), 'it is', undefined],
  ];
  test.each(cases)('%s', (_label, learned, text, area) => {
    expect(buildCorrectionModel(learned).suggest(tokens(text))?.area).toBe(area);
  });

  test('ignores entries that are not corrections', () => {
    const model = buildCorrectionModel([{ text: 'deploy train', area: 'nonsense' as Area, at: 1 }, { text: 42 as unknown as string, area: 'deep_work', at: 2 }]);
    expect(model.size).toBe(0);
  });
});

describe('classify with a correction model', () => {
  test('N corrections on a pattern the rules get wrong turn the verdict', () => {
    const text = 'deploy train leaves at 11:30 tomorrow';
    expect(classify(text).area).toBe('offline_activity');
    const verdict = classify(text, { corrections: buildCorrectionModel(corrections('daily_operations', TRAIN)) });
    expect(verdict.area).toBe('daily_operations');
    expect(verdict.reasons[0]).toBe('learned from 3 corrections in this workspace');
  });

  test('never overrides /emergency', () => {
    const model = buildCorrectionModel(corrections('daily_operations', ['prod is down again', 'prod is down for me again', 'prod down again lol']));
    expect(classify('prod is down again', { corrections: model, command: 'emergency' }).area).toBe('emergency');
  });
});
