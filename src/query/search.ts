// Keyword in context. The pair index only narrows the paragraphs to read;
// every count comes from scanning those paragraphs for the query string, so a
// total equals what a plain substring search of the cleaned texts finds,
// whatever the segmenter did and however short the query.
import type { DB } from '../store/db.js';
import { gramCount, paragraphCandidates } from '../store/read.js';
import { QueryError } from './errors.js';
import { docWhere, type DocFilter } from './filters.js';
import { splitSentences } from '../normalize/split.js';
import { normalizeQueryText } from './text.js';

export interface SearchHit {
  doc: number;
  year: number | null;
  left: string;
  match: string;
  right: string;
  /** character offset of the match in the document text */
  offset: number;
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
}

export interface SearchOptions extends DocFilter {
  context?: number;
  limit?: number;
}

/**
 * Splits a query into the strings to find: words separated by spaces, and
 * "quoted phrases" kept whole (spaces included). Quotes may be ASCII or “”.
 */
export function parseQuery(input: string): string[] {
  const text = normalizeQueryText(input);
  const quotes = text.match(/["“”]/g)?.length ?? 0;
  if (quotes % 2 !== 0) throw new QueryError('unbalanced quote in the query: close the "quoted phrase" or drop the quote');
  const terms: string[] = [];
  for (const m of text.matchAll(/["“]([^"“”]*)["”]|([^\s"“”]+)/g)) {
    const term = m[1] ?? m[2] ?? '';
    if (term.trim()) terms.push(m[1] !== undefined ? term : term.trim());
  }
  if (terms.length === 0) throw new QueryError('empty query: give a word or a "quoted phrase" to search for');
  return terms;
}

/** Start offsets of the non-overlapping occurrences of `needle`, as str.count counts them. */
export function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

export interface CandidateParagraph {
  doc: number;
  year: number | null;
  offset: number;
  text: string;
}

/** The paragraph ids the pair index leaves to scan, ascending; null where it cannot narrow (terms of one code unit). */
export type Narrowing = readonly number[] | Float64Array | null;

/**
 * The condition on `paragraphs p JOIN documents d` that keeps the paragraphs
 * holding every term. `exact: false` leaves out the instr() checks where the
 * index narrows, for a count that finds nothing in a paragraph without the term.
 */
function candidateWhere(
  terms: readonly string[],
  filter: DocFilter,
  narrowed: Narrowing,
  exact = true,
): { sql: string; params: (string | number)[] } {
  const where = docWhere(filter);
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (narrowed) {
    parts.push('p.id IN (SELECT value FROM json_each(?))');
    params.push(`[${narrowed.join(',')}]`);
  }
  for (const t of terms) {
    if (!exact && narrowed) continue;
    parts.push('instr(p.text, ?) > 0');
    params.push(t);
  }
  parts.push(where.sql);
  params.push(...where.params);
  return { sql: parts.join(' AND '), params };
}

/**
 * The SQL that finds the paragraphs holding every term (shown by tests, run
 * by `candidates`), in document and paragraph order: ids are handed out in
 * the order documents and their paragraphs are written, so p.id is that
 * order, and a LIMIT stops at the first matches instead of sorting them all.
 */
export function candidateSql(
  terms: readonly string[],
  filter: DocFilter,
  narrowed: Narrowing,
): { sql: string; params: (string | number)[] } {
  const where = candidateWhere(terms, filter, narrowed);
  return {
    sql: `SELECT p.doc_id AS doc, d.year AS year, p.offset AS offset, p.text AS text
          FROM paragraphs p JOIN documents d ON d.id = p.doc_id
          WHERE ${where.sql}
          ORDER BY p.id`,
    params: where.params,
  };
}

// The first slice of candidates read for the hits to show; each next one is
// four times larger, so that a frequent word reads a few paragraphs past its
// first hits and a rare one few queries.
const FIRST_SLICE = 64;

export function candidates(
  db: DB,
  terms: readonly string[],
  filter: DocFilter,
  limit?: number,
  narrowed: Narrowing = paragraphCandidates(db, terms),
): CandidateParagraph[] {
  const run = (ids: Narrowing, max: number): CandidateParagraph[] => {
    const { sql, params } = candidateSql(terms, filter, ids);
    if (!Number.isFinite(max)) return db.prepare(sql).all(...params) as CandidateParagraph[];
    return db.prepare(`${sql} LIMIT ?`).all(...params, max) as CandidateParagraph[];
  };
  const max = limit ?? Infinity;
  if (narrowed === null || !Number.isFinite(max)) return run(narrowed, max);
  const found: CandidateParagraph[] = [];
  for (let from = 0, size = FIRST_SLICE; from < narrowed.length && found.length < max; from += size, size *= 4) {
    found.push(...run(narrowed.slice(from, from + size), max - found.length));
  }
  return found;
}

/**
 * Occurrences of one term in the candidate paragraphs, counted inside SQLite:
 * replace() removes every non-overlapping occurrence, as a substring count
 * does, so the count is exact without sending the paragraphs to JavaScript.
 * Bytes, not characters: UTF-8 matches only at character boundaries, and
 * octet_length() needs no walk through the text as length() does.
 * `groupByYear` sums per document year instead of in all.
 */
export function countSql(
  term: string,
  filter: DocFilter,
  narrowed: Narrowing,
  groupByYear = false,
): { sql: string; params: (string | number)[] } {
  const where = candidateWhere([term], filter, narrowed, false);
  const count = "coalesce(sum((octet_length(p.text) - octet_length(replace(p.text, ?, ''))) / octet_length(?)), 0)";
  const from = `FROM paragraphs p JOIN documents d ON d.id = p.doc_id WHERE ${where.sql}`;
  return {
    sql: groupByYear
      ? `SELECT d.year AS year, ${count} AS count ${from} AND d.year IS NOT NULL GROUP BY d.year`
      : `SELECT ${count} AS count ${from}`,
    params: [term, term, ...where.params],
  };
}

/** Occurrences of one term per document year, in the documents the filter keeps. */
export function countByYear(
  db: DB,
  term: string,
  filter: DocFilter,
  narrowed: Narrowing = paragraphCandidates(db, [term]),
): { year: number; count: number }[] {
  const { sql, params } = countSql(term, filter, narrowed, true);
  return db.prepare(sql).all(...params) as { year: number; count: number }[];
}

/** Every occurrence of one term in the documents the filter keeps: kept gram totals where they answer, else counted. */
export function countOccurrences(db: DB, term: string, filter: DocFilter, narrowed?: Narrowing): number {
  const kept = filter.doc === undefined && filter.year === undefined ? gramCount(db, term) : null;
  if (kept !== null) return kept;
  const { sql, params } = countSql(term, filter, narrowed === undefined ? paragraphCandidates(db, [term]) : narrowed);
  return (db.prepare(sql).get(...params) as { count: number }).count;
}

function clip(text: string, from: number, to: number): string {
  return text.slice(Math.max(0, from), Math.max(0, to));
}

/** `narrowed`: the paragraphs the pair index gives the query's terms, when the caller has them already. */
export function search(db: DB, query: string, options: SearchOptions = {}, narrowed?: Narrowing): SearchResult {
  const terms = parseQuery(query);
  const context = options.context ?? 20;
  const limit = options.limit ?? Infinity;
  const hits: SearchHit[] = [];
  const show = (p: CandidateParagraph, start: number, end: number): void => {
    if (hits.length < limit) {
      hits.push({
        doc: p.doc,
        year: p.year,
        left: clip(p.text, start - context, start),
        match: p.text.slice(start, end),
        right: clip(p.text, end, end + context),
        offset: p.offset + start,
      });
    }
  };
  if (terms.length === 1) {
    // One term: SQLite counts every occurrence; only the paragraphs that
    // hold the hits to show are read (each holds at least one).
    const term = terms[0]!;
    const narrowing = narrowed === undefined ? paragraphCandidates(db, terms) : narrowed;
    const total = countOccurrences(db, term, options, narrowing);
    for (const p of candidates(db, terms, options, limit, narrowing)) {
      for (const at of occurrences(p.text, term)) show(p, at, at + term.length);
    }
    return { query, total, hits };
  }
  let total = 0;
  for (const p of candidates(db, terms, options, undefined, narrowed)) {
    // Several words: one hit per sentence that holds all of them, the match
    // spanning from the first to the last of their first occurrences.
    for (const s of splitSentences(p.text)) {
      const firsts = terms.map((t) => s.text.indexOf(t));
      if (firsts.some((i) => i < 0)) continue;
      const start = s.offset + Math.min(...firsts);
      const end = s.offset + Math.max(...firsts.map((i, k) => i + terms[k]!.length));
      total++;
      show(p, start, end);
    }
  }
  return { query, total, hits };
}
