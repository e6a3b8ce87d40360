/**
 * A hash table from token to value, looked up by a slice of a text. Most tokens of a message were
 * seen before, so a lookup that needs no cut-out string (and no hash of one) skips both for them.
 */

export interface Keyed {
  readonly token: string;
}

const INITIAL_CAPACITY = 1024;

/** FNV-1a: a slice's hash is HASH_SEED folded with hashStep over its char codes. */
export const HASH_SEED = 0x811c9dc5;

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

function sameAsSlice(token: string, text: string, start: number, end: number): boolean {
  if (token.length !== end - start) return false;
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

export class TokenTable<V extends Keyed> {
  // Open addressing with linear probing; kept under half full.
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private values: Array<V | undefined> = new Array<V | undefined>(INITIAL_CAPACITY).fill(undefined);
  private count = 0;

  /** Past `limit` entries the table starts over rather than grow without bound. */
  constructor(private readonly limit: number) {}

  get size(): number {
    return this.count;
  }

  /** The value stored for `text.slice(start, end)`, whose hash is `hash`. */
  find(text: string, start: number, end: number, hash: number): V | undefined {
    const mask = this.values.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const value = this.values[i];
      if (value === undefined) return undefined;
      if (this.hashes[i] === hash && sameAsSlice(value.token, text, start, end)) return value;
    }
  }

  /** Stores a value whose token is not in the table yet. */
  add(value: V, hash: number): void {
    if (this.count >= this.limit) this.clear();
    if (2 * (this.count + 1) > this.values.length) this.grow();
    this.place(value, hash);
    this.count++;
  }

  clear(): void {
    this.hashes = new Int32Array(INITIAL_CAPACITY);
    this.values = new Array<V | undefined>(INITIAL_CAPACITY).fill(undefined);
    this.count = 0;
  }

  private place(value: V, hash: number): void {
    const mask = this.values.length - 1;
    let i = hash & mask;
    while (this.values[i] !== undefined) i = (i + 1) & mask;
    this.values[i] = value;
    this.hashes[i] = hash;
  }

  private grow(): void {
    const { hashes, values } = this;
    this.hashes = new Int32Array(values.length * 2);
    this.values = new Array<V | undefined>(values.length * 2).fill(undefined);
    for (let i = 0; i < values.length; i++) if (values[i] !== undefined) this.place(values[i]!, hashes[i]!);
  }
}
