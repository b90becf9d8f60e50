// Occurrences of terms per year, and their rate per 10,000 word tokens so that
// long and short reports compare. Counts are exact substring counts, as search gives.
import type { DB } from '../store/db.js';
import { QueryError } from './errors.js';
import { docWhere, type DocFilter } from './filters.js';
import { countByYear } from './search.js';
import { normalizeQueryText } from './text.js';

export interface TrendRow {
  term: string;
  year: number;
  count: number;
  tokens: number;
  rate: number;
}

export const RATE_BASE = 10000;

export function trend(db: DB, rawTerms: readonly string[], filter: DocFilter = {}): TrendRow[] {
  const terms = rawTerms.map((t) => normalizeQueryText(t).trim()).filter(Boolean);
  if (terms.length === 0) throw new QueryError('name at least one term: policy-miner trend 医共体 分级诊疗');
  const where = docWhere(filter);
  const years = db
    .prepare(
      `SELECT d.year AS year, sum(d.tokens) AS tokens FROM documents d
       WHERE d.year IS NOT NULL AND ${where.sql} GROUP BY d.year ORDER BY d.year`,
    )
    .all(...where.params) as { year: number; tokens: number }[];
  const rows: TrendRow[] = [];
  for (const term of terms) {
    const counted = countByYear(db, term, filter);
    const perYear = new Map(counted.map((r) => [r.year, r.count]));
    for (const { year, tokens } of years) {
      const count = perYear.get(year) ?? 0;
      rows.push({ term, year, count, tokens, rate: tokens ? (count / tokens) * RATE_BASE : 0 });
    }
  }
  return rows;
}
