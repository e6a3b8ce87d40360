import { parseOpsgenieWebhook, parsePagerDutyWebhook, parseSmsReply, parseVoiceKeypress } from '../../../src/pagers/callbacks';

describe('parseSmsReply', () => {
  // People type on phones: case, spacing, a missing space and a trailing dot all happen; anything that
  // is not clearly ACK or RES with a code must be ignored, never guessed.
  const cases: Array<[label: string, body: string, parsed: ReturnType<typeof parseSmsReply>]> = [
    ['upper case', 'ACK 4821', { action: 'ack', code: '4821' }],
    ['lower case', 'ack 4821', { action: 'ack', code: '4821' }],
    ['no space', 'ACK4821', { action: 'ack', code: '4821' }],
    ['padded, mixed case resolve', ' Res 4821 ', { action: 'resolve', code: '4821' }],
    ['long words', 'acknowledged 4821', { action: 'ack', code: '4821' }],
    ['resolve with a hash and a dot', 'RESOLVE #4821.', { action: 'resolve', code: '4821' }],
    ['a newline from the keyboard', 'ack 4821\n', { action: 'ack', code: '4821' }],
    ['STOP', 'STOP', undefined],
    ['chat', 'on my way', undefined],
    ['no code', 'ACK', undefined],
    ['a code with letters', 'ACK 48a1', undefined],
    ['a word that starts like ack', 'ACKNOWLEDGEMENT 4821', undefined],
    ['two codes', 'ACK 4821 4822', undefined],
    ['empty', '', undefined],
  ];

  test.each(cases)('%s', (_label, body, parsed) => {
    expect(parseSmsReply(body)).toEqual(parsed);
  });
});

describe('parseVoiceKeypress', () => {
  const query = new URLSearchParams({ team: 'T0TEAM', emergency: 'E42', code: '4821' });

  test('1 acknowledges the emergency named in the gather URL', () => {
    expect(parseVoiceKeypress(new URLSearchParams({ Digits: '1' }), query)).toEqual({ action: 'ack', team: 'T0TEAM', emergencyId: 'E42', code: '4821' });
  });

  test.each([
    ['another key', new URLSearchParams({ Digits: '2' }), query],
    ['no key (gather timed out)', new URLSearchParams({}), query],
    ['a URL without the emergency', new URLSearchParams({ Digits: '1' }), new URLSearchParams({ team: 'T0TEAM' })],
  ])('%s does nothing', (_label, params, q) => {
    expect(parseVoiceKeypress(params, q)).toBeUndefined();
  });
});

describe('parsePagerDutyWebhook', () => {
  const event = (eventType: string, incidentKey: unknown) => ({ event: { id: 'x', event_type: eventType, resource_type: 'incident', data: { id: 'P1', type: 'incident', incident_key: incidentKey } } });

  test.each([
    ['acknowledged', event('incident.acknowledged', 'quadrant:T0TEAM:E1.2'), { action: 'ack', team: 'T0TEAM', emergencyId: 'E1.2' }],
    ['resolved', event('incident.resolved', 'quadrant:T0TEAM:E1.2'), { action: 'resolve', team: 'T0TEAM', emergencyId: 'E1.2' }],
    ['triggered (ours, nothing to do)', event('incident.triggered', 'quadrant:T0TEAM:E1.2'), undefined],
    ['an incident Quadrant did not open', event('incident.acknowledged', 'd3640fbd41094207a1c11e58e46b1662'), undefined],
    ['no incident key', event('incident.acknowledged', null), undefined],
    ['not a v3 webhook', { messages: [] }, undefined],
  ])('%s', (_label, body, parsed) => {
    expect(parsePagerDutyWebhook(body)).toEqual(parsed);
  });
});

describe('parseOpsgenieWebhook', () => {
  const body = (action: string, alias: unknown) => ({ action, alert: { alertId: 'a', alias }, source: { name: '', type: 'web' } });

  test.each([
    ['Acknowledge', body('Acknowledge', 'quadrant:T0TEAM:E42'), { action: 'ack', team: 'T0TEAM', emergencyId: 'E42' }],
    ['Close', body('Close', 'quadrant:T0TEAM:E42'), { action: 'resolve', team: 'T0TEAM', emergencyId: 'E42' }],
    ['AddNote', body('AddNote', 'quadrant:T0TEAM:E42'), undefined],
    ['an alert Quadrant did not create', body('Acknowledge', 'db-disk'), undefined],
    ['garbage', 'nope', undefined],
  ])('%s', (_label, payload, parsed) => {
    expect(parseOpsgenieWebhook(payload)).toEqual(parsed);
  });
});
