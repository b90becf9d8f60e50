// Reading back what write.ts stores in pieces.
import type { DB } from './db.js';
import { gramOf, type GramCounts } from './grams.js';
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
