import { applyHubAction, hubActionsFor, hubTitleLine, waitingOn, type HubAction, type HubRef, type HubState } from '../../../src/core/hub';

const AT = Date.parse('2026-04-01T10:00:00Z');
const ref = (state: HubState, extra: Partial<HubRef> = {}): HubRef => ({ channel: 'C0HUB', ts: '1.000100', state, ...extra });

describe('applyHubAction', () => {
  // Every state against every action: the life cycle is proposal -> in discussion -> decided -> archived, with reopen.
  const cases: Array<[from: HubState, action: HubAction, to: HubState | 'refused']> = [
    ['proposal', 'discuss', 'in_discussion'],
    ['proposal', 'decide', 'decided'],
    ['proposal', 'archive', 'archived'],
    ['proposal', 'reopen', 'refused'],
    ['in_discussion', 'discuss', 'refused'],
    ['in_discussion', 'decide', 'decided'],
    ['in_discussion', 'archive', 'archived'],
    ['in_discussion', 'reopen', 'refused'],
    ['decided', 'discuss', 'refused'],
    ['decided', 'decide', 'refused'],
    ['decided', 'archive', 'archived'],
    ['decided', 'reopen', 'in_discussion'],
    ['archived', 'discuss', 'refused'],
    ['archived', 'decide', 'refused'],
    ['archived', 'archive', 'refused'],
    ['archived', 'reopen', 'in_discussion'],
  ];
  test.each(cases)('%s + %s -> %s', (from, action, to) => {
    const out = applyHubAction(ref(from), action, 'U0ADA', AT);
    expect(out.ok ? out.hub.state : 'refused').toBe(to);
    expect(hubActionsFor(from).includes(action)).toBe(to !== 'refused');
  });

  test('a decision records who and when; archiving keeps it; reopening forgets it', () => {
    const decided = applyHubAction(ref('in_discussion'), 'decide', 'U0ADA', AT);
    expect(decided).toEqual({ ok: true, hub: ref('decided', { decidedBy: 'U0ADA', decidedAt: AT, changedBy: 'U0ADA', changedAt: AT }) });
    const archived = applyHubAction((decided as { hub: HubRef }).hub, 'archive', 'U0BOB', AT + 1);
    expect(archived.ok && archived.hub).toMatchObject({ state: 'archived', decidedBy: 'U0ADA', decidedAt: AT, changedBy: 'U0BOB' });
    const reopened = applyHubAction((archived as { hub: HubRef }).hub, 'reopen', 'U0CAT', AT + 2);
    expect(reopened.ok && reopened.hub.decidedBy).toBeUndefined();
  });
});

describe('waitingOn', () => {
  test('the people the text asks, not the author', () => {
    expect(waitingOn({ text: 'RFC: new on-call rota. <@U0ADA> <@U0BOB|bob> please weigh in, <@U0ADA> too', author: 'U0BOB' })).toEqual(['U0ADA']);
  });
  test('the author, when nobody is asked', () => {
    expect(waitingOn({ text: 'Proposal: move retros to Fridays', author: 'U0CAT' })).toEqual(['U0CAT']);
  });
});

describe('hubTitleLine', () => {
  test('the first non-empty line', () => {
    expect(hubTitleLine('\n  RFC: billing v2  \nDetails follow')).toBe('RFC: billing v2');
  });
});
