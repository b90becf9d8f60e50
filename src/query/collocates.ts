// Words that keep company with a term: every word within N words of it in the
// same sentence of the stored word sequence, scored by log-likelihood or PMI
// over the 2×2 table of tokens (inside the term's windows or not × the
// collocate or not). A token near two occurrences is counted once, so the
// table always adds up.
import type { DB } from '../store/db.js';
import { QueryError } from './errors.js';
import { docWhere, type DocFilter } from './filters.js';
import { collocationScores } from './keyness.js';
import { normalizeQueryText } from './text.js';

export type CollocateMeasure = 'll' | 'pmi';

export interface CollocateRow {
  collocate: string;
  /** tokens of the collocate inside the term's windows */
  count: number;
  /** of those, before the term and after it */
  left: number;
  right: number;
  /** tokens of the collocate in the whole selection */
  freq: number;
  expected: number;
  g2: number;
  pmi: number;
}

export interface CollocatesResult {
  term: string;
  /** occurrences of the term as a word (or a run of words) */
  occurrences: number;
  /** tokens inside the windows, the term's own left out */
  window_tokens: number;
  /** tokens of the selection, the term's own left out */
  total_tokens: number;
  collocates: CollocateRow[];
}

export interface CollocatesOptions extends DocFilter {
  window?: number;
  by?: CollocateMeasure;
  minCount?: number;
  top?: number;
  minLen?: number;
}

/** The longest run of words a term may be cut into and still be found. */
const MAX_RUN = 4;

/** Where the term starts in a sentence's words, and how many words it spans. */
export function findRuns(words: readonly string[], term: string): { at: number; length: number }[] {
  const out: { at: number; length: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let k = i; k < Math.min(words.length, i + MAX_RUN); k++) {
      joined += words[k];
      if (joined === term) {
        out.push({ at: i, length: k - i + 1 });
        i = k; // occurrences do not overlap
        break;
      }
      if (!term.startsWith(joined)) break;
    }
  }
  return out;
}

export function collocates(db: DB, rawTerm: string, options: CollocatesOptions = {}): CollocatesResult {
  // The stored words have "_" for a space inside a token; so does the term.
  const term = normalizeQueryText(rawTerm).trim().replace(/\s+/g, '');
  if (!term) throw new QueryError('name a term: policy-miner collocates 改革');
  const window = options.window ?? 5;
  const top = options.top ?? 20;
  const minCount = options.minCount ?? 2;
  const minLen = options.minLen ?? 2;
  if (!Number.isInteger(window) || window < 1) throw new QueryError('--window takes a whole number of 1 or more');
  if (!Number.isInteger(top) || top < 1) throw new QueryError('--top takes a whole number of 1 or more');

  const where = docWhere(options);
  const docs = db
    .prepare(`SELECT d.id, w.words FROM documents d JOIN doc_words w ON w.doc_id = d.id WHERE ${where.sql} ORDER BY d.id`)
    .iterate(...where.params) as IterableIterator<{ id: number; words: string }>;
  const countableOf = db.prepare('SELECT DISTINCT term FROM doc_terms WHERE doc_id = ? AND length(term) >= ?').pluck();

  let occurrences = 0;
  let nodeTokens = 0;
  let allTokens = 0;
  let windowTokens = 0;
  const freq = new Map<string, number>();
  const near = new Map<string, { count: number; left: number; right: number }>();
  for (const doc of docs) {
    const countable = new Set(countableOf.all(doc.id, minLen) as string[]);
    for (const sentence of doc.words.split('\n')) {
      const words = sentence.split(' ').filter(Boolean);
      allTokens += words.length;
      const runs = findRuns(words, term);
      // Which side of the nearest occurrence each position in a window is on:
      // -1 before, +1 after, 0 outside every window; node positions are NaN.
      const side = new Array<number>(words.length).fill(0);
      for (const r of runs) for (let k = r.at; k < r.at + r.length; k++) side[k] = NaN;
      for (const r of runs) {
        for (let k = Math.max(0, r.at - window); k < r.at; k++) if (side[k] === 0) side[k] = -1;
        for (let k = r.at + r.length; k < Math.min(words.length, r.at + r.length + window); k++) if (side[k] === 0) side[k] = 1;
      }
      occurrences += runs.length;
      words.forEach((w, k) => {
        const s = side[k]!;
        if (Number.isNaN(s)) {
          nodeTokens++;
          return;
        }
        if (s !== 0) windowTokens++;
        if (!countable.has(w)) return;
        freq.set(w, (freq.get(w) ?? 0) + 1);
        if (s === 0) return;
        const n = near.get(w) ?? { count: 0, left: 0, right: 0 };
        n.count++;
        if (s < 0) n.left++;
        else n.right++;
        near.set(w, n);
      });
    }
  }
  if (occurrences === 0) {
    throw new QueryError(`${term} is never a word (or a run of words) in the selected documents: check it with \`policy-miner search ${term}\``);
  }
  const total = allTokens - nodeTokens;
  const rows: CollocateRow[] = [];
  for (const [w, n] of near) {
    if (n.count < minCount || w === term) continue;
    const f = freq.get(w)!;
    const s = collocationScores(n.count, windowTokens, f, total);
    // Attraction only: a word seen less often near the term than by chance is not its company.
    if (n.count <= s.expected) continue;
    rows.push({ collocate: w, count: n.count, left: n.left, right: n.right, freq: f, ...s });
  }
  const by = options.by ?? 'll';
  rows.sort((x, y) => (by === 'pmi' ? y.pmi - x.pmi : y.g2 - x.g2) || y.count - x.count || x.collocate.localeCompare(y.collocate, 'zh'));
  return { term, occurrences, window_tokens: windowTokens, total_tokens: total, collocates: rows.slice(0, top) };
}
