// The distinctive terms of one document (or one selection of documents) by
// TF-IDF against the rest of the corpus. natural's TfIdf does the weighting;
// the documents it weighs are our own term counts (jieba with the user
// dictionary, stopwords and numbers left out), never natural's English tokenizer.
import type { TfIdf as TfIdfClass } from 'natural/lib/natural/tfidf/index.js';
import type { DB } from '../store/db.js';
import { QueryError } from './errors.js';
import { resolveSelection, type Selection } from './selection.js';

type TfIdfConstructor = typeof TfIdfClass;

let tfidfClass: TfIdfConstructor | undefined;

/**
 * natural's TfIdf, loaded on first use. Only its tfidf module is imported:
 * the package root takes seconds to load and prints dotenv notices on stdout.
 */
export async function loadTfIdf(): Promise<TfIdfConstructor> {
  if (!tfidfClass) {
    const mod = (await import('natural/lib/natural/tfidf/index.js')) as unknown as { TfIdf: TfIdfConstructor };
    tfidfClass = mod.TfIdf;
  }
  return tfidfClass;
}

export interface KeywordRow {
  term: string;
  /** occurrences in the document (natural's tf is the raw count) */
  count: number;
  /** documents of the corpus holding the term (the selection counted as one) */
  docs: number;
  /** natural's idf: 1 + ln(N / (1 + docs)) */
  idf: number;
  tfidf: number;
}

export interface KeywordsOptions {
  top?: number;
  minLen?: number;
  /** part-of-speech prefixes, as freq takes them */
  pos?: string[] | undefined;
  org?: boolean;
  /**
   * Leave out terms in more than this share of the documents. natural's idf
   * never falls below about 1, so with raw counts as tf the words every
   * report uses (发展, 建设) would top every list; 1 keeps them.
   */
  maxDf?: number;
}

export interface KeywordsResult {
  selection: Selection;
  /** documents the weights were computed over (the selection counts as one) */
  corpus_docs: number;
  terms: KeywordRow[];
}

export const DEFAULT_MAX_DF = 0.5;

export async function keywords(db: DB, spec: string, options: KeywordsOptions = {}): Promise<KeywordsResult> {
  const top = options.top ?? 20;
  if (!Number.isInteger(top) || top < 1) throw new QueryError('--top takes a whole number of 1 or more');
  if (options.maxDf !== undefined && !(options.maxDf > 0 && options.maxDf <= 1)) {
    throw new QueryError('--max-df takes a share of the documents, above 0 and at most 1');
  }
  const selection = resolveSelection(db, spec, { org: options.org ?? false });
  const chosen = new Set(selection.docs);
  const posParts = options.pos?.length ? ` AND (${options.pos.map(() => "pos LIKE ? || '%'").join(' OR ')})` : '';
  const rows = db
    .prepare(
      `SELECT doc_id AS doc, term, sum(count) AS count FROM doc_terms
       WHERE length(term) >= ?${posParts} GROUP BY doc_id, term`,
    )
    .iterate(options.minLen ?? 2, ...(options.pos ?? [])) as IterableIterator<{ doc: number; term: string; count: number }>;
  // One frequency map per document; the selected documents merge into one, so
  // that a year of several reports is weighed against the other years.
  const maps = new Map<number, Record<string, number>>();
  const target: Record<string, number> = Object.create(null);
  const allDocs = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  for (const id of allDocs) if (!chosen.has(id)) maps.set(id, Object.create(null));
  for (const r of rows) {
    const map = chosen.has(r.doc) ? target : maps.get(r.doc);
    if (map) map[r.term] = (map[r.term] ?? 0) + r.count;
  }
  const TfIdf = await loadTfIdf();
  const tfidf = new TfIdf();
  // natural stores a plain object as the document's term → count map as is.
  tfidf.addDocument(target as unknown as Record<string, string>);
  for (const map of maps.values()) tfidf.addDocument(map as unknown as Record<string, string>);
  // documents using each term: the selection counts as one, as in the weighing
  const otherDocs = new Map<string, number>();
  for (const map of maps.values()) for (const term of Object.keys(map)) otherDocs.set(term, (otherDocs.get(term) ?? 0) + 1);
  const docsWith = (term: string): number => 1 + (otherDocs.get(term) ?? 0);
  const maxDocs = (options.maxDf ?? DEFAULT_MAX_DF) * tfidf.documents.length;
  const terms: KeywordRow[] = tfidf
    .listTerms(0)
    .map((t) => ({ term: t.term, count: t.tf, docs: docsWith(t.term), idf: t.idf, tfidf: t.tfidf }))
    .filter((t) => t.docs <= maxDocs)
    .sort((a, b) => b.tfidf - a.tfidf || b.count - a.count || a.term.localeCompare(b.term, 'zh'))
    .slice(0, top);
  return { selection, corpus_docs: tfidf.documents.length, terms };
}
