import { escalationEndStep, escalationSchedule, planEscalation, type EscalationSettings } from '../../../src/core/escalation';

const MIN = 60_000;
const ada = { slack: 'U0ADA', phone: '+36201234567' };
const bob = { slack: 'U0BOB', phone: '+36207654321' };
const cy = { slack: 'U0CY' };

const twoTiers: EscalationSettings = { tiers: [[ada], [bob, cy]], ack_timeout: 5 * MIN, repeat_last_tier: 3 };

describe('planEscalation', () => {
  // Two tiers and three repeats: steps 0-1 walk the tiers, 2-4 repeat tier 2, step 5 is past the bound.
  const cases: Array<[label: string, step: number, expected: ReturnType<typeof planEscalation>]> = [
    ['step 0 pages tier 1 at declaration', 0, { step: 0, tierIndex: 0, pageAt: 0, repeat: false }],
    ['step 1 pages tier 2 after one ack timeout', 1, { step: 1, tierIndex: 1, pageAt: 5 * MIN, repeat: false }],
    ['step 2 repeats the last tier', 2, { step: 2, tierIndex: 1, pageAt: 10 * MIN, repeat: true }],
    ['step 4 is the third and last repeat', 4, { step: 4, tierIndex: 1, pageAt: 20 * MIN, repeat: true }],
    ['step 5 is past the bound', 5, undefined],
    ['a negative step is nothing', -1, undefined],
    ['a fractional step is nothing', 0.5, undefined],
  ];
  test.each(cases)('%s', (_label, step, expected) => {
    expect(planEscalation(step, twoTiers)).toEqual(expected);
  });

  test('pages nobody when no tiers are configured', () => {
    expect(planEscalation(0, { tiers: [], ack_timeout: MIN, repeat_last_tier: 3 })).toBeUndefined();
  });
});

describe('escalationSchedule', () => {
  // Shapes that change the length: no repeats, one tier, no tiers.
  const cases: Array<[label: string, settings: EscalationSettings, tiers: number[], offsets: number[]]> = [
    ['two tiers, three repeats', twoTiers, [0, 1, 1, 1, 1], [0, 5, 10, 15, 20]],
    ['two tiers, no repeats', { ...twoTiers, repeat_last_tier: 0 }, [0, 1], [0, 5]],
    ['one tier repeated twice, 10s timeout', { tiers: [[ada]], ack_timeout: 10_000, repeat_last_tier: 2 }, [0, 0, 0], [0, 1 / 6, 2 / 6]],
    ['no tiers', { tiers: [], ack_timeout: MIN, repeat_last_tier: 3 }, [], []],
  ];
  test.each(cases)('%s', (_label, settings, tiers, offsets) => {
    const schedule = escalationSchedule(settings);
    expect(schedule.map((s) => s.tierIndex)).toEqual(tiers);
    expect(schedule.map((s) => s.pageAt / MIN)).toEqual(offsets);
    expect(schedule.map((s) => s.step)).toEqual(tiers.map((_, i) => i));
  });
});

describe('escalationEndStep', () => {
  test('is the step right after the last page, and there is none without tiers', () => {
    expect(escalationEndStep(twoTiers)).toBe(escalationSchedule(twoTiers).length);
    expect(planEscalation(escalationEndStep(twoTiers)!, twoTiers)).toBeUndefined();
    expect(escalationEndStep({ tiers: [[ada]], ack_timeout: MIN, repeat_last_tier: 0 })).toBe(1);
    expect(escalationEndStep({ tiers: [], ack_timeout: MIN, repeat_last_tier: 2 })).toBeUndefined();
  });
});
