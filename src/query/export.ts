// Every table of the database as rows for other tools (spreadsheets, R,
// pandas): documents, goals, metrics, initiatives with their mentions and
// members, and the term counts. The CLI writes them out as CSV or JSON Lines.
import type { DB } from '../store/db.js';
import { documentText } from '../store/read.js';
import { QueryError } from './errors.js';
import { docWhere, type DocFilter } from './filters.js';

export interface ExportTable {
  name: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

interface TableSpec {
  columns: string[];
  sql: (where: string) => string;
}

// Each query selects exactly `columns`, in order, over `documents d` filtered by `where`.
const TABLES = {
  documents: {
    columns: ['id', 'title', 'year', 'review_year', 'plan_year', 'org', 'script', 'chars', 'tokens', 'source', 'article'],
    sql: (where: string) =>
      `SELECT d.id, d.title, d.year, d.review_year, d.plan_year, d.org, d.script, d.chars, d.tokens,
              s.display AS source, d.article
       FROM documents d JOIN sources s ON s.id = d.source_id WHERE ${where} ORDER BY d.id`,
  },
  goals: {
    columns: ['doc', 'idx', 'marker', 'level', 'ordinal', 'title', 'parent', 'kind', 'year', 'offset'],
    sql: (where: string) =>
      `SELECT g.doc_id AS doc, g.idx, g.marker, g.level, g.ordinal, g.title, g.parent, g.kind, g.year, g.offset
       FROM goals g JOIN documents d ON d.id = g.doc_id WHERE ${where} ORDER BY g.doc_id, g.idx`,
  },
  metrics: {
    columns: ['doc', 'idx', 'raw', 'value', 'value_max', 'unit', 'subject', 'change', 'bound', 'year', 'offset'],
    sql: (where: string) =>
      `SELECT m.doc_id AS doc, m.idx, m.raw, m.value, m.value_max, m.unit, m.subject, m.change, m.bound, m.year, m.offset
       FROM metrics m JOIN documents d ON d.id = m.doc_id WHERE ${where} ORDER BY m.doc_id, m.idx`,
  },
  initiatives: {
    columns: ['id', 'key', 'name', 'docs'],
    sql: (where: string) =>
      `SELECT i.id, i.key, i.name, count(DISTINCT m.doc_id) AS docs
       FROM initiatives i JOIN initiative_mentions m ON m.initiative_id = i.id JOIN documents d ON d.id = m.doc_id
       WHERE ${where} GROUP BY i.id ORDER BY i.id`,
  },
  initiative_mentions: {
    columns: ['id', 'initiative', 'doc', 'name', 'code', 'type', 'expected_count', 'consistent', 'groups', 'offset'],
    sql: (where: string) =>
      `SELECT m.id, m.initiative_id AS initiative, m.doc_id AS doc, m.name, m.code, m.type, m.expected_count,
              m.consistent, m.groups_json AS groups, m.offset
       FROM initiative_mentions m JOIN documents d ON d.id = m.doc_id WHERE ${where} ORDER BY m.id`,
  },
  initiative_members: {
    columns: ['mention', 'seq', 'member'],
    sql: (where: string) =>
      `SELECT x.mention_id AS mention, x.seq, x.member
       FROM initiative_members x JOIN initiative_mentions m ON m.id = x.mention_id JOIN documents d ON d.id = m.doc_id
       WHERE ${where} ORDER BY x.mention_id, x.seq`,
  },
  terms: {
    columns: ['doc', 'term', 'pos', 'count'],
    sql: (where: string) =>
      `SELECT t.doc_id AS doc, t.term, t.pos, t.count
       FROM doc_terms t JOIN documents d ON d.id = t.doc_id WHERE ${where} ORDER BY t.doc_id, t.count DESC, t.term`,
  },
} satisfies Record<string, TableSpec>;

export type ExportTableName = keyof typeof TABLES;
export const EXPORT_TABLES = Object.keys(TABLES) as ExportTableName[];

export interface ExportOptions extends DocFilter {
  tables?: readonly string[] | undefined;
  /** the documents' cleaned text as a column too */
  text?: boolean;
}

export function exportTables(db: DB, options: ExportOptions = {}): ExportTable[] {
  const names = options.tables?.length ? options.tables : EXPORT_TABLES;
  const unknown = names.filter((n) => !(EXPORT_TABLES as readonly string[]).includes(n));
  if (unknown.length) throw new QueryError(`no table ${unknown.join(', ')}: choose from ${EXPORT_TABLES.join(', ')}`);
  const where = docWhere(options);
  return (names as ExportTableName[]).map((name) => {
    const spec: TableSpec = TABLES[name];
    const withText = name === 'documents' && Boolean(options.text);
    const rows = db.prepare(spec.sql(where.sql)).all(...where.params) as Record<string, unknown>[];
    if (withText) for (const row of rows) row.text = documentText(db, row.id as number);
    return { name, columns: withText ? [...spec.columns, 'text'] : spec.columns, rows };
  });
}
