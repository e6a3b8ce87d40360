import { claimStep, finishStep, transition, type Emergency, type EmergencyAction } from '../../../src/core/emergency';

const base: Emergency = {
  id: 'em1', team: 'T0TEAM', code: '4821', text: 'db down', severity: 'critical', reporter: 'U0ADA', origin: 'C0OPS',
  declaredAt: 1_000, status: 'open', step: 0,
};

describe('transition', () => {
  // Every action from every status: closed emergencies refuse everything, a repeated acknowledgement changes nothing.
  const cases: Array<[label: string, from: Partial<Emergency>, action: EmergencyAction, expected: { status?: Emergency['status']; changed?: boolean; refused?: boolean }]> = [
    ['acknowledge an open emergency', {}, 'acknowledge', { status: 'acknowledged', changed: true }],
    ['acknowledge twice (a double click)', { status: 'acknowledged', ackBy: 'U0ADA', ackAt: 5 }, 'acknowledge', { status: 'acknowledged', changed: false }],
    ['resolve an acknowledged one', { status: 'acknowledged' }, 'resolve', { status: 'resolved', changed: true }],
    ['close an open one as not an emergency', {}, 'not_emergency', { status: 'not_emergency', changed: true }],
    ['escalate an acknowledged one (re-opens paging)', { status: 'acknowledged' }, 'escalate_now', { status: 'open', changed: true }],
    ['acknowledge a resolved one', { status: 'resolved' }, 'acknowledge', { refused: true }],
    ['resolve one closed as not an emergency', { status: 'not_emergency' }, 'resolve', { refused: true }],
  ];
  test.each(cases)('%s', (_label, from, action, expected) => {
    const outcome = transition({ ...base, ...from }, action, 'U0BOB', 2_000);
    if (expected.refused) return expect(outcome).toEqual({ ok: false, reason: 'already_closed' });
    expect(outcome.ok && outcome.next.status).toBe(expected.status);
    expect(outcome.ok && outcome.changed).toBe(expected.changed);
  });

  // "Escalate now" carries the step its message showed: a repeat for a step passed or already asked for is no change.
  const escalations: Array<[label: string, from: Partial<Emergency>, seenStep: number | undefined, expected: { changed: boolean; escalateTo?: number }]> = [
    ['from the step the message shows', { step: 0 }, 0, { changed: true, escalateTo: 1 }],
    ['a second click before the job claimed the step', { step: 0, escalateTo: 1 }, 0, { changed: false, escalateTo: 1 }],
    ['a second click after the job claimed the step', { step: 1, stepPaged: true }, 0, { changed: false }],
    ['from a message already redrawn for the new step', { step: 1, stepPaged: true }, 1, { changed: true, escalateTo: 2 }],
    ['without a step (an old message): from the current one', { step: 1 }, undefined, { changed: true, escalateTo: 2 }],
  ];
  test.each(escalations)('escalate now %s', (_label, from, seenStep, expected) => {
    const outcome = transition({ ...base, ...from }, 'escalate_now', 'U0BOB', 2_000, { seenStep });
    expect(outcome.ok && outcome.changed).toBe(expected.changed);
    expect(outcome.ok && outcome.next.escalateTo).toBe(expected.escalateTo);
  });

  test('an acknowledgement cancels an "Escalate now" no job has claimed, so a later press asks again', () => {
    const acked = transition({ ...base, escalateTo: 1 }, 'acknowledge', 'U0ADA', 2_000);
    expect(acked.ok && acked.next.escalateTo).toBeUndefined();
    const again = acked.ok ? transition(acked.next, 'escalate_now', 'U0BOB', 3_000, { seenStep: 0 }) : undefined;
    expect(again).toMatchObject({ ok: true, changed: true, next: { status: 'open', escalateTo: 1 } });
  });

  test('records who acknowledged and when', () => {
    const outcome = transition(base, 'acknowledge', 'U0BOB', 2_000);
    expect(outcome.ok && outcome.next).toMatchObject({ ackBy: 'U0BOB', ackAt: 2_000 });
  });
});

test('claiming the step "Escalate now" asked for settles the request', () => {
  const claimed = claimStep({ ...base, escalateTo: 1 }, 1);
  expect(claimed.ok && claimed.next).toMatchObject({ step: 1, stepPaged: false });
  expect(claimed.ok && 'escalateTo' in claimed.next).toBe(false);
});

describe('claimStep', () => {
  // The rows an escalation job meets: the normal next step, a repeat run, a crash mid-step, a late ack.
  const cases: Array<[label: string, from: Partial<Emergency>, step: number, expected: 'claimed' | 'not_paging' | 'already_paged']> = [
    ['the next step of an open emergency', { step: 0 }, 1, 'claimed'],
    ['a step already claimed and paged (the job ran twice)', { step: 1, stepPaged: true }, 1, 'already_paged'],
    ['a step claimed by a worker that crashed before paging finished', { step: 1, stepPaged: false }, 1, 'claimed'],
    ['an older step than the one paged', { step: 2, stepPaged: true }, 1, 'already_paged'],
    ['step 0 once the declaration settled its pages', { step: 0, stepPaged: true }, 0, 'already_paged'],
    ['step 0 from a record older than the first-tier check (no flag)', { step: 0 }, 0, 'already_paged'],
    ['step 0 whose declaration died before its pages settled (the first-tier check)', { step: 0, stepPaged: false }, 0, 'claimed'],
    ['any step after an acknowledgement', { status: 'acknowledged' }, 1, 'not_paging'],
    ['any step after resolve', { status: 'resolved' }, 1, 'not_paging'],
  ];
  test.each(cases)('%s', (_label, from, step, expected) => {
    const outcome = claimStep({ ...base, ...from }, step);
    if (expected === 'claimed') {
      expect(outcome.ok).toBe(true);
      expect(outcome.ok && outcome.next).toMatchObject({ step, stepPaged: false });
    } else expect(outcome).toEqual({ ok: false, reason: expected });
  });
});

describe('finishStep', () => {
  // Only the step whose pages just settled is marked; a step claimed meanwhile keeps its own flag.
  const cases: Array<[label: string, from: Partial<Emergency>, step: number, marked: boolean]> = [
    ['the declaration settles tier 1', { step: 0, stepPaged: false }, 0, true],
    ['a job settles its own step', { step: 2, stepPaged: false }, 2, true],
    ['a later step was claimed meanwhile ("Escalate now")', { step: 1, stepPaged: false }, 0, false],
    ['already marked', { step: 1, stepPaged: true }, 1, false],
  ];
  test.each(cases)('%s', (_label, from, step, marked) => {
    const next = finishStep({ ...base, ...from }, step);
    if (marked) expect(next).toMatchObject({ step, stepPaged: true });
    else expect(next).toBeUndefined();
  });
});
