// What `compare A B` and `keywords DOC` take for a side: a year, a document id
// or an organisation, turned into the set of documents it stands for.
import type { DB } from '../store/db.js';
import { QueryError } from './errors.js';
import { normalizeQueryText } from './text.js';

export type SelectionKind = 'year' | 'doc' | 'org';

export interface Selection {
  kind: SelectionKind;
  /** how the side is named in tables: "2024", "doc 12", "org 深圳" */
  label: string;
  docs: number[];
  /** word tokens of those documents: the denominator of rates and keyness */
  tokens: number;
}

export const SELECTION_HELP =
  'a bare number is a year when documents of that year exist, else a document id; ' +
  'year:N, doc:N and org:TEXT say which; with --org, or for any other text, the documents whose organisation contains the text';

const idsOf = (db: DB, sql: string, ...params: (string | number)[]): number[] =>
  db.prepare(sql).pluck().all(...params) as number[];

/** Reads one side of a comparison; `org` reads every spec as organisation text. */
export function resolveSelection(db: DB, rawSpec: string, options: { org?: boolean } = {}): Selection {
  const spec = normalizeQueryText(rawSpec).trim();
  if (!spec) throw new QueryError('empty selection: give a year, a document id or an organisation');
  const prefixed = /^(year|doc|org):(.*)$/i.exec(spec);
  let kind: SelectionKind;
  let value = prefixed ? prefixed[2]!.trim() : spec;
  if (options.org) kind = 'org';
  else if (prefixed) kind = prefixed[1]!.toLowerCase() as SelectionKind;
  else if (/^\d+$/.test(spec)) {
    const hasYear = db.prepare('SELECT 1 FROM documents WHERE year = ? LIMIT 1').get(Number(spec)) !== undefined;
    kind = hasYear ? 'year' : 'doc';
  } else kind = 'org';
  if (options.org && prefixed) value = spec;

  let docs: number[];
  let label: string;
  if (kind === 'org') {
    docs = idsOf(db, 'SELECT id FROM documents WHERE instr(org, ?) > 0 ORDER BY id', value);
    label = `org ${value}`;
    if (!docs.length) throw new QueryError(`no document whose organisation contains "${value}" (see \`policy-miner docs\`)`);
  } else {
    if (!/^\d+$/.test(value)) throw new QueryError(`${kind}: takes a whole number, not "${value}"`);
    const n = Number(value);
    if (kind === 'year') {
      docs = idsOf(db, 'SELECT id FROM documents WHERE year = ? ORDER BY id', n);
      label = String(n);
      if (!docs.length) throw new QueryError(`no documents of year ${n} (see \`policy-miner docs\`)`);
    } else {
      docs = idsOf(db, 'SELECT id FROM documents WHERE id = ?', n);
      label = `doc ${n}`;
      if (!docs.length) {
        throw new QueryError(
          prefixed ? `no document ${n} (see \`policy-miner docs\`)` : `no documents of year ${n} and no document with id ${n} (see \`policy-miner docs\`)`,
        );
      }
    }
  }
  return { kind, label, docs, tokens: sumTokens(db, docs) };
}

/** `IN (?, ?, …)` for a list of ids. */
export const inList = (ids: readonly number[]): string => `(${ids.map(() => '?').join(', ') || 'NULL'})`;

export function sumTokens(db: DB, docs: readonly number[]): number {
  return (db.prepare(`SELECT coalesce(sum(tokens), 0) FROM documents WHERE id IN ${inList(docs)}`).pluck().get(...docs) as number) ?? 0;
}

/** Term counts (countable words, summed over parts of speech) of a set of documents. */
export function termCounts(db: DB, docs: readonly number[], minLen = 1): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT term, sum(count) AS count FROM doc_terms
       WHERE doc_id IN ${inList(docs)} AND length(term) >= ? GROUP BY term`,
    )
    .all(...docs, minLen) as { term: string; count: number }[];
  return new Map(rows.map((r) => [r.term, r.count]));
}
