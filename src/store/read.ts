// Reading back what write.ts stores in pieces.
import type { DB } from './db.js';
import { gramOf, type GramCounts } from './grams.js';
import { intersectIds, pairList, pairsOf, unionIds } from './pairs.js';
import type { Statement } from 'better-sqlite3';

// Prepared once per connection: these run in loops (a document's text per
// exported or compared document) and on every short-word search.
const prepared = new WeakMap<DB, Map<string, Statement>>();

function statement(db: DB, sql: string): Statement {
  let byText = prepared.get(db);
  if (!byText) prepared.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * The cleaned text of a document. It is stored once, as its paragraphs with
 * their offsets; the lines between them held nothing but the line break.
 */
export function documentText(db: DB, docId: number): string {
  const paragraphs = statement(db, 'SELECT offset, text FROM paragraphs WHERE doc_id = ? ORDER BY seq').all(docId) as {
    offset: number;
    text: string;
  }[];
  const parts: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (p.offset > length) parts.push('\n'.repeat(p.offset - length));
    parts.push(p.text);
    length = p.offset + p.text.length;
  }
  return parts.join('');
}

/** Do the kept term totals include every document? (updateTotals brings them up to date.) */
export function totalsCurrent(db: DB): boolean {
  return statement(db, 'SELECT 1 FROM documents WHERE totaled = 0 LIMIT 1').get() === undefined;
}

/**
 * Occurrences of a one- or two-character word in the whole corpus, from the
 * gram totals; null when they cannot say (a longer word, a repeated
 * character, totals behind the documents).
 */
export function gramCount(db: DB, word: string): number | null {
  const gram = gramOf(word);
  if (gram === null || !totalsCurrent(db)) return null;
  const [first, second = ''] = [...gram];
  const stored = statement(db, 'SELECT counts FROM gram_totals WHERE first = ?').pluck().get(first) as string | undefined;
  return stored === undefined ? 0 : ((JSON.parse(stored) as GramCounts)[second] ?? 0);
}

/**
 * The paragraphs that may hold every term, ascending by id: those the pair
 * index lists under every pair of every term, and those of documents not yet
 * in the index (written since its last update, or by a run that was killed).
 * Null when no term has two code units: the index cannot narrow it.
 */
export function paragraphCandidates(db: DB, terms: readonly string[]): Float64Array | null {
  const keys = [...new Set(terms.flatMap(pairsOf))];
  if (keys.length === 0) return null;
  const select = statement(db, 'SELECT postings FROM pair_postings WHERE first = ? ORDER BY batch, part').pluck();
  // 发展 and 发挥 share the rows of 发: read once
  const rows = new Map<number, Uint8Array[]>();
  const rowsOf = (first: number): Uint8Array[] => {
    let found = rows.get(first);
    if (!found) rows.set(first, (found = select.all(first) as Uint8Array[]));
    return found;
  };
  const lists = keys.map((key) => pairList(rowsOf(Math.floor(key / 0x10000)), key % 0x10000));
  lists.sort((a, b) => a.length - b.length);
  let ids = lists[0]!;
  for (let i = 1; i < lists.length && ids.length; i++) ids = intersectIds(ids, lists[i]!);
  const unindexed = statement(
    db,
    // from the few unindexed documents to their paragraphs, never a scan of all paragraphs
    'SELECT p.id FROM documents d CROSS JOIN paragraphs p ON p.doc_id = d.id WHERE d.indexed = 0 ORDER BY p.id',
  )
    .pluck()
    .all() as number[];
  return unindexed.length ? unionIds(ids, unindexed) : ids;
}
