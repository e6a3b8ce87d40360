/**
 * Phone numbers shown to people and written to exports: enough to recognise ("+36 •••• 4567"), not enough
 * to dial. An export that went through Slack may be imported again with its masks: `restoreMaskedPhones`
 * puts the stored number back where the mask still matches it, so a masked round trip loses nothing.
 */

/** What stands in for a number's middle digits. */
export const MASK_DOTS = '••••';
const MASKED = /^\+(\d{1,3}) •••• (\d{4})$/;

// ITU-T E.164 country calling codes: 1 and 7 are one digit, these are two, every other code is three.
const TWO_DIGIT_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84',
  '86', '90', '91', '92', '93', '94', '95', '98',
]);

/** The country calling code of an E.164 number ("+36201234567" -> "36"). */
export function countryCode(e164: string): string {
  const digits = e164.replace(/^\+/, '');
  if (digits.startsWith('1') || digits.startsWith('7')) return digits.slice(0, 1);
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? digits.slice(0, 2) : digits.slice(0, 3);
}

/** "+36201234567" -> "+36 •••• 4567". Anything that is not a plausible number is hidden entirely. */
export function maskPhone(phone: string): string {
  if (!/^\+\d{7,15}$/.test(phone)) return MASK_DOTS;
  return `+${countryCode(phone)} ${MASK_DOTS} ${phone.slice(-4)}`;
}

export function isMaskedPhone(value: unknown): value is string {
  return typeof value === 'string' && (value === MASK_DOTS || MASKED.test(value));
}

/** People write "+36 20 123-4567" or "(+1) 555 0100"; E.164 has only the plus and digits. */
export function normalizePhone(text: string): string {
  return text.trim().replace(/[\s().\-]/g, '');
}

/** A deep copy with every `phone` value masked. */
export function maskPhones<T>(value: T): T {
  return mapPhones(value, (phone) => maskPhone(phone));
}

interface OnCallLike {
  slack?: unknown;
  phone?: unknown;
}

/**
 * Puts back stored numbers where `next` carries the mask of the number the same Slack user has in
 * `current`. Returns the restored copy and the paths of masks that matched nothing (those stay masked,
 * so validation names them).
 */
export function restoreMaskedPhones<T>(next: T, current: unknown): { value: T; unresolved: (string | number)[][] } {
  const known = new Map<string, string[]>();
  for (const person of onCallPeople(current)) {
    if (typeof person.slack === 'string' && typeof person.phone === 'string') {
      known.set(person.slack, [...(known.get(person.slack) ?? []), person.phone]);
    }
  }
  const unresolved: (string | number)[][] = [];
  const value = walk(next, [], (node, path) => {
    if (!isRecord(node) || !isMaskedPhone(node.phone)) return node;
    const match = (known.get(String(node.slack)) ?? []).find((phone) => maskPhone(phone) === node.phone);
    if (match === undefined) {
      unresolved.push([...path, 'phone']);
      return node;
    }
    return { ...node, phone: match };
  });
  return { value: value as T, unresolved };
}

function onCallPeople(settings: unknown): OnCallLike[] {
  const tiers = isRecord(settings) && isRecord(settings.emergency) ? settings.emergency.tiers : undefined;
  if (!Array.isArray(tiers)) return [];
  return tiers.flatMap((tier) => (Array.isArray(tier) ? tier.filter(isRecord) : []));
}

function mapPhones<T>(value: T, change: (phone: string) => string): T {
  return walk(value, [], (node) => (isRecord(node) && typeof node.phone === 'string' ? { ...node, phone: change(node.phone) } : node)) as T;
}

/** Rebuilds arrays and plain objects bottom-up, letting `visit` replace any node after its children. */
function walk(value: unknown, path: (string | number)[], visit: (node: unknown, path: (string | number)[]) => unknown): unknown {
  if (Array.isArray(value)) return visit(value.map((v, i) => walk(v, [...path, i], visit)), path);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, [...path, k], visit);
    return visit(out, path);
  }
  return visit(value, path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
