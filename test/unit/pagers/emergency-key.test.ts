import { emergencyKey, parseEmergencyKey } from '../../../src/pagers/emergency-key';

test('is the same for the same emergency, so every worker dedups onto one alert', () => {
  expect(emergencyKey('T0TEAM', '1718000000.000100')).toBe('quadrant:T0TEAM:1718000000.000100');
  expect(parseEmergencyKey(emergencyKey('T0TEAM', 'E:1.2'))).toEqual({ team: 'T0TEAM', emergencyId: 'E:1.2' });
});

test('stays within PagerDuty\'s 255 characters for any id', () => {
  const key = emergencyKey('T0TEAM', 'x'.repeat(400));
  expect(key.length).toBeLessThanOrEqual(255);
  expect(key).toBe(emergencyKey('T0TEAM', 'x'.repeat(400)));
});

test('ignores keys Quadrant did not make', () => {
  expect(parseEmergencyKey('srv01/mysql')).toBeUndefined();
});
