// The paragraph index: for every pair of adjacent UTF-16 code units, the
// paragraphs that hold it. A paragraph holding a word holds each of the
// word's pairs, so intersecting their lists narrows a search of any word of
// two or more code units to the paragraphs worth scanning, with none missed;
// the scan (search.ts) then keeps the true matches and counts them exactly.
//
// It replaces an FTS5 trigram index that took 1.7 s of the writing thread's
// 4.4 s per 10 MB: here a paragraph's pairs are gathered in typed arrays as
// it is written and stored every few million characters as compressed id
// lists (~0.7 s per 10 MB; 34 MB of pages at 50 MB against the trigram
// index's 54 MB).
//
// Stored in rows by first code unit, batch of documents and part:
//   postings: repeated [second code unit, id count, byte length, ids]
// ids ascending, as the difference from the one before (the first from 0),
// each a varint; a long list goes on in the next part. A later batch adds
// to the last row of its first code unit while that is small, so that many
// small ingests do not leave many rows.

/** A row that a batch still adds to rather than starting another. */
const SMALL_ROW_BYTES = 1 << 10;
// Parts fit in a page: SQLite keeps ~4 KB of a row of a WITHOUT ROWID table
// in a 16 KiB page and moves the rest to overflow pages, whose half-empty
// last pages took 40 % of the index's room.
const ROW_BYTES = 4000;

// ---- varints over a growing byte buffer ----

class Bytes {
  buffer = new Uint8Array(1 << 12);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  varint(value: number): void {
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    this.buffer[this.length++] = value;
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  take(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Lists (in order of their second code unit) written into parts of at most ROW_BYTES. */
class RowParts {
  readonly parts: Uint8Array[] = [];
  private readonly row = new Bytes();
  private readonly scratch = new Bytes();

  /** One list: second code unit, count, byte length, ids; split where a part fills up. */
  list(second: number, ids: ArrayLike<number>): void {
    let start = 0;
    while (start < ids.length) {
      // room for the ids once the three header varints (at most 5 bytes each) are in
      const room = ROW_BYTES - this.row.length - 15;
      const { scratch } = this;
      scratch.length = 0;
      let previous = 0;
      let end = start;
      for (; end < ids.length; end++) {
        const before = scratch.length;
        scratch.varint(ids[end]! - previous);
        if (scratch.length > room) {
          scratch.length = before;
          break;
        }
        previous = ids[end]!;
      }
      if (end === start) {
        this.endPart();
        continue;
      }
      this.row.varint(second);
      this.row.varint(end - start);
      this.row.varint(scratch.length);
      this.row.append(scratch.buffer.subarray(0, scratch.length));
      start = end;
    }
  }

  endPart(): void {
    if (this.row.length) this.parts.push(this.row.take());
    this.row.length = 0;
  }

  done(): Uint8Array[] {
    this.endPart();
    return this.parts;
  }
}

// A search decodes tens of thousands of ids per pair: a loop over the bytes
// with the position in a module variable, not a reader object per list
// (which took 8 ms for the 44k paragraphs of 发展 at 50 MB).
let at = 0;

function varintAt(bytes: Uint8Array): number {
  let b = bytes[at++]!;
  if (b < 0x80) return b;
  let value = b & 0x7f;
  let scale = 0x80;
  for (;;) {
    if (at >= bytes.length) throw new Error('the pair index has a damaged row: delete the database and ingest again');
    b = bytes[at++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
    scale *= 0x80;
  }
}

/** The lists of a stored row, by second code unit. */
export function decodeRow(postings: Uint8Array): Map<number, number[]> {
  const lists = new Map<number, number[]>();
  at = 0;
  while (at < postings.length) {
    const second = varintAt(postings);
    const n = varintAt(postings);
    varintAt(postings); // byte length: only a reader looking for one list skips by it
    const ids = new Array<number>(n);
    let id = 0;
    for (let i = 0; i < n; i++) ids[i] = id += varintAt(postings);
    lists.set(second, ids);
  }
  return lists;
}

/**
 * The ids of the paragraphs holding one pair, ascending and each once: its
 * lists in the stored rows of its first code unit (one row per batch),
 * decoded into one array.
 */
export function pairList(rows: readonly Uint8Array[], second: number): Float64Array {
  const found: [Uint8Array, number, number][] = []; // row, where its ids start, how many
  let total = 0;
  for (const row of rows) {
    at = 0;
    while (at < row.length) {
      const s = varintAt(row);
      const n = varintAt(row);
      const bytes = varintAt(row);
      if (s === second) {
        found.push([row, at, n]);
        total += n;
        break;
      }
      if (s > second) break; // lists come in the order of their second code unit
      at += bytes;
    }
  }
  const ids = new Float64Array(total);
  let k = 0;
  for (const [row, start, n] of found) {
    at = start;
    let id = 0;
    for (let i = 0; i < n; i++) ids[k++] = id += varintAt(row);
  }
  return ascendingUnique(ids);
}

/**
 * The ids ascending, each once, in place: lists are ascending and follow each
 * other, but for a paragraph id handed out again after its paragraph was
 * deleted, a document indexed twice by two processes, or paragraphs read
 * back from a killed run after later ones.
 */
function ascendingUnique<T extends Int32Array | Float64Array>(ids: T): T {
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i]! > ids[i - 1]!;
  if (ascending) return ids;
  ids.sort();
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (n === 0 || ids[i] !== ids[n - 1]) ids[n++] = ids[i]!;
  return ids.subarray(0, n) as T;
}

/** The ids in both ascending arrays. */
export function intersectIds(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.min(a.length, b.length));
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

/** The ids in either: ascending, each once. */
export function unionIds(a: Float64Array, b: readonly number[]): Float64Array {
  const all = new Float64Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  return ascendingUnique(all);
}

function encodeRow(lists: Map<number, ArrayLike<number>>): Uint8Array[] {
  const parts = new RowParts();
  for (const second of [...lists.keys()].sort((a, b) => a - b)) parts.list(second, lists.get(second)!);
  return parts.done();
}

/** The distinct pair keys of a word (first code unit × 65536 + second); none for one code unit. */
export function pairsOf(word: string): number[] {
  const keys = new Set<number>();
  for (let i = 0; i + 1 < word.length; i++) keys.add(word.charCodeAt(i) * 0x10000 + word.charCodeAt(i + 1));
  return [...keys];
}

// ---- gathering the pairs of paragraphs as they are written ----

const EMPTY = -1;

/**
 * The pairs of the paragraphs written since the last flush. Each distinct
 * pair gets a slot in an open-addressing table; a paragraph adds the slot
 * of each pair it holds once (4 bytes), and the flush sorts them into lists.
 */
export class PairIndexBuilder {
  private keys = new Float64Array(1 << 16).fill(EMPTY);
  /** the last paragraph (by its number here) that added each slot */
  private lastParagraph = new Int32Array(1 << 16).fill(-1);
  private mask = (1 << 16) - 1;
  private used = 0;
  private entries = new Int32Array(1 << 16);
  private entryCount = 0;
  /** paragraph ids in the order added, and where each one's entries start */
  private ids: number[] = [];
  private starts: number[] = [];

  /** Paragraphs added since the last flush. */
  get paragraphs(): number {
    return this.ids.length;
  }

  add(paragraphId: number, text: string): void {
    const paragraph = this.ids.length;
    this.ids.push(paragraphId);
    this.starts.push(this.entryCount);
    if (this.entryCount + text.length > this.entries.length) this.growEntries(this.entryCount + text.length);
    // room for every pair of the paragraph being new, so that no slot moves while it is added
    while ((this.used + text.length) * 2 > this.mask) this.growTable();
    const { entries } = this;
    let count = this.entryCount;
    let previous = text.charCodeAt(0);
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const key = previous * 0x10000 + c;
      previous = c;
      const slot = this.slot(key);
      if (this.lastParagraph[slot] === paragraph) continue;
      this.lastParagraph[slot] = paragraph;
      entries[count++] = slot;
    }
    this.entryCount = count;
  }

  private slot(key: number): number {
    // the product's high bits (as many as the table needs) mix both code units
    let slot = Math.imul(key | 0, 0x9e3779b1) >>> Math.clz32(this.mask);
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return slot;
      if (k === EMPTY) break;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = key;
    this.used++;
    return slot;
  }

  private growTable(): void {
    // Slots move, so the entries gathered so far are translated to the new ones.
    const { keys, lastParagraph } = this;
    const size = keys.length * 2;
    this.keys = new Float64Array(size).fill(EMPTY);
    this.lastParagraph = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.used = 0;
    const moved = new Int32Array(keys.length);
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === EMPTY) continue;
      const slot = this.slot(keys[old]!);
      moved[old] = slot;
      this.lastParagraph[slot] = lastParagraph[old]!;
    }
    for (let i = 0; i < this.entryCount; i++) this.entries[i] = moved[this.entries[i]!]!;
  }

  private growEntries(needed: number): void {
    let size = this.entries.length;
    while (size < needed) size = Math.ceil(size * 1.5);
    const next = new Int32Array(size);
    next.set(this.entries.subarray(0, this.entryCount));
    this.entries = next;
  }

  /**
   * The rows to add, by first code unit (each row: its lists, encoded), and
   * empties the builder.
   */
  take(): Map<number, Uint8Array[]> {
    const rows = new Map<number, Uint8Array[]>();
    const { keys, entries, entryCount, ids, starts } = this;
    if (entryCount > 0) {
      // the slots in the order of their keys (a typed array sorts numbers without a comparator)
      const sortedKeys = new Float64Array(this.used);
      let n = 0;
      for (let slot = 0; slot <= this.mask; slot++) if (keys[slot] !== EMPTY) sortedKeys[n++] = keys[slot]!;
      sortedKeys.sort();
      const order = new Int32Array(n);
      for (let k = 0; k < n; k++) order[k] = this.slot(sortedKeys[k]!);
      const sizes = new Int32Array(keys.length);
      for (let i = 0; i < entryCount; i++) sizes[entries[i]!]!++;
      const offsets = new Int32Array(keys.length);
      let total = 0;
      for (let k = 0; k < n; k++) {
        const slot = order[k]!;
        offsets[slot] = total;
        total += sizes[slot]!;
      }
      const listStarts = offsets.slice();
      // paragraph ids by slot, in the order the paragraphs were added
      // (4 bytes each while they fit: this is the largest array of a flush)
      const byList = ids.every((id) => id <= 0x7fffffff) ? new Int32Array(total) : new Float64Array(total);
      for (let p = 0; p < ids.length; p++) {
        const end = p + 1 < ids.length ? starts[p + 1]! : entryCount;
        for (let i = starts[p]!; i < end; i++) byList[offsets[entries[i]!]!++] = ids[p]!;
      }
      let parts = new RowParts();
      let first = -1;
      for (let k = 0; k < n; k++) {
        const slot = order[k]!;
        const key = sortedKeys[k]!;
        const keyFirst = Math.floor(key / 0x10000);
        if (keyFirst !== first) {
          if (first >= 0) rows.set(first, parts.done());
          parts = new RowParts();
          first = keyFirst;
        }
        parts.list(key % 0x10000, ascendingUnique(byList.subarray(listStarts[slot]!, listStarts[slot]! + sizes[slot]!)));
      }
      if (first >= 0) rows.set(first, parts.done());
    }
    this.reset();
    return rows;
  }

  private reset(): void {
    this.keys = new Float64Array(1 << 16).fill(EMPTY);
    this.lastParagraph = new Int32Array(1 << 16).fill(-1);
    this.mask = (1 << 16) - 1;
    this.used = 0;
    this.entries = new Int32Array(1 << 16);
    this.entryCount = 0;
    this.ids = [];
    this.starts = [];
  }
}

/**
 * A batch's rows merged into what is stored: `last` reads the newest stored
 * row of a first code unit, `put` writes a row under a batch number and part
 * (the same numbers replace that row). A small last row takes the new lists
 * in when the batch has one part for its first code unit.
 */
export function mergeRows(
  rows: Map<number, Uint8Array[]>,
  batch: number,
  last: (first: number) => { batch: number; part: number; postings: Uint8Array } | undefined,
  put: (first: number, batch: number, part: number, postings: Uint8Array) => void,
): void {
  for (const [first, parts] of rows) {
    const stored = parts.length === 1 ? last(first) : undefined;
    if (!stored || stored.postings.length >= SMALL_ROW_BYTES) {
      parts.forEach((postings, part) => put(first, batch, part, postings));
      continue;
    }
    const lists: Map<number, ArrayLike<number>> = decodeRow(stored.postings);
    for (const [second, ids] of decodeRow(parts[0]!)) {
      const before = lists.get(second);
      lists.set(second, before ? unionIds(Float64Array.from(before), ids) : ids);
    }
    encodeRow(lists).forEach((postings, k) => put(first, stored.batch, stored.part + k, postings));
  }
}
