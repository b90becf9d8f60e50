// Counts of every character and every pair of adjacent characters in the
// corpus: what an unfiltered search of a one- or two-character word would
// otherwise count by reading every paragraph (发展, 医: hundreds of ms at 50 MB).
// They are stored one row per first character, as JSON: a few thousand rows
// to rewrite per update instead of hundreds of thousands of pairs. (Per year
// they took as long to keep up as the rest of the writes together.)

const PLANE = 0x110000;

// Whitespace, as /\s/ has it, never appears in a query word, and a pair
// across it is no pair.
function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The string a gram total is kept for: one character, or two different
 * characters (the occurrences of 常常 in 常常常 do not overlap, as a
 * substring count has them, while its pairs do). Null for any other.
 */
export function gramOf(word: string): string | null {
  const chars = [...word];
  if (chars.length === 0 || chars.length > 2 || /\s/u.test(word)) return null;
  if (chars.length === 2 && chars[0] === chars[1]) return null;
  return word;
}

/** Adds `sign` × the grams of `text` (one paragraph, no line breaks) to `counts`, keyed by code points. */
export function addGrams(counts: Map<number, number>, text: string, sign = 1): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isSpace(c)) {
      previous = -1;
      continue;
    }
    counts.set(c, (counts.get(c) ?? 0) + sign);
    if (previous >= 0 && previous !== c) {
      const key = PLANE + previous * PLANE + c;
      counts.set(key, (counts.get(key) ?? 0) + sign);
    }
    previous = c;
  }
}

/** One first character's stored row: the count of the character alone under "", of each pair under its second character. */
export type GramCounts = Record<string, number>;

/**
 * Merges counts made by addGrams (negative to take out) into the stored rows,
 * one per first character: `stored` reads a row (undefined: none yet),
 * `write` gets each changed row, null when nothing is left in it.
 */
export function mergeGrams(
  counts: ReadonlyMap<number, number>,
  stored: (first: string) => GramCounts | undefined,
  write: (first: string, row: GramCounts | null) => void,
): void {
  const byFirst = new Map<number, [number, number][]>();
  for (const [key, n] of counts) {
    if (n === 0) continue;
    const first = key >= PLANE ? Math.floor((key - PLANE) / PLANE) : key;
    let changes = byFirst.get(first);
    if (!changes) byFirst.set(first, (changes = []));
    changes.push([key, n]);
  }
  for (const [firstCode, changes] of byFirst) {
    const first = String.fromCodePoint(firstCode);
    const row = stored(first) ?? {};
    for (const [key, n] of changes) {
      const second = key >= PLANE ? String.fromCodePoint((key - PLANE) % PLANE) : '';
      const total = (row[second] ?? 0) + n;
      if (total > 0) row[second] = total;
      else delete row[second];
    }
    write(first, Object.keys(row).length ? row : null);
  }
}
