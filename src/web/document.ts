// One document as the web page shows it: the cleaned text and, with their
// character offsets, the goals, metrics and initiative mentions to mark in it.
import { listDocs, type DocRow } from '../query/docs.js';
import { QueryError } from '../query/errors.js';
import { listGoals, listMetrics, type GoalRow, type InitiativeRow, type MetricRow } from '../query/listings.js';
import type { DB } from '../store/db.js';
import { documentText } from '../store/read.js';

export interface Located {
  /** character offset in `text` where the item starts */
  offset: number;
  /** characters it covers from there */
  length: number;
}

export type DocGoal = GoalRow & Located;
export type DocMetric = MetricRow & Located;

/** One mention of an initiative: what `initiatives` lists, as this document gives it. */
export interface DocMention extends Located, Pick<InitiativeRow, 'code' | 'type' | 'members' | 'expected_count' | 'consistent'> {
  /** the initiative's name across the corpus (as `initiatives` lists it) */
  initiative: string;
  /** the name as this document gives it */
  name: string;
}

export interface DocumentView {
  doc: DocRow;
  text: string;
  goals: DocGoal[];
  metrics: DocMetric[];
  initiatives: DocMention[];
}

// Marks the extractors drop from a name ("三名"战略 → 三名战略): skipped when
// finding how far a mention runs in the text.
const NAME_NOISE = /[“”"「」『』‘’《》\s·・]/u;

/**
 * How many characters of `text` from `at` spell `name`, quotes and spaces
 * skipped. When the document words it differently further on (“一站式”的服务模式),
 * the part that does match is taken, so the mark still lands on the name.
 */
export function mentionLength(text: string, at: number, name: string): number {
  const want = [...name];
  let i = at;
  let matched = 0;
  let end = at;
  while (matched < want.length && i < text.length) {
    const ch = text[i]!;
    if (ch === want[matched]) {
      matched++;
      i++;
      end = i;
    } else if (NAME_NOISE.test(ch)) i++;
    else break;
  }
  // A closing quote right after the match belongs to the mark.
  if (end < text.length && /[”"」』’]/u.test(text[end]!)) end++;
  return Math.max(end - at, 1);
}

/** A goal is marked from its marker through its title when the title follows it. */
function goalLength(text: string, goal: { marker: string; title: string; offset: number }): number {
  const titleAt = text.indexOf(goal.title, goal.offset + goal.marker.length);
  const gap = titleAt - (goal.offset + goal.marker.length);
  return titleAt >= 0 && gap <= 3 ? titleAt + goal.title.length - goal.offset : goal.marker.length;
}

export function documentView(db: DB, id: number): DocumentView {
  const doc = listDocs(db, { doc: id })[0];
  if (!doc) throw new QueryError(`no document ${id}: list them with \`policy-miner docs\``);
  const text = documentText(db, id);

  // The listings return rows in stored order (idx); offsets come from the same order.
  const goalOffsets = db.prepare('SELECT offset FROM goals WHERE doc_id = ? ORDER BY idx').pluck().all(id) as number[];
  const goals = listGoals(db, { doc: id }).map((g, k) => {
    const offset = goalOffsets[k]!;
    return { ...g, offset, length: goalLength(text, { ...g, offset }) };
  });
  const metricOffsets = db.prepare('SELECT offset FROM metrics WHERE doc_id = ? ORDER BY idx').pluck().all(id) as number[];
  const metrics = listMetrics(db, { doc: id }).map((m, k) => ({ ...m, offset: metricOffsets[k]!, length: m.raw.length }));

  const mentionRows = db
    .prepare(
      `SELECT m.id, i.name AS initiative, m.name, m.code, m.type, m.expected_count, m.consistent, m.offset
       FROM initiative_mentions m JOIN initiatives i ON i.id = m.initiative_id
       WHERE m.doc_id = ? ORDER BY m.offset`,
    )
    .all(id) as {
    id: number; initiative: string; name: string; code: string | null; type: string | null;
    expected_count: number | null; consistent: number | null; offset: number;
  }[];
  const members = db.prepare('SELECT member FROM initiative_members WHERE mention_id = ? ORDER BY seq').pluck();
  const initiatives = mentionRows.map(({ id: mention, consistent, ...m }) => ({
    ...m,
    consistent: consistent === null ? null : consistent === 1,
    members: members.all(mention) as string[],
    length: mentionLength(text, m.offset, m.name),
  }));
  return { doc, text, goals, metrics, initiatives };
}
