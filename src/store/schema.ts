// The database schema as an ordered list of migrations. A database records
// the number of migrations applied in meta.schema_version; opening runs the
// missing ones in one transaction. Never edit a shipped migration: add one.

export const MIGRATIONS: readonly string[] = [
  // 1: documents, paragraphs with a trigram full-text index, term counts,
  // goals, metrics, initiatives as entities with their mentions and members.
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,          -- absolute path: the identity of a file
    display TEXT NOT NULL,              -- the path as the user gave it
    hash TEXT NOT NULL,                 -- sha256 of the bytes
    bytes INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX sources_hash ON sources(hash);

  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    article INTEGER NOT NULL,
    title TEXT,
    year INTEGER,
    review_year INTEGER,
    plan_year INTEGER,
    org TEXT,
    script TEXT NOT NULL,
    chars INTEGER NOT NULL,
    tokens INTEGER NOT NULL,            -- word tokens (punctuation and spaces left out)
    text TEXT NOT NULL,
    UNIQUE (source_id, article)
  );
  CREATE INDEX documents_year ON documents(year);

  -- Paragraphs, not whole documents, are the unit of the full-text index:
  -- snippets and counts then touch only the paragraphs that match.
  CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    offset INTEGER NOT NULL,            -- character offset in documents.text
    text TEXT NOT NULL
  );
  CREATE INDEX paragraphs_doc ON paragraphs(doc_id, seq);
  CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id', tokenize='trigram case_sensitive 1', detail='none'
  );
  CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;

  CREATE TABLE doc_terms (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    pos TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (doc_id, term, pos)
  ) WITHOUT ROWID;
  CREATE INDEX doc_terms_term ON doc_terms(term);

  -- Totals that freq reads directly, kept by writeSource: a GROUP BY over
  -- every doc_terms row would grow with the corpus. Year 0 stands for unknown.
  CREATE TABLE term_totals (
    term TEXT PRIMARY KEY,
    count INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX term_totals_count ON term_totals(count DESC, term);
  CREATE TABLE year_term_totals (
    year INTEGER NOT NULL,
    term TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (year, term)
  ) WITHOUT ROWID;
  CREATE INDEX year_term_totals_count ON year_term_totals(year, count DESC, term);

  -- The word sequence of each document (punctuation dropped, one line per
  -- sentence), for what needs order rather than counts: collocations, phrases.
  CREATE TABLE doc_words (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    words TEXT NOT NULL                 -- words joined by spaces, sentences by newlines
  );

  CREATE TABLE goals (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    marker TEXT NOT NULL,
    level INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    title TEXT NOT NULL,
    parent INTEGER,
    kind TEXT,
    year INTEGER,
    offset INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
  );

  CREATE TABLE metrics (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    raw TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    unit TEXT NOT NULL,
    subject TEXT,
    change TEXT,
    bound TEXT,
    year INTEGER,
    offset INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
  );
  CREATE INDEX metrics_unit ON metrics(unit);

  -- One row per initiative across the corpus (same key = same initiative),
  -- one mention per document that names it, and the members each mention lists.
  CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
  );
  CREATE TABLE initiative_mentions (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    code TEXT,
    type TEXT,
    expected_count INTEGER,
    consistent INTEGER,
    groups_json TEXT NOT NULL,
    offset INTEGER NOT NULL
  );
  CREATE INDEX initiative_mentions_doc ON initiative_mentions(doc_id);
  CREATE INDEX initiative_mentions_initiative ON initiative_mentions(initiative_id);
  CREATE TABLE initiative_members (
    mention_id INTEGER NOT NULL REFERENCES initiative_mentions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    member TEXT NOT NULL,
    PRIMARY KEY (mention_id, seq)
  );
  `,

  // 2: the cleaned text is kept once, in paragraphs (documentText() joins
  // them back); the totals are brought up to date once per batch of
  // documents rather than per document (documents.totaled marks those they
  // include), and doc_terms is never looked up by term alone: the index and
  // the per-document totals made every document's write touch pages all
  // over large B-trees. Gram totals count characters and character pairs,
  // so that a search of 发展 or 医 need not read every paragraph. The totals
  // are rebuilt from the documents by the next ingest. The full-text index
  // takes a document's paragraphs in one statement (write.ts) rather than
  // one trigger run per paragraph, and merges its segments less eagerly:
  // together a third of its insert time.
  `
  DROP INDEX doc_terms_term;
  DROP TRIGGER paragraphs_ai;
  INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('automerge', 16);
  ALTER TABLE documents DROP COLUMN text;
  ALTER TABLE documents ADD COLUMN totaled INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX documents_untotaled ON documents(id) WHERE totaled = 0;
  DELETE FROM term_totals;
  DELETE FROM year_term_totals;
  CREATE TABLE gram_totals (
    first TEXT PRIMARY KEY,             -- a character
    counts TEXT NOT NULL                -- JSON {second character, or "" for the character alone: count}
  ) WITHOUT ROWID;
  `,

  // 3: the pair index (pairs.ts) replaces the FTS5 trigram index, which took
  // over a third of the writing time and more room. It is brought up to date with
  // the totals; documents.indexed marks the documents it holds, so every
  // document of a migrated database is indexed by the next ingest.
  `
  DROP TRIGGER paragraphs_ad;
  DROP TABLE paragraphs_fts;
  ALTER TABLE documents ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX documents_unindexed ON documents(id) WHERE indexed = 0;
  CREATE TABLE pair_postings (
    first INTEGER NOT NULL,             -- a UTF-16 code unit
    batch INTEGER NOT NULL,             -- the index update that wrote the row
    part INTEGER NOT NULL,              -- rows of one update, each small enough to fit in a page
    postings BLOB NOT NULL,             -- per second code unit, the ids of the paragraphs holding the pair
    PRIMARY KEY (first, batch, part)
  ) WITHOUT ROWID;
  -- every update numbers its rows one past the last: max(batch) without a scan of the index
  CREATE INDEX pair_postings_batch ON pair_postings(batch);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
