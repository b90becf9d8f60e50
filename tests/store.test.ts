import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyzedDocument } from '../src/model.js';
import { extractText } from '../src/pipeline.js';
import { openForRead, openForWrite, StoreError } from '../src/store/db.js';
import { documentText, gramCount, paragraphCandidates, totalsCurrent } from '../src/store/read.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/store/schema.js';
import { paragraphsOf, updateTotals, writeSource } from '../src/store/write.js';
import { readCorpus, tempDir } from './helpers.js';

// Term counts come from the segmenter, which store tests do not need.
const analyzed = (raw: string): AnalyzedDocument[] =>
  extractText(raw).map((d) => ({ ...d, tokens: 1, terms: [{ term: '医院', pos: 'n', count: 1 }], words: '医院' }));

const source = (path: string, hash: string) => ({ path, display: path, hash, bytes: 1, encoding: 'utf-8' });

const count = (db: Database.Database, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the database', () => {
  it('is created with the current schema, in WAL mode', () => {
    const path = join(tempDir(), 'a.db');
    const db = openForWrite(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    db.close();
    openForRead(path).close();
  });

  it('migrates a database of an older schema version', () => {
    const path = join(tempDir(), 'old.db');
    const raw = new Database(path);
    raw.pragma(`application_id = ${0x504d494e}`);
    raw.pragma('user_version = 0');
    raw.close();
    expect(() => openForRead(path)).toThrow(/run `policy-miner ingest` once to migrate/);
    const db = openForWrite(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(count(db, 'documents')).toBe(0);
    db.close();
  });

  it('keeps the documents of a version-1 database, their text now read back from the paragraphs', () => {
    const path = join(tempDir(), 'v1.db');
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0]!);
    raw.pragma(`application_id = ${0x504d494e}`);
    raw.pragma('user_version = 1');
    const text = extractText(readCorpus('seeds/002_b930d5806cce04de.txt'))[0]!.text;
    raw.prepare("INSERT INTO sources VALUES (1, '/s.txt', 's.txt', 'h', 1, 'utf-8', '2025-01-01')").run();
    raw.prepare("INSERT INTO documents (id, source_id, article, script, chars, tokens, text) VALUES (1, 1, 1, 'simplified', 1, 1, ?)").run(text);
    const insert = raw.prepare('INSERT INTO paragraphs (doc_id, seq, offset, text) VALUES (1, ?, ?, ?)');
    paragraphsOf(text).forEach((p, seq) => insert.run(seq, p.offset, p.text));
    raw.prepare("INSERT INTO doc_terms VALUES (1, '医院', 'n', 3)").run();
    raw.prepare("INSERT INTO term_totals VALUES ('医院', 3)").run();
    raw.close();
    const db = openForWrite(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(documentText(db, 1)).toBe(text);
    // the totals are rebuilt from the documents, gram totals included
    expect(totalsCurrent(db)).toBe(false);
    updateTotals(db);
    expect(db.prepare("SELECT count FROM term_totals WHERE term = '医院'").pluck().get()).toBe(3);
    expect(gramCount(db, '医院')).toBe(text.split('医院').length - 1);
    // and the paragraphs of the old documents go into the pair index
    const holding = db.prepare("SELECT id FROM paragraphs WHERE instr(text, '医院') > 0").pluck().all();
    expect(holding.length).toBeGreaterThan(0);
    expect([...paragraphCandidates(db, ['医院'])!]).toEqual(holding);
    db.close();
  });

  it('refuses a database written by a newer version, and another program\'s database', () => {
    const dir = tempDir();
    const newer = new Database(join(dir, 'newer.db'));
    newer.pragma(`application_id = ${0x504d494e}`);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => openForWrite(join(dir, 'newer.db'))).toThrow(/newer policy-miner/);
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(() => openForWrite(join(dir, 'other.db'))).toThrow(StoreError);
    // refused before anything is written: not even switched to WAL
    const after = new Database(join(dir, 'other.db'), { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });
});

describe('writing a source file', () => {
  const docs = analyzed(readCorpus('seeds/003_51a1886474694a1e.txt'));

  it('stores every article with its paragraphs, goals, metrics and initiatives', () => {
    const db = openForWrite(join(tempDir(), 'w.db'));
    expect(writeSource(db, source('/x/003.txt', 'h1'), docs)).toBe('added');
    expect(count(db, 'documents')).toBe(8);
    expect(count(db, 'paragraphs')).toBe(docs.reduce((n, d) => n + paragraphsOf(d.text).length, 0));
    expect(count(db, 'goals')).toBe(docs.reduce((n, d) => n + d.goals.length, 0));
    expect(count(db, 'metrics')).toBe(docs.reduce((n, d) => n + d.metrics.length, 0));
    expect(count(db, 'initiative_mentions')).toBe(docs.reduce((n, d) => n + d.initiatives.length, 0));
    db.close();
  });

  it('gives back each document\'s cleaned text exactly, kept once in its paragraphs', () => {
    const db = openForWrite(join(tempDir(), 't.db'));
    writeSource(db, source('/x/003.txt', 'h1'), docs);
    const ids = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
    expect(ids.map((id) => documentText(db, id))).toEqual(docs.map((d) => d.text));
    db.close();
  });

  it('brings the term totals up to date in one step after the documents, and subtracts a replaced file', () => {
    const db = openForWrite(join(tempDir(), 'tt.db'));
    writeSource(db, source('/x/003.txt', 'h1'), docs);
    expect(totalsCurrent(db)).toBe(false);
    expect(count(db, 'term_totals')).toBe(0);
    updateTotals(db);
    expect(totalsCurrent(db)).toBe(true);
    expect(db.prepare("SELECT count FROM term_totals WHERE term = '医院'").pluck().get()).toBe(docs.length);
    writeSource(db, source('/x/003.txt', 'h2'), docs.slice(0, 2));
    updateTotals(db);
    expect(db.prepare("SELECT count FROM term_totals WHERE term = '医院'").pluck().get()).toBe(2);
    db.close();
  });

  it('leaves an unchanged file alone and replaces a changed one', () => {
    const db = openForWrite(join(tempDir(), 'w.db'));
    writeSource(db, source('/x/003.txt', 'h1'), docs);
    expect(writeSource(db, source('/x/003.txt', 'h1'), docs)).toBe('unchanged');
    expect(writeSource(db, source('/x/003.txt', 'h2'), docs.slice(0, 2))).toBe('replaced');
    expect(count(db, 'documents')).toBe(2);
    expect(count(db, 'paragraphs')).toBe(docs.slice(0, 2).reduce((n, d) => n + paragraphsOf(d.text).length, 0));
    // the pair index lists every paragraph still holding a word
    updateTotals(db);
    const holding = db.prepare("SELECT id FROM paragraphs WHERE instr(text, '医务人') > 0").pluck().all();
    expect(holding.length).toBeGreaterThan(0);
    expect([...paragraphCandidates(db, ['医务人'])!]).toEqual(expect.arrayContaining(holding));
    db.close();
  });

  it('writes a file whole or not at all', () => {
    const db = openForWrite(join(tempDir(), 'w.db'));
    writeSource(db, source('/x/a.txt', 'a'), docs.slice(0, 1));
    const broken = docs.slice(0, 3).map((d, i) => (i === 2 ? { ...d, goals: [{ ...d.goals[0]!, title: null as unknown as string }] } : d));
    expect(() => writeSource(db, source('/x/b.txt', 'b'), broken)).toThrow();
    expect(count(db, 'sources')).toBe(1);
    expect(count(db, 'documents')).toBe(1);
    db.close();
  });

  it('keeps one initiative entity for the same name in several documents', () => {
    const db = openForWrite(join(tempDir(), 'w.db'));
    const one = analyzed(readCorpus('seeds/000_3bd09cb3f97930f0.txt'));
    writeSource(db, source('/x/a.txt', 'a'), one);
    writeSource(db, source('/x/b.txt', 'b'), one);
    const row = db
      .prepare("SELECT count(DISTINCT i.id) AS entities, count(*) AS mentions FROM initiatives i JOIN initiative_mentions m ON m.initiative_id = i.id WHERE i.name = '11235工程'")
      .get() as { entities: number; mentions: number };
    expect(row).toEqual({ entities: 1, mentions: 2 });
    db.close();
  });

  it('drops an initiative when the last file that mentions it is replaced, and keeps one still mentioned', () => {
    const db = openForWrite(join(tempDir(), 'w.db'));
    const one = analyzed(readCorpus('seeds/000_3bd09cb3f97930f0.txt'));
    const other = analyzed(readCorpus('seeds/002_b930d5806cce04de.txt'));
    const names = (ds: AnalyzedDocument[]) => new Set(ds.flatMap((d) => d.initiatives.map((x) => x.name)));
    const onlyInOne = [...names(one)].filter((n) => !names(other).has(n));
    expect(onlyInOne.length).toBeGreaterThan(0);
    const stored = () => new Set(db.prepare('SELECT name FROM initiatives').pluck().all() as string[]);
    writeSource(db, source('/x/a.txt', 'a'), one);
    writeSource(db, source('/x/b.txt', 'b'), one);
    writeSource(db, source('/x/a.txt', 'a2'), other);
    expect([...stored()]).toEqual(expect.arrayContaining(onlyInOne)); // still in b.txt
    writeSource(db, source('/x/b.txt', 'b2'), other);
    for (const name of onlyInOne) expect(stored().has(name)).toBe(false);
    expect(stored()).toEqual(names(other));
    db.close();
  });
});
