// Counts of every character and every pair of adjacent characters in the
// corpus: what an unfiltered search of a one- or two-character word would
// otherwise count by reading every paragraph (发展, 医: hundreds of ms at 50 MB).
// They are stored one row per first character, as JSON: a few thousand rows
// to rewrite per update instead of hundreds of thousands of pairs. (Per year
// they took as long to keep up as the rest of the writes together.)

import { bmpTable } from '../normalize/split.js';

const PLANE = 0x110000;

// Whitespace never appears in a query word (gramOf), and a pair across it is
// no pair. Every /\s/ character is in the BMP.
const SPACE = /\s/u;
const isSpace = (c: number, spaces: Uint8Array): boolean => c < 0x10000 && spaces[c] === 1;

/**
 * The string a gram total is kept for: one character, or two different
 * characters (the occurrences of 常常 in 常常常 do not overlap, as a
 * substring count has them, while its pairs do). Null for any other.
 */
export function gramOf(word: string): string | null {
  const chars = [...word];
  if (chars.length === 0 || chars.length > 2 || SPACE.test(word)) return null;
  if (chars.length === 2 && chars[0] === chars[1]) return null;
  return word;
}

// Pair keys are built from small dense indices of the characters seen, so
// that they stay small integers: keyed by code points (up to 2^41) every
// count was a boxed number and counting took four times as long.
const PAIR_BASE = 1 << 15;

/**
 * Counts by pair key (below 2^30) in typed arrays, open addressing with
 * linear probing: a Map's get and set per character were most of the time
 * the writing thread spent counting grams (a fifth of its time).
 */
class PairCounts {
  private keys = new Int32Array(1 << 16).fill(-1);
  private counts = new Float64Array(1 << 16);
  private mask = (1 << 16) - 1;
  private size = 0;

  add(key: number, n: number): void {
    // the product's high bits (as many as the table size needs) mix both characters
    let slot = Math.imul(key, 0x9e3779b1) >>> Math.clz32(this.mask);
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) {
        this.counts[slot]! += n;
        return;
      }
      if (k === -1) break;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = key;
    this.counts[slot] = n;
    if (++this.size * 2 > this.mask) this.grow();
  }

  *entries(): Generator<[number, number]> {
    for (let slot = 0; slot <= this.mask; slot++) if (this.keys[slot] !== -1) yield [this.keys[slot]!, this.counts[slot]!];
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.counts = new Float64Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== -1) this.add(keys[slot]!, counts[slot]!);
  }
}

/** Counts of characters and pairs of different adjacent characters, whitespace left out. */
export class GramCounter {
  private readonly indexOf = new Int32Array(PLANE); // code point → 1 + its index, 0: not seen
  private readonly codes: number[] = [];
  private readonly singles: number[] = [];
  private readonly pairs = new PairCounts();
  // pairs of characters beyond the first PAIR_BASE distinct ones (never in
  // practice): keyed by both code points
  private readonly widePairs = new Map<string, number>();

  private index(c: number): number {
    let i = this.indexOf[c]! - 1;
    if (i < 0) {
      i = this.codes.length;
      this.codes.push(c);
      this.singles.push(0);
      this.indexOf[c] = i + 1;
    }
    return i;
  }

  /** Adds `sign` × the grams of `text` (white space, line breaks too, is left out and ends a pair). */
  add(text: string, sign = 1): void {
    const spaces = bmpTable(SPACE);
    let previous = -1;
    let previousCode = -1;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      if (isSpace(c, spaces)) {
        previous = -1;
        continue;
      }
      const k = this.index(c);
      this.singles[k] = this.singles[k]! + sign;
      if (previous >= 0 && previousCode !== c) {
        if (previous < PAIR_BASE && k < PAIR_BASE) {
          this.pairs.add(previous * PAIR_BASE + k, sign);
        } else {
          const key = `${previousCode},${c}`;
          this.widePairs.set(key, (this.widePairs.get(key) ?? 0) + sign);
        }
      }
      previous = k;
      previousCode = c;
    }
  }

  /** Every count that is not zero, as [first code point, second code point or -1 for the character alone, count]. */
  *entries(): Generator<[number, number, number]> {
    for (let k = 0; k < this.codes.length; k++) if (this.singles[k] !== 0) yield [this.codes[k]!, -1, this.singles[k]!];
    for (const [key, n] of this.pairs.entries()) {
      if (n !== 0) yield [this.codes[Math.floor(key / PAIR_BASE)]!, this.codes[key % PAIR_BASE]!, n];
    }
    for (const [key, n] of this.widePairs) {
      const [a, b] = key.split(',').map(Number);
      if (n !== 0) yield [a!, b!, n];
    }
  }
}

/** One first character's stored row: the count of the character alone under "", of each pair under its second character. */
export type GramCounts = Record<string, number>;

/**
 * Merges counts (negative to take out) into the stored rows,
 * one per first character: `stored` reads a row (undefined: none yet),
 * `write` gets each changed row, null when nothing is left in it.
 */
export function mergeGrams(
  counts: GramCounter,
  stored: (first: string) => GramCounts | undefined,
  write: (first: string, row: GramCounts | null) => void,
): void {
  const byFirst = new Map<number, [number, number][]>();
  for (const [first, second, n] of counts.entries()) {
    let changes = byFirst.get(first);
    if (!changes) byFirst.set(first, (changes = []));
    changes.push([second, n]);
  }
  for (const [firstCode, changes] of byFirst) {
    const first = String.fromCodePoint(firstCode);
    const row = stored(first) ?? {};
    for (const [secondCode, n] of changes) {
      const second = secondCode < 0 ? '' : String.fromCodePoint(secondCode);
      const total = (row[second] ?? 0) + n;
      if (total > 0) row[second] = total;
      else delete row[second];
    }
    write(first, Object.keys(row).length ? row : null);
  }
}
