// Term frequencies from the stored per-document counts (exact, not sampled).
import type { DB } from '../store/db.js';
import { totalsCurrent } from '../store/read.js';
import { QueryError } from './errors.js';
import { docWhere, type DocFilter } from './filters.js';

export type FreqGroup = 'year' | 'doc';

export interface FreqOptions extends DocFilter {
  top?: number;
  by?: FreqGroup | undefined;
  /** part-of-speech prefixes (jieba tags): "n" takes n, nr, ns, nz … */
  pos?: string[] | undefined;
  minLen?: number;
}

export interface FreqRow {
  term: string;
  count: number;
  group?: string;
}

/**
 * Reads the kept totals when it can (no --pos, no --doc, no --by doc, and
 * the totals include every document): they answer in milliseconds whatever
 * the corpus size. Otherwise it sums the per-document counts. Both give the
 * same exact counts.
 */
export function freqSql(options: FreqOptions, useTotals = true): { sql: string; params: (string | number)[] } {
  const top = options.top ?? 20;
  const minLen = options.minLen ?? 2;
  if (useTotals && !options.pos?.length && options.doc === undefined && options.by !== 'doc') {
    if (options.by === 'year') {
      // Each year's top terms straight off the (year, count) index, one
      // year after another: no ranking of every term of every year.
      const yearFilter = options.year === undefined ? '' : 'WHERE year = ?';
      return {
        sql: `WITH years AS (SELECT DISTINCT year FROM year_term_totals ${yearFilter})
              SELECT CASE y.year WHEN 0 THEN 'unknown' ELSE CAST(y.year AS TEXT) END AS grp, t.term, t.count
              FROM years y JOIN year_term_totals t ON t.year = y.year AND t.term IN (
                SELECT term FROM year_term_totals WHERE year = y.year AND length(term) >= ? ORDER BY count DESC, term LIMIT ?)
              ORDER BY y.year = 0, y.year, t.count DESC, t.term`,
        params: [...(options.year === undefined ? [] : [options.year]), minLen, top],
      };
    }
    if (options.year !== undefined) {
      return {
        sql: `SELECT '' AS grp, term, count FROM year_term_totals
              WHERE year = ? AND length(term) >= ? ORDER BY count DESC, term LIMIT ?`,
        params: [options.year, minLen, top],
      };
    }
    return {
      sql: `SELECT '' AS grp, term, count FROM term_totals WHERE length(term) >= ? ORDER BY count DESC, term LIMIT ?`,
      params: [minLen, top],
    };
  }
  const where = docWhere(options);
  const parts = [where.sql, 'length(t.term) >= ?'];
  const params: (string | number)[] = [...where.params, minLen];
  if (options.pos?.length) {
    parts.push(`(${options.pos.map(() => "t.pos LIKE ? || '%'").join(' OR ')})`);
    params.push(...options.pos);
  }
  const group =
    options.by === 'year' ? "coalesce(CAST(d.year AS TEXT), 'unknown')" : options.by === 'doc' ? 'd.id' : "''";
  params.push(top);
  return {
    sql: `WITH counts AS (
            SELECT ${group} AS grp, t.term AS term, sum(t.count) AS count
            FROM doc_terms t JOIN documents d ON d.id = t.doc_id
            WHERE ${parts.join(' AND ')}
            GROUP BY grp, t.term
          ), ranked AS (
            SELECT grp, term, count, row_number() OVER (PARTITION BY grp ORDER BY count DESC, term) AS rank
            FROM counts
          )
          SELECT CAST(grp AS TEXT) AS grp, term, count FROM ranked WHERE rank <= ? ORDER BY grp = 'unknown', grp + 0, rank`,
    params,
  };
}

export function freq(db: DB, options: FreqOptions = {}): FreqRow[] {
  if (options.top !== undefined && (!Number.isInteger(options.top) || options.top < 1)) {
    throw new QueryError('--top takes a whole number of 1 or more');
  }
  const { sql, params } = freqSql(options, totalsCurrent(db));
  const rows = db.prepare(sql).all(...params) as { grp: string; term: string; count: number }[];
  return rows.map((r) => (options.by ? { group: r.grp, term: r.term, count: r.count } : { term: r.term, count: r.count }));
}
