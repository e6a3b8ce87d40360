// No 0/1/i/l/o: people read these ids aloud and type them into `/async done`.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** A 7-character id derived from a seed, so the same Slack request or message always yields the same item. */
export function itemIdFrom(seedHash: Uint8Array): string {
  let id = '';
  for (let i = 0; i < 7; i++) id += ALPHABET[seedHash[i]! % ALPHABET.length];
  return id;
}

export function isItemId(text: string): boolean {
  return /^[23456789a-hjkmnp-z]{7}$/.test(text);
}
