// Two selections of documents side by side (this year's plan and last year's,
// one city and another): the terms each over-uses, the initiatives of each, the
// figures both state, and A's plan goals matched to B's review goals.
import type { DB } from '../store/db.js';
import { documentText } from '../store/read.js';
import { QueryError } from './errors.js';
import { keyTerms, type KeyTerm } from './keyness.js';
import { loadTfIdf } from './keywords.js';
import { inList, resolveSelection, termCounts, type Selection } from './selection.js';

export interface InitiativePresence {
  name: string;
  in: 'A' | 'B' | 'both';
  docs_a: number[];
  docs_b: number[];
}

export interface MetricPair {
  subject: string;
  unit: string;
  /** the figure's year minus its document's year: -1 = last year's result, 0 = this year's target */
  year_offset: number | null;
  a_doc: number;
  a_raw: string;
  a_value: number;
  a_year: number | null;
  b_doc: number;
  b_raw: string;
  b_value: number;
  b_year: number | null;
  /** b_value − a_value, in the unit (percentage points for %) */
  change: number;
  /** the change relative to a_value, in percent (null when a_value is 0) */
  change_pct: number | null;
}

export interface GoalMatch {
  status: 'carried' | 'dropped' | 'new';
  plan_doc: number | null;
  plan_title: string | null;
  review_doc: number | null;
  review_title: string | null;
  /** cosine similarity of the TF-IDF vectors of the two titles */
  similarity: number | null;
}

export interface CompareOptions {
  org?: boolean;
  /** key terms shown per side */
  top?: number;
  minLen?: number;
  /** least similarity for a plan goal and a review goal to count as the same */
  minSimilarity?: number;
}

export interface CompareResult {
  a: Selection;
  b: Selection;
  /** documents in both selections (their counts enter both sides) */
  shared_docs: number[];
  keyness: KeyTerm[];
  initiatives: InitiativePresence[];
  metrics: MetricPair[];
  goals: GoalMatch[];
}

export const DEFAULT_MIN_SIMILARITY = 0.2;

export async function compare(db: DB, specA: string, specB: string, options: CompareOptions = {}): Promise<CompareResult> {
  const top = options.top ?? 15;
  if (!Number.isInteger(top) || top < 1) throw new QueryError('--top takes a whole number of 1 or more');
  const a = resolveSelection(db, specA, options);
  const b = resolveSelection(db, specB, options);
  if (a.docs.length === b.docs.length && a.docs.every((d, i) => d === b.docs[i])) {
    throw new QueryError(`${a.label} and ${b.label} are the same documents: compare two different years, documents or organisations`);
  }
  const shared = a.docs.filter((d) => b.docs.includes(d));
  return {
    a,
    b,
    shared_docs: shared,
    keyness: compareTerms(db, a, b, top, options.minLen ?? 2),
    initiatives: compareInitiatives(db, a, b),
    metrics: compareMetrics(db, a, b),
    goals: await matchGoals(db, a, b, options.minSimilarity ?? DEFAULT_MIN_SIMILARITY),
  };
}

/** The `top` strongest key terms of each side, A's first. */
export function compareTerms(db: DB, a: Selection, b: Selection, top: number, minLen = 2): KeyTerm[] {
  const all = keyTerms(termCounts(db, a.docs, minLen), termCounts(db, b.docs, minLen), a.tokens, b.tokens);
  return [...all.filter((t) => t.side === 'A').slice(0, top), ...all.filter((t) => t.side === 'B').slice(0, top)];
}

export function compareInitiatives(db: DB, a: Selection, b: Selection): InitiativePresence[] {
  const docs = [...new Set([...a.docs, ...b.docs])];
  const rows = db
    .prepare(
      `SELECT i.id, i.name, m.doc_id AS doc FROM initiative_mentions m JOIN initiatives i ON i.id = m.initiative_id
       WHERE m.doc_id IN ${inList(docs)} ORDER BY m.doc_id, m.offset`,
    )
    .all(...docs) as { id: number; name: string; doc: number }[];
  const byId = new Map<number, InitiativePresence & { first: number }>();
  rows.forEach((r, i) => {
    const row = byId.get(r.id) ?? { name: r.name, in: 'A' as const, docs_a: [], docs_b: [], first: i };
    byId.set(r.id, row);
    if (a.docs.includes(r.doc) && !row.docs_a.includes(r.doc)) row.docs_a.push(r.doc);
    if (b.docs.includes(r.doc) && !row.docs_b.includes(r.doc)) row.docs_b.push(r.doc);
  });
  const order = { both: 0, A: 1, B: 2 };
  return [...byId.values()]
    .map(({ first, ...row }) => ({
      ...row,
      in: row.docs_a.length && row.docs_b.length ? ('both' as const) : row.docs_a.length ? ('A' as const) : ('B' as const),
      first,
    }))
    .sort((x, y) => order[x.in] - order[y.in] || x.first - y.first)
    .map(({ first: _first, ...row }) => row);
}

interface MetricRecord {
  doc: number;
  idx: number;
  raw: string;
  value: number;
  unit: string;
  subject: string;
  year: number | null;
  year_offset: number | null;
}

/**
 * Figures of the same subject and unit in A and B. A report states last
 * year's results before this year's targets, often for the same subject
 * (GDP grew 5.2%; the target is about 5%), so figures are also keyed by their
 * year relative to the document's: last year's result meets last year's
 * result, target meets target. Several of one key pair in order of statement.
 */
export function compareMetrics(db: DB, a: Selection, b: Selection): MetricPair[] {
  const load = (docs: number[]): Map<string, MetricRecord[]> => {
    const rows = db
      .prepare(
        `SELECT m.doc_id AS doc, m.idx, m.raw, m.value, m.unit, trim(m.subject) AS subject, m.year,
                m.year - d.year AS year_offset
         FROM metrics m JOIN documents d ON d.id = m.doc_id
         WHERE m.doc_id IN ${inList(docs)} AND m.subject IS NOT NULL AND trim(m.subject) <> ''
         ORDER BY m.doc_id, m.idx`,
      )
      .all(...docs) as MetricRecord[];
    const byKey = new Map<string, MetricRecord[]>();
    for (const r of rows) {
      const key = `${r.subject}\u0000${r.unit}\u0000${r.year_offset ?? ''}`;
      const group = byKey.get(key);
      if (group) group.push(r);
      else byKey.set(key, [r]);
    }
    return byKey;
  };
  const inA = load(a.docs);
  const inB = load(b.docs);
  const pairs: MetricPair[] = [];
  for (const [key, listA] of inA) {
    const listB = inB.get(key);
    if (!listB) continue;
    for (let i = 0; i < Math.min(listA.length, listB.length); i++) {
      const x = listA[i]!;
      const y = listB[i]!;
      const change = y.value - x.value;
      pairs.push({
        subject: x.subject, unit: x.unit, year_offset: x.year_offset,
        a_doc: x.doc, a_raw: x.raw, a_value: x.value, a_year: x.year,
        b_doc: y.doc, b_raw: y.raw, b_value: y.value, b_year: y.year,
        change, change_pct: x.value === 0 ? null : (change / Math.abs(x.value)) * 100,
      });
    }
  }
  return pairs;
}

// ---- goals: A's plan against B's review -----------------------------------

interface GoalRecord {
  doc: number;
  title: string;
  marker: string;
  offset: number;
}

/**
 * Start offsets of the stored word tokens in the document text. The word
 * sequence drops punctuation and turns spaces inside a token into "_"; every
 * other token is found in order, so a word that cannot be found is skipped.
 */
export function alignWords(text: string, words: string): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  let cursor = 0;
  for (const word of words.split(/[ \n]+/)) {
    if (!word) continue;
    const at = text.indexOf(word, cursor);
    if (at < 0) continue;
    out.push({ word, start: at });
    cursor = at + word.length;
  }
  return out;
}

const HAN_RUN = /\p{Script=Han}+/gu;

/** Character bigrams of the Han runs: the fallback when a title's words cannot be placed. */
export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * The words of each goal title as jieba cut them at ingest (user dictionary
 * included): the document's stored word sequence, placed back on the text,
 * read between the title's start and end; only countable words (those in the
 * document's term counts) are kept, so stopwords and numbers do not match.
 */
export function goalWords(db: DB, goals: readonly GoalRecord[]): string[][] {
  const docs = [...new Set(goals.map((g) => g.doc))];
  const placed = new Map<number, { text: string; tokens: { word: string; start: number }[]; countable: Set<string> }>();
  for (const doc of docs) {
    const text = documentText(db, doc);
    const words = db.prepare('SELECT words FROM doc_words WHERE doc_id = ?').pluck().get(doc) as string | undefined;
    const countable = new Set(db.prepare('SELECT DISTINCT term FROM doc_terms WHERE doc_id = ?').pluck().all(doc) as string[]);
    placed.set(doc, { text, tokens: alignWords(text, words ?? ''), countable });
  }
  return goals.map((g) => {
    const p = placed.get(g.doc)!;
    const found = p.text.indexOf(g.title, g.offset);
    const start = found >= 0 ? found : g.offset + g.marker.length;
    const end = start + g.title.length;
    const words = p.tokens.filter((t) => t.start >= start && t.start < end && p.countable.has(t.word)).map((t) => t.word);
    return words.length ? words : hanBigrams(g.title);
  });
}

/**
 * What a title is compared by: its words, and the character bigrams of its
 * longer words, so that 全面深化改革 still meets 深化改革 and 产业体系 meets
 * 产业结构 (policy vocabulary is compounds that change a piece a year).
 */
export function titleFeatures(words: readonly string[]): string[] {
  return words.flatMap((w) => ([...w].length > 2 ? [w, ...hanBigrams(w)] : [w]));
}

function cosine(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [term, w] of x) dot += w * (y.get(term) ?? 0);
  const norm = (v: ReadonlyMap<string, number>): number => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const denominator = norm(x) * norm(y);
  return denominator ? dot / denominator : 0;
}

/** TF-IDF cosine similarity of every title of `left` with every title of `right`, idf over both sets. */
export async function titleSimilarities(left: readonly string[][], right: readonly string[][]): Promise<number[][]> {
  const TfIdf = await loadTfIdf();
  const tfidf = new TfIdf();
  for (const words of [...left, ...right]) tfidf.addDocument([...words]);
  const vectors = [...left, ...right].map((_, d) => new Map(tfidf.listTerms(d).map((t) => [t.term, t.tfidf])));
  return left.map((_, i) => right.map((_, j) => cosine(vectors[i]!, vectors[left.length + j]!)));
}

/**
 * A's plan goals matched one to one to B's review goals, most similar pair
 * first; a plan goal left without a partner is dropped, a review goal left
 * over is new.
 */
export async function matchGoals(db: DB, a: Selection, b: Selection, minSimilarity: number): Promise<GoalMatch[]> {
  const goalsOf = (docs: number[], kind: 'plan' | 'review'): GoalRecord[] =>
    db
      .prepare(
        `SELECT doc_id AS doc, title, marker, offset FROM goals
         WHERE kind = ? AND doc_id IN ${inList(docs)} ORDER BY doc_id, idx`,
      )
      .all(kind, ...docs) as GoalRecord[];
  const plans = goalsOf(a.docs, 'plan');
  const reviews = goalsOf(b.docs, 'review');
  if (!plans.length && !reviews.length) return [];
  const sims = await titleSimilarities(goalWords(db, plans).map(titleFeatures), goalWords(db, reviews).map(titleFeatures));
  const candidates: { i: number; j: number; s: number }[] = [];
  sims.forEach((row, i) => row.forEach((s, j) => s >= minSimilarity && s > 0 && candidates.push({ i, j, s })));
  candidates.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const partner = new Map<number, { j: number; s: number }>();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (partner.has(c.i) || taken.has(c.j)) continue;
    partner.set(c.i, { j: c.j, s: c.s });
    taken.add(c.j);
  }
  const out: GoalMatch[] = plans.map((p, i) => {
    const m = partner.get(i);
    const r = m ? reviews[m.j]! : null;
    return {
      status: m ? 'carried' : 'dropped',
      plan_doc: p.doc, plan_title: p.title,
      review_doc: r?.doc ?? null, review_title: r?.title ?? null,
      similarity: m ? m.s : null,
    };
  });
  reviews.forEach((r, j) => {
    if (!taken.has(j)) out.push({ status: 'new', plan_doc: null, plan_title: null, review_doc: r.doc, review_title: r.title, similarity: null });
  });
  return out;
}
