// Term frequencies from the stored per-document counts (exact, not sampled).
import type { DB } from '../store/db.js';
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

export function freqSql(options: FreqOptions): { sql: string; params: (string | number)[] } {
  const where = docWhere(options);
  const parts = [where.sql, 'length(t.term) >= ?'];
  const params: (string | number)[] = [...where.params, options.minLen ?? 2];
  if (options.pos?.length) {
    parts.push(`(${options.pos.map(() => "t.pos LIKE ? || '%'").join(' OR ')})`);
    params.push(...options.pos);
  }
  const group =
    options.by === 'year' ? "coalesce(CAST(d.year AS TEXT), 'unknown')" : options.by === 'doc' ? 'CAST(d.id AS TEXT)' : "''";
  const top = options.top ?? 20;
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
          SELECT grp, term, count FROM ranked WHERE rank <= ? ORDER BY grp, rank`,
    params,
  };
}

export function freq(db: DB, options: FreqOptions = {}): FreqRow[] {
  if (options.top !== undefined && (!Number.isInteger(options.top) || options.top < 1)) {
    throw new QueryError('--top takes a whole number of 1 or more');
  }
  const { sql, params } = freqSql(options);
  const rows = db.prepare(sql).all(...params) as { grp: string; term: string; count: number }[];
  return rows.map((r) => (options.by ? { group: r.grp, term: r.term, count: r.count } : { term: r.term, count: r.count }));
}
