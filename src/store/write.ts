// Writing one source file's documents: one transaction per file, so a file is
// in the database whole or not at all, whatever happens mid-run.
import type { AnalyzedDocument, TermCount } from '../model.js';
import type { DB } from './db.js';
import { initiativeKey } from '../extract/initiatives.js';
import { GramCounter, mergeGrams, type GramCounts } from './grams.js';
import { mergeRows, PairIndexBuilder } from './pairs.js';

export interface SourceFile {
  path: string;
  display: string;
  hash: string;
  bytes: number;
  encoding: string;
}

export type WriteOutcome = 'added' | 'replaced' | 'unchanged';

/** Paragraphs of a document text with their character offsets. */
export function paragraphsOf(text: string): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ offset, text: line });
    offset += line.length + 1;
  }
  return out;
}

/** Is this exact content already stored (under any path)? */
export function isUnchanged(db: DB, path: string, hash: string): boolean {
  const row = prepare(db).findSource.get(path) as { hash: string } | undefined;
  return row?.hash === hash;
}

/**
 * Writes one file's documents in one transaction. With `pending`, their term
 * and gram counts are kept there as well (once the file is committed), for
 * updateTotals to add without reading the documents back.
 */
export function writeSource(
  db: DB,
  source: SourceFile,
  docs: readonly AnalyzedDocument[],
  pending?: PendingTotals,
): WriteOutcome {
  const statements = prepare(db);
  const written: [number, AnalyzedDocument, WrittenParagraph[]][] = [];
  const outcome = db.transaction((): WriteOutcome => {
    const old = statements.findSource.get(source.path) as { id: number; hash: string } | undefined;
    let orphanCandidates: number[] = [];
    if (old?.hash === source.hash) return 'unchanged';
    if (old) {
      addToGrams(statements, statements.countedParagraphs.iterate(old.id) as Iterable<string>, -1);
      statements.subtractTotals.run(old.id);
      statements.subtractYearTotals.run(old.id);
      orphanCandidates = statements.initiativesOfSource.all(old.id) as number[];
      statements.deleteSource.run(old.id);
      statements.pruneTotals.run();
      statements.pruneYearTotals.run();
    }
    const sourceId = Number(
      statements.insertSource.run(source.path, source.display, source.hash, source.bytes, source.encoding, new Date().toISOString())
        .lastInsertRowid,
    );
    for (const doc of docs) {
      const docId = Number(
        statements.insertDocument.run(
          sourceId, doc.article, doc.title, doc.year, doc.review_year, doc.plan_year, doc.org, doc.script,
          doc.chars, doc.tokens,
        ).lastInsertRowid,
      );
      const paragraphs = paragraphsOf(doc.text).map((p, seq) => ({
        id: Number(statements.insertParagraph.run(docId, seq, p.offset, p.text).lastInsertRowid),
        text: p.text,
      }));
      written.push([docId, doc, paragraphs]);
      statements.insertTerms.run(docId, termRows(doc.terms));
      statements.insertWords.run(docId, doc.words);
      doc.goals.forEach((g, idx) =>
        statements.insertGoal.run(docId, idx, g.marker, g.level, g.ordinal, g.title, g.parent, g.kind, g.year, g.offset),
      );
      doc.metrics.forEach((m, idx) =>
        statements.insertMetric.run(
          docId, idx, m.raw, m.value, m.value_max, m.unit, m.subject, m.change, m.bound, m.year, m.offset,
        ),
      );
      for (const x of doc.initiatives) {
        const key = initiativeKey(x.name);
        statements.insertInitiative.run(key, x.name);
        const { id } = statements.findInitiative.get(key) as { id: number };
        const mentionId = Number(
          statements.insertMention.run(
            id, docId, x.name, x.code, x.type, x.expected_count,
            x.consistent === null ? null : Number(x.consistent), JSON.stringify(x.groups), x.offset,
          ).lastInsertRowid,
        );
        x.members.forEach((member, seq) => statements.insertMember.run(mentionId, seq, member));
      }
    }
    // An initiative no document mentions any more is gone from the corpus;
    // only the replaced file's initiatives can have lost their last mention.
    for (const id of orphanCandidates) statements.pruneInitiative.run(id, id);
    return old ? 'replaced' : 'added';
  })();
  if (pending) for (const [docId, doc, paragraphs] of written) pending.add(docId, doc, paragraphs);
  return outcome;
}

/** A document's term counts as one JSON array of [term, pos, count], for insertTerms. */
function termRows(terms: readonly TermCount[]): string {
  return JSON.stringify(terms.map((t) => [t.term, t.pos, t.count]));
}

interface WrittenParagraph {
  id: number;
  text: string;
}

/**
 * The counts and index entries of documents written but not yet in the
 * totals and the pair index, kept in memory as they are written: reading a
 * batch's paragraphs and term rows back to count them took a fifth of the
 * writing thread's time.
 */
export class PendingTotals {
  docIds: number[] = [];
  grams = new GramCounter();
  /** the pairs of the documents written since the pair index was last brought up to date */
  pairs = new PairIndexBuilder();
  pairDocIds: number[] = [];
  pairChars = 0;
  /** year (0: unknown) → term → count; the corpus totals are their sums */
  yearTerms = new Map<number, Map<string, number>>();
  /** characters of the documents kept */
  chars = 0;

  add(docId: number, doc: AnalyzedDocument, paragraphs: readonly WrittenParagraph[]): void {
    this.docIds.push(docId);
    this.pairDocIds.push(docId);
    for (const p of paragraphs) this.pairs.add(p.id, p.text);
    this.pairChars += doc.text.length;
    this.chars += doc.text.length;
    // the whole text at once: a line break, like any white space, ends a pair
    // and is not counted, and a line that is only white space is no paragraph
    this.grams.add(doc.text);
    const year = doc.year ?? 0;
    let byTerm = this.yearTerms.get(year);
    if (!byTerm) this.yearTerms.set(year, (byTerm = new Map()));
    for (const t of doc.terms) byTerm.set(t.term, (byTerm.get(t.term) ?? 0) + t.count);
  }

  terms(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const byTerm of this.yearTerms.values()) for (const [term, n] of byTerm) totals.set(term, (totals.get(term) ?? 0) + n);
    return totals;
  }

  clear(): void {
    this.docIds = [];
    this.grams = new GramCounter();
    this.clearPairs();
    this.yearTerms = new Map();
    this.chars = 0;
  }

  clearPairs(): void {
    this.pairs = new PairIndexBuilder();
    this.pairDocIds = [];
    this.pairChars = 0;
  }
}

/**
 * Adds the documents written since the last call to the term totals and the
 * pair index, in one transaction. Until then freq sums their per-document counts itself (see
 * totalsCurrent), so the totals are never wrong, only sometimes not used.
 * The documents whose counts `pending` holds are added from it (then it is
 * cleared); any other document not yet in the totals (one of a run that was
 * killed, or of another process writing meanwhile) is read back and counted.
 */
export function updateTotals(db: DB, pending?: PendingTotals): void {
  const statements = prepare(db);
  db.transaction(() => {
    let counts = new GramCounter();
    const ids = JSON.stringify(pending?.docIds ?? []);
    // Only if every kept document is still there, untotaled: one replaced or
    // totaled meanwhile by another process is counted as it now stands.
    if (pending?.docIds.length && statements.countUntotaled.get(ids) === pending.docIds.length) {
      counts = pending.grams;
      for (const [term, n] of pending.terms()) statements.addTermTotal.run(term, n);
      for (const [year, byTerm] of pending.yearTerms) for (const [term, n] of byTerm) statements.addYearTermTotal.run(year, term, n);
      statements.markTotaledIds.run(ids);
    }
    if (statements.anyUntotaled.get() !== undefined) {
      for (const text of statements.untotaledParagraphs.iterate() as Iterable<string>) counts.add(text);
      statements.addTotals.run();
      statements.addYearTotals.run();
      statements.markTotaled.run();
    }
    writeGrams(statements, counts);
    updatePairIndex(statements, pending);
  })();
  pending?.clear();
}

/**
 * Adds the paragraphs of every document not yet indexed to the pair index:
 * those `pending` holds from memory, the rest read back. A replaced file's
 * paragraphs stay listed under their old ids, which lead to no paragraph (or,
 * an id handed out again, to one the scan then rules out): the index may list
 * too much, never too little.
 */
function updatePairIndex(statements: Statements, pending?: PendingTotals): void {
  const builder = pending?.pairs ?? new PairIndexBuilder();
  const kept = JSON.stringify(pending?.pairDocIds ?? []);
  for (const p of statements.unindexedParagraphs.iterate(kept) as Iterable<WrittenParagraph>) builder.add(p.id, p.text);
  writePairs(statements, builder);
  statements.markIndexed.run();
}

/**
 * Adds the documents written since the pair index was last brought up to
 * date to it, from `pending` alone, in one transaction. Ingest does so every
 * few million characters, while the analysis threads have files to go on
 * with, instead of all at once with the totals: at 50 MB that update came
 * near the end of the run, when nothing else was left to do.
 */
export function updatePairIndexFrom(db: DB, pending: PendingTotals): void {
  const statements = prepare(db);
  db.transaction(() => {
    writePairs(statements, pending.pairs);
    statements.markIndexedIds.run(JSON.stringify(pending.pairDocIds));
  })();
  pending.clearPairs();
}

function writePairs(statements: Statements, builder: PairIndexBuilder): void {
  const rows = builder.take();
  if (rows.size) {
    const batch = ((statements.lastBatch.get() as number | null) ?? 0) + 1;
    mergeRows(
      rows,
      batch,
      (first) => statements.lastPostings.get(first) as { batch: number; part: number; postings: Uint8Array } | undefined,
      (first, b, part, postings) => statements.putPostings.run(first, b, part, postings),
    );
  }
}

/** Adds (sign 1) or takes out (-1) the grams of paragraphs to or from the gram totals. */
function addToGrams(statements: Statements, paragraphs: Iterable<string>, sign: 1 | -1): void {
  // counted as they are read (the reading ends before the first write)
  const counts = new GramCounter();
  for (const text of paragraphs) counts.add(text, sign);
  writeGrams(statements, counts);
}

function writeGrams(statements: Statements, counts: GramCounter): void {
  mergeGrams(
    counts,
    (first) => {
      const stored = statements.findGrams.get(first) as string | undefined;
      return stored === undefined ? undefined : (JSON.parse(stored) as GramCounts);
    },
    (first, row) => (row ? statements.putGrams.run(first, JSON.stringify(row)) : statements.deleteGrams.run(first)),
  );
}

type Statements = ReturnType<typeof build>;
const cache = new WeakMap<DB, Statements>();

function prepare(db: DB): Statements {
  let s = cache.get(db);
  if (!s) {
    s = build(db);
    cache.set(db, s);
  }
  return s;
}

function build(db: DB) {
  return {
    findSource: db.prepare('SELECT id, hash FROM sources WHERE path = ?'),
    deleteSource: db.prepare('DELETE FROM sources WHERE id = ?'),
    insertSource: db.prepare(
      'INSERT INTO sources (path, display, hash, bytes, encoding, ingested_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertDocument: db.prepare(
      `INSERT INTO documents (source_id, article, title, year, review_year, plan_year, org, script, chars, tokens, totaled)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    ),
    insertParagraph: db.prepare('INSERT INTO paragraphs (doc_id, seq, offset, text) VALUES (?, ?, ?, ?)'),
    // A document's term rows in one statement, sorted (in C) into key order:
    // each row then goes where the last one went. A third less time than a
    // statement per row in the order counted.
    insertTerms: db.prepare(
      `INSERT INTO doc_terms (doc_id, term, pos, count)
       SELECT ?, value->>0 AS term, value->>1 AS pos, value->>2 FROM json_each(?) ORDER BY term, pos`,
    ),
    // The file's counted documents, summed once per term (and year), then
    // taken off the totals: a subquery per total row would scan the file's
    // term rows again for every term.
    subtractTotals: db.prepare(
      `UPDATE term_totals SET count = term_totals.count - old.count
       FROM (SELECT t.term, sum(t.count) AS count FROM documents d JOIN doc_terms t ON t.doc_id = d.id
             WHERE d.source_id = ? AND d.totaled GROUP BY t.term) AS old
       WHERE term_totals.term = old.term`,
    ),
    subtractYearTotals: db.prepare(
      `UPDATE year_term_totals SET count = year_term_totals.count - old.count
       FROM (SELECT coalesce(d.year, 0) AS year, t.term, sum(t.count) AS count FROM documents d JOIN doc_terms t ON t.doc_id = d.id
             WHERE d.source_id = ? AND d.totaled GROUP BY 1, 2) AS old
       WHERE year_term_totals.year = old.year AND year_term_totals.term = old.term`,
    ),
    addTotals: db.prepare(
      `INSERT INTO term_totals (term, count)
       SELECT t.term, sum(t.count) FROM documents d JOIN doc_terms t ON t.doc_id = d.id
       WHERE d.totaled = 0 GROUP BY t.term
       ON CONFLICT(term) DO UPDATE SET count = count + excluded.count`,
    ),
    addYearTotals: db.prepare(
      `INSERT INTO year_term_totals (year, term, count)
       SELECT coalesce(d.year, 0), t.term, sum(t.count) FROM documents d JOIN doc_terms t ON t.doc_id = d.id
       WHERE d.totaled = 0 GROUP BY 1, 2
       ON CONFLICT(year, term) DO UPDATE SET count = count + excluded.count`,
    ),
    addTermTotal: db.prepare(
      'INSERT INTO term_totals (term, count) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET count = count + excluded.count',
    ),
    addYearTermTotal: db.prepare(
      `INSERT INTO year_term_totals (year, term, count) VALUES (?, ?, ?)
       ON CONFLICT(year, term) DO UPDATE SET count = count + excluded.count`,
    ),
    countUntotaled: db
      .prepare('SELECT count(*) FROM documents WHERE id IN (SELECT value FROM json_each(?)) AND totaled = 0')
      .pluck(),
    markTotaledIds: db.prepare('UPDATE documents SET totaled = 1 WHERE id IN (SELECT value FROM json_each(?))'),
    anyUntotaled: db.prepare('SELECT 1 FROM documents WHERE totaled = 0 LIMIT 1'),
    untotaledParagraphs: db
      .prepare('SELECT p.text FROM documents d JOIN paragraphs p ON p.doc_id = d.id WHERE d.totaled = 0')
      .pluck(),
    countedParagraphs: db
      .prepare('SELECT p.text FROM documents d JOIN paragraphs p ON p.doc_id = d.id WHERE d.source_id = ? AND d.totaled')
      .pluck(),
    findGrams: db.prepare('SELECT counts FROM gram_totals WHERE first = ?').pluck(),
    putGrams: db.prepare('INSERT OR REPLACE INTO gram_totals (first, counts) VALUES (?, ?)'),
    deleteGrams: db.prepare('DELETE FROM gram_totals WHERE first = ?'),
    // CROSS JOIN: documents first, through their partial index; left to
    // itself the planner scanned every paragraph in id order (50 ms at 50 MB)
    unindexedParagraphs: db.prepare(
      `SELECT p.id, p.text FROM documents d CROSS JOIN paragraphs p ON p.doc_id = d.id
       WHERE d.indexed = 0 AND d.id NOT IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
    ),
    lastBatch: db.prepare('SELECT max(batch) FROM pair_postings').pluck(),
    lastPostings: db.prepare(
      'SELECT batch, part, postings FROM pair_postings WHERE first = ? ORDER BY batch DESC, part DESC LIMIT 1',
    ),
    putPostings: db.prepare('INSERT OR REPLACE INTO pair_postings (first, batch, part, postings) VALUES (?, ?, ?, ?)'),
    markIndexed: db.prepare('UPDATE documents SET indexed = 1 WHERE indexed = 0'),
    markIndexedIds: db.prepare('UPDATE documents SET indexed = 1 WHERE id IN (SELECT value FROM json_each(?))'),
    markTotaled: db.prepare('UPDATE documents SET totaled = 1 WHERE totaled = 0'),
    pruneTotals: db.prepare('DELETE FROM term_totals WHERE count <= 0'),
    pruneYearTotals: db.prepare('DELETE FROM year_term_totals WHERE count <= 0'),
    insertWords: db.prepare('INSERT INTO doc_words (doc_id, words) VALUES (?, ?)'),
    insertGoal: db.prepare(
      `INSERT INTO goals (doc_id, idx, marker, level, ordinal, title, parent, kind, year, offset)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertMetric: db.prepare(
      `INSERT INTO metrics (doc_id, idx, raw, value, value_max, unit, subject, change, bound, year, offset)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertInitiative: db.prepare('INSERT INTO initiatives (key, name) VALUES (?, ?) ON CONFLICT(key) DO NOTHING'),
    findInitiative: db.prepare('SELECT id FROM initiatives WHERE key = ?'),
    insertMention: db.prepare(
      `INSERT INTO initiative_mentions (initiative_id, doc_id, name, code, type, expected_count, consistent, groups_json, offset)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertMember: db.prepare('INSERT INTO initiative_members (mention_id, seq, member) VALUES (?, ?, ?)'),
    initiativesOfSource: db
      .prepare(
        `SELECT DISTINCT m.initiative_id FROM initiative_mentions m JOIN documents d ON d.id = m.doc_id
         WHERE d.source_id = ?`,
      )
      .pluck(),
    pruneInitiative: db.prepare(
      'DELETE FROM initiatives WHERE id = ? AND NOT EXISTS (SELECT 1 FROM initiative_mentions WHERE initiative_id = ?)',
    ),
  };
}
