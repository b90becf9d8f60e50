// The stored goals, metrics and initiatives, filtered as the CLI asks.
import type { DB } from '../store/db.js';
import { docWhere, type DocFilter } from './filters.js';

export interface GoalRow {
  doc: number;
  idx: number;
  depth: number;
  marker: string;
  level: number;
  ordinal: number;
  title: string;
  parent: number | null;
  kind: string | null;
  year: number | null;
}

export interface GoalOptions extends DocFilter {
  kind?: 'plan' | 'review' | undefined;
  depth?: number | undefined;
}

export function listGoals(db: DB, options: GoalOptions = {}): GoalRow[] {
  const where = docWhere(options);
  const rows = db
    .prepare(
      `SELECT g.doc_id AS doc, g.idx, g.marker, g.level, g.ordinal, g.title, g.parent, g.kind, g.year
       FROM goals g JOIN documents d ON d.id = g.doc_id
       WHERE ${where.sql} ORDER BY g.doc_id, g.idx`,
    )
    .all(...where.params) as Omit<GoalRow, 'depth'>[];
  // Depth in the tree (0 = top), from the parent chain, for indenting the outline.
  const depth = new Map<string, number>();
  const out: GoalRow[] = [];
  for (const r of rows) {
    const d = r.parent === null ? 0 : (depth.get(`${r.doc}:${r.parent}`) ?? 0) + 1;
    depth.set(`${r.doc}:${r.idx}`, d);
    out.push({ ...r, depth: d });
  }
  return out.filter(
    (r) => (options.kind === undefined || r.kind === options.kind) && (options.depth === undefined || r.depth < options.depth),
  );
}

export interface MetricRow {
  doc: number;
  raw: string;
  value: number;
  value_max: number | null;
  unit: string;
  subject: string | null;
  change: string | null;
  bound: string | null;
  year: number | null;
}

export interface MetricOptions extends DocFilter {
  subject?: string | undefined;
  unit?: string | undefined;
  change?: 'increase' | 'decrease' | 'none' | undefined;
}

export function listMetrics(db: DB, options: MetricOptions = {}): MetricRow[] {
  const where = docWhere(options);
  const parts = [where.sql];
  const params: (string | number)[] = [...where.params];
  if (options.subject) {
    parts.push('instr(m.subject, ?) > 0');
    params.push(options.subject);
  }
  if (options.unit) {
    parts.push('m.unit = ?');
    params.push(options.unit);
  }
  if (options.change === 'none') parts.push('m.change IS NULL');
  else if (options.change) {
    parts.push('m.change = ?');
    params.push(options.change);
  }
  return db
    .prepare(
      `SELECT m.doc_id AS doc, m.raw, m.value, m.value_max, m.unit, m.subject, m.change, m.bound, m.year
       FROM metrics m JOIN documents d ON d.id = m.doc_id
       WHERE ${parts.join(' AND ')} ORDER BY m.doc_id, m.idx`,
    )
    .all(...params) as MetricRow[];
}

export interface InitiativeRow {
  name: string;
  code: string | null;
  type: string | null;
  members: string[];
  expected_count: number | null;
  consistent: boolean | null;
  docs: number[];
  years: number[];
}

export interface InitiativeOptions extends DocFilter {
  name?: string | undefined;
}

/** One row per initiative across the corpus, with the documents and years it appears in. */
export function listInitiatives(db: DB, options: InitiativeOptions = {}): InitiativeRow[] {
  const where = docWhere(options);
  const parts = [where.sql];
  const params: (string | number)[] = [...where.params];
  if (options.name) {
    parts.push('instr(i.name, ?) > 0');
    params.push(options.name);
  }
  const mentions = db
    .prepare(
      `SELECT i.id AS initiative, i.name, m.id AS mention, m.code, m.type, m.expected_count, m.consistent,
              m.doc_id AS doc, d.year
       FROM initiative_mentions m JOIN initiatives i ON i.id = m.initiative_id JOIN documents d ON d.id = m.doc_id
       WHERE ${parts.join(' AND ')} ORDER BY i.id, m.doc_id`,
    )
    .all(...params) as {
    initiative: number; name: string; mention: number; code: string | null; type: string | null;
    expected_count: number | null; consistent: number | null; doc: number; year: number | null;
  }[];
  const members = db.prepare('SELECT member FROM initiative_members WHERE mention_id = ? ORDER BY seq').pluck();
  const byInitiative = new Map<number, InitiativeRow & { best: number }>();
  for (const m of mentions) {
    const memberList = members.all(m.mention) as string[];
    let row = byInitiative.get(m.initiative);
    if (!row) {
      row = {
        name: m.name, code: m.code, type: m.type, members: memberList, expected_count: m.expected_count,
        consistent: m.consistent === null ? null : m.consistent === 1, docs: [], years: [], best: memberList.length,
      };
      byInitiative.set(m.initiative, row);
    } else if (memberList.length > row.best) {
      // The fullest enumeration of the members stands for the initiative.
      Object.assign(row, {
        members: memberList, best: memberList.length, expected_count: m.expected_count ?? row.expected_count,
        consistent: m.consistent === null ? null : m.consistent === 1,
      });
    }
    if (!row.docs.includes(m.doc)) row.docs.push(m.doc);
    if (m.year !== null && !row.years.includes(m.year)) row.years.push(m.year);
  }
  return [...byInitiative.values()]
    .map(({ best: _best, ...row }) => ({ ...row, years: row.years.sort((a, b) => a - b) }))
    .sort((a, b) => b.docs.length - a.docs.length || a.name.localeCompare(b.name, 'zh'));
}
