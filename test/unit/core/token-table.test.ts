import { HASH_SEED, hashStep, TokenTable } from '../../../src/core/token-table';

function hashSlice(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

interface Entry {
  token: string;
  n: number;
}

function add(table: TokenTable<Entry>, token: string, n: number): void {
  table.add({ token, n }, hashSlice(token, 0, token.length));
}

function find(table: TokenTable<Entry>, text: string, start: number, end: number): Entry | undefined {
  return table.find(text, start, end, hashSlice(text, start, end));
}

describe('TokenTable', () => {
  test('finds a token by a slice of a longer text, and nothing for a slice it does not hold', () => {
    const table = new TokenTable<Entry>(100);
    add(table, 'outage', 1);
    add(table, 'call', 2);
    const text = 'the outage call';
    expect(find(table, text, 4, 10)?.n).toBe(1);
    expect(find(table, text, 11, 15)?.n).toBe(2);
    expect(find(table, text, 0, 3)).toBeUndefined();
    // Same hash is not enough: the characters are compared too.
    expect(table.find(text, 0, 3, hashSlice('outage', 0, 6))).toBeUndefined();
  });

  test('holds every entry through growth, including ones that land on the same slot', () => {
    const table = new TokenTable<Entry>(100_000);
    const tokens = Array.from({ length: 5000 }, (_, i) => `t${i.toString(36)}`);
    tokens.forEach((token, i) => add(table, token, i));
    // Forced collisions: different tokens stored under one hash still come back by their own text.
    table.add({ token: 'left', n: -1 }, 42);
    table.add({ token: 'right', n: -2 }, 42);
    expect(table.size).toBe(5002);
    tokens.forEach((token, i) => expect(find(table, ` ${token} `, 1, token.length + 1)?.n).toBe(i));
    expect(table.find('left', 0, 4, 42)?.n).toBe(-1);
    expect(table.find('right', 0, 5, 42)?.n).toBe(-2);
  });

  test('starts over at its limit instead of growing without bound', () => {
    const table = new TokenTable<Entry>(3);
    ['a', 'b', 'c'].forEach((token, i) => add(table, token, i));
    expect(table.size).toBe(3);
    add(table, 'd', 3);
    expect(table.size).toBe(1);
    expect(find(table, 'a', 0, 1)).toBeUndefined();
    expect(find(table, 'd', 0, 1)?.n).toBe(3);
  });
});
