import type { DB } from '../store/db.js';
import { docWhere, type DocFilter } from './filters.js';

export interface DocRow {
  id: number;
  title: string | null;
  year: number | null;
  review_year: number | null;
  plan_year: number | null;
  org: string | null;
  script: string;
  chars: number;
  source: string;
}

export function listDocs(db: DB, filter: DocFilter = {}): DocRow[] {
  const where = docWhere(filter);
  // A compilation's articles share a file: name them file#n.
  return db
    .prepare(
      `SELECT d.id, d.title, d.year, d.review_year, d.plan_year, d.org, d.script, d.chars,
              s.display || CASE WHEN (SELECT count(*) FROM documents x WHERE x.source_id = d.source_id) > 1
                                THEN '#' || d.article ELSE '' END AS source
       FROM documents d JOIN sources s ON s.id = d.source_id
       WHERE ${where.sql}
       ORDER BY d.id`,
    )
    .all(...where.params) as DocRow[];
}
