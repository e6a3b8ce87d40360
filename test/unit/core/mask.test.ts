import { countryCode, isMaskedPhone, maskPhone, maskPhones, normalizePhone, restoreMaskedPhones } from '../../../src/core/mask';

describe('maskPhone', () => {
  // One row per country-code length (1, 2 and 3 digits), plus input that is not a number at all.
  const rows: Array<[label: string, phone: string, masked: string]> = [
    ['Hungary (two-digit code)', '+36201234567', '+36 •••• 4567'],
    ['North America (one-digit code)', '+15555550100', '+1 •••• 0100'],
    ['Russia (one-digit code 7)', '+74951234567', '+7 •••• 4567'],
    ['Ireland (three-digit code)', '+353871234567', '+353 •••• 4567'],
    ['United Kingdom', '+447700900123', '+44 •••• 0123'],
    ['not a number', 'call me', '••••'],
  ];
  test.each(rows)('%s', (_label, phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  test('never shows more than the code and the last four digits', () => {
    expect(maskPhone('+36201234567')).not.toContain('2012');
  });
});

describe('countryCode', () => {
  test.each([
    ['+36201234567', '36'],
    ['+15555550100', '1'],
    ['+353871234567', '353'],
    ['+861012345678', '86'],
  ])('%s -> %s', (phone, code) => expect(countryCode(phone)).toBe(code));
});

describe('isMaskedPhone', () => {
  test.each([
    ['+36 •••• 4567', true],
    ['••••', true],
    ['+36201234567', false],
    ['+36 xxxx 4567', false],
    [undefined, false],
  ])('%s -> %s', (value, expected) => expect(isMaskedPhone(value)).toBe(expected));
});

describe('normalizePhone', () => {
  test.each([
    ['+36 20 123 4567', '+36201234567'],
    ['(+1) 555-555-0100', '+15555550100'],
    ['  +44.7700.900123 ', '+447700900123'],
  ])('%s -> %s', (typed, e164) => expect(normalizePhone(typed)).toBe(e164));
});

describe('maskPhones', () => {
  test('masks every phone in the settings and leaves the rest alone', () => {
    const input = { timezone: 'UTC', emergency: { tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }, { slack: 'U0BOB' }]] } };
    expect(maskPhones(input)).toEqual({ timezone: 'UTC', emergency: { tiers: [[{ slack: 'U0ADA', phone: '+36 •••• 4567' }, { slack: 'U0BOB' }]] } });
    expect(input.emergency.tiers[0]![0]!.phone).toBe('+36201234567');
  });
});

describe('restoreMaskedPhones', () => {
  const current = { emergency: { tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }], [{ slack: 'U0BOB', phone: '+15555550101' }]] } };

  test('puts back the stored number where the mask matches the same person', () => {
    const next = { emergency: { tiers: [[{ slack: 'U0BOB', phone: '+1 •••• 0101' }, { slack: 'U0ADA', phone: '+36 •••• 4567' }]] } };
    const { value, unresolved } = restoreMaskedPhones(next, current);
    expect(value.emergency.tiers[0]).toEqual([{ slack: 'U0BOB', phone: '+15555550101' }, { slack: 'U0ADA', phone: '+36201234567' }]);
    expect(unresolved).toEqual([]);
  });

  test('leaves a mask that matches nobody and names its path', () => {
    const next = { emergency: { tiers: [[{ slack: 'U0CAT', phone: '+36 •••• 4567' }]] } };
    const { value, unresolved } = restoreMaskedPhones(next, current);
    expect(value.emergency.tiers[0]![0]!.phone).toBe('+36 •••• 4567');
    expect(unresolved).toEqual([['emergency', 'tiers', 0, 0, 'phone']]);
  });

  test('keeps a number typed in full', () => {
    const next = { emergency: { tiers: [[{ slack: 'U0ADA', phone: '+36209999999' }]] } };
    expect(restoreMaskedPhones(next, current).value.emergency.tiers[0]![0]!.phone).toBe('+36209999999');
  });
});
