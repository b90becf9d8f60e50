// The recurring themes of the corpus: terms and two-word phrases ranked by how
// many documents (and years) use them, with the first and last year seen.
import type { DB } from '../store/db.js';
import { QueryError } from './errors.js';

export type ThemeKind = 'term' | 'phrase';

export interface ThemeRow {
  /** a term, or two words joined by a space */
  theme: string;
  kind: ThemeKind;
  docs: number;
  years: number;
  count: number;
  first: number | null;
  last: number | null;
}

export interface ThemesOptions {
  since?: number | undefined;
  until?: number | undefined;
  minDocs?: number;
  /** rows per kind */
  top?: number;
  kind?: ThemeKind | 'all';
  /** shortest word, in characters (each word of a phrase too) */
  minLen?: number;
}

function docScope(options: ThemesOptions): { sql: string; params: number[] } {
  const parts: string[] = [];
  const params: number[] = [];
  // A year bound leaves out the documents whose year is unknown.
  if (options.since !== undefined) {
    parts.push('d.year >= ?');
    params.push(options.since);
  }
  if (options.until !== undefined) {
    parts.push('d.year <= ?');
    params.push(options.until);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

const byRecurrence = (x: ThemeRow, y: ThemeRow): number =>
  y.docs - x.docs || y.years - x.years || y.count - x.count || x.theme.localeCompare(y.theme, 'zh');

export function termThemes(db: DB, options: ThemesOptions = {}): ThemeRow[] {
  const scope = docScope(options);
  const rows = db
    .prepare(
      `SELECT t.term AS theme, count(DISTINCT t.doc_id) AS docs, count(DISTINCT d.year) AS years,
              sum(t.count) AS count, min(d.year) AS first, max(d.year) AS last
       FROM doc_terms t JOIN documents d ON d.id = t.doc_id
       WHERE ${scope.sql} AND length(t.term) >= ?
       GROUP BY t.term HAVING count(DISTINCT t.doc_id) >= ?`,
    )
    .all(...scope.params, options.minLen ?? 2, options.minDocs ?? 2) as Omit<ThemeRow, 'kind'>[];
  return rows.map((r) => ({ ...r, kind: 'term' as const })).sort(byRecurrence);
}

/**
 * Adjacent word pairs inside one sentence of the stored word sequence, both
 * words countable in their document (no stopwords, punctuation or numbers).
 */
export function phraseThemes(db: DB, options: ThemesOptions = {}): ThemeRow[] {
  const scope = docScope(options);
  const minLen = options.minLen ?? 2;
  const docs = db
    .prepare(`SELECT d.id, d.year, w.words FROM documents d JOIN doc_words w ON w.doc_id = d.id WHERE ${scope.sql} ORDER BY d.id`)
    .iterate(...scope.params) as IterableIterator<{ id: number; year: number | null; words: string }>;
  const countableOf = db.prepare('SELECT DISTINCT term FROM doc_terms WHERE doc_id = ? AND length(term) >= ?').pluck();
  const stats = new Map<string, { docs: number; years: Set<number>; count: number; first: number | null; last: number | null }>();
  for (const doc of docs) {
    const countable = new Set(countableOf.all(doc.id, minLen) as string[]);
    const seen = new Set<string>();
    for (const sentence of doc.words.split('\n')) {
      const words = sentence.split(' ');
      for (let i = 0; i + 1 < words.length; i++) {
        if (!countable.has(words[i]!) || !countable.has(words[i + 1]!)) continue;
        const phrase = `${words[i]} ${words[i + 1]}`;
        let s = stats.get(phrase);
        if (!s) stats.set(phrase, (s = { docs: 0, years: new Set(), count: 0, first: null, last: null }));
        s.count++;
        if (seen.has(phrase)) continue;
        seen.add(phrase);
        s.docs++;
        if (doc.year !== null) {
          s.years.add(doc.year);
          s.first = s.first === null ? doc.year : Math.min(s.first, doc.year);
          s.last = s.last === null ? doc.year : Math.max(s.last, doc.year);
        }
      }
    }
  }
  const minDocs = options.minDocs ?? 2;
  const out: ThemeRow[] = [];
  for (const [theme, s] of stats) {
    if (s.docs < minDocs) continue;
    out.push({ theme, kind: 'phrase', docs: s.docs, years: s.years.size, count: s.count, first: s.first, last: s.last });
  }
  return out.sort(byRecurrence);
}

export function themes(db: DB, options: ThemesOptions = {}): ThemeRow[] {
  const top = options.top ?? 30;
  if (!Number.isInteger(top) || top < 1) throw new QueryError('--top takes a whole number of 1 or more');
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new QueryError(`--since ${options.since} is after --until ${options.until}`);
  }
  const kind = options.kind ?? 'all';
  return [
    ...(kind !== 'phrase' ? termThemes(db, options).slice(0, top) : []),
    ...(kind !== 'term' ? phraseThemes(db, options).slice(0, top) : []),
  ];
}
