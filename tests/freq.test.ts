import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../src/pipeline.js';
import { freq } from '../src/query/freq.js';
import { jiebaSegmenter } from '../src/segment/index.js';
import { openForWrite, type DB } from '../src/store/db.js';
import { documentText, gramCount, totalsCurrent } from '../src/store/read.js';
import { GramCounter } from '../src/store/grams.js';
import { PendingTotals, updateTotals, writeSource } from '../src/store/write.js';
import { corpusFile, readCorpus, tempDir } from './helpers.js';

let db: DB;
const segmenter = jiebaSegmenter();
/** Writes a file as ingest does, the totals brought up to date after it unless told not to. */
const write = (path: string, hash: string, raw: string, update = true) => {
  writeSource(db, { path, display: path, hash, bytes: 1, encoding: 'utf-8' }, analyzeText(raw, segmenter));
  if (update) updateTotals(db);
};

/** The same ranking computed the slow way, straight from the per-document counts. */
function byHand(year?: number): { term: string; count: number }[] {
  const rows = db
    .prepare(
      `SELECT t.term, sum(t.count) AS count FROM doc_terms t JOIN documents d ON d.id = t.doc_id
       WHERE length(t.term) >= 2 ${year === undefined ? '' : 'AND d.year = ?'}
       GROUP BY t.term ORDER BY count DESC, t.term LIMIT 30`,
    )
    .all(...(year === undefined ? [] : [year])) as { term: string; count: number }[];
  return rows;
}

/** Occurrences of a word in every stored document's text, by plain substring search. */
function substringCount(word: string): number {
  const ids = db.prepare('SELECT id FROM documents').pluck().all() as number[];
  return ids.reduce((n, id) => n + documentText(db, id).split(word).length - 1, 0);
}

beforeAll(() => {
  db = openForWrite(join(tempDir(), 'f.db'));
  write('/a', 'a', readCorpus('seeds/000_3bd09cb3f97930f0.txt'));
  write('/b', 'b', readCorpus('seeds/003_51a1886474694a1e.txt'));
  write('/c', 'c', readCorpus('seeds/002_b930d5806cce04de.txt'));
});

describe('freq', () => {
  it('reads totals that equal the sums of the per-document counts', () => {
    expect(freq(db, { top: 30 })).toEqual(byHand());
    expect(freq(db, { top: 30, year: 2023 })).toEqual(byHand(2023));
  });

  it('keeps the totals exact when a file is replaced by another version', () => {
    write('/b', 'b2', readCorpus('seeds/001_456c092f3174d644.txt'));
    expect(freq(db, { top: 30 })).toEqual(byHand());
    const leftovers = db.prepare('SELECT count(*) AS n FROM term_totals WHERE count <= 0').get() as { n: number };
    expect(leftovers.n).toBe(0);
    const years = db.prepare('SELECT DISTINCT year FROM year_term_totals ORDER BY year').pluck().all();
    expect(years).toEqual(db.prepare('SELECT DISTINCT coalesce(year, 0) FROM documents ORDER BY 1').pluck().all());
  });

  it('counts documents written since the totals were last brought up to date (an ingest killed before it)', () => {
    write('/d', 'd', readCorpus('seeds/001_456c092f3174d644.txt').replace(/医院/g, '医馆'), false);
    expect(totalsCurrent(db)).toBe(false);
    const slow = freq(db, { top: 30 });
    const slowByYear = freq(db, { top: 5, by: 'year' });
    expect(slow).toEqual(byHand());
    expect(slow.find((r) => r.term === '医馆')?.count).toBeGreaterThan(0);
    updateTotals(db);
    expect(totalsCurrent(db)).toBe(true);
    expect(freq(db, { top: 30 })).toEqual(slow);
    expect(freq(db, { top: 5, by: 'year' })).toEqual(slowByYear);
    db.prepare("DELETE FROM sources WHERE path = '/d'").run();
    db.prepare('DELETE FROM term_totals').run();
    db.prepare('DELETE FROM year_term_totals').run();
    db.prepare('DELETE FROM gram_totals').run();
    db.prepare('UPDATE documents SET totaled = 0').run();
    updateTotals(db);
    expect(freq(db, { top: 30 })).toEqual(byHand());
  });

  it('adds the counts kept while writing exactly as it would count the stored documents', () => {
    const totalsNow = () => ({
      terms: db.prepare('SELECT term, count FROM term_totals ORDER BY term').all(),
      years: db.prepare('SELECT year, term, count FROM year_term_totals ORDER BY year, term').all(),
      grams: (db.prepare('SELECT first, counts FROM gram_totals ORDER BY first').all() as { first: string; counts: string }[])
        .map(({ first, counts }) => [first, Object.entries(JSON.parse(counts) as Record<string, number>).sort()]),
    });
    const pending = new PendingTotals();
    const analysed = (path: string) => analyzeText(readCorpus(path), segmenter);
    // one file left untotaled by a killed run, two kept in memory as ingest keeps them
    writeSource(db, { path: '/e', display: '/e', hash: 'e', bytes: 1, encoding: 'utf-8' }, analysed('seeds/002_b930d5806cce04de.txt'));
    for (const [path, file] of [['/f', 'seeds/000_3bd09cb3f97930f0.txt'], ['/g', 'seeds/001_456c092f3174d644.txt']]) {
      writeSource(db, { path: path!, display: path!, hash: path!, bytes: 1, encoding: 'utf-8' }, analysed(file!), pending);
    }
    expect(pending.docIds.length).toBeGreaterThan(1);
    updateTotals(db, pending);
    expect(pending.docIds).toEqual([]);
    expect(totalsCurrent(db)).toBe(true);
    const kept = totalsNow();
    expect(gramCount(db, '医院')).toBe(substringCount('医院'));
    // the same totals counted again from what is stored
    db.prepare('DELETE FROM term_totals').run();
    db.prepare('DELETE FROM year_term_totals').run();
    db.prepare('DELETE FROM gram_totals').run();
    db.prepare('UPDATE documents SET totaled = 0').run();
    updateTotals(db);
    expect(totalsNow()).toEqual(kept);
    // a kept document replaced meanwhile (another process): its counts are not used, the stored ones are
    writeSource(db, { path: '/h', display: '/h', hash: 'h', bytes: 1, encoding: 'utf-8' }, analysed('seeds/003_51a1886474694a1e.txt'), pending);
    writeSource(db, { path: '/h', display: '/h', hash: 'h2', bytes: 1, encoding: 'utf-8' }, analysed('seeds/000_3bd09cb3f97930f0.txt'));
    updateTotals(db, pending);
    expect(freq(db, { top: 30 })).toEqual(byHand());
    expect(gramCount(db, '医院')).toBe(substringCount('医院'));
  });

  it('ranks within each year with --by year, unknown years last', () => {
    const rows = freq(db, { top: 2, by: 'year' });
    const groups = [...new Set(rows.map((r) => r.group))];
    expect(groups).toEqual([...groups].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : Number(a) - Number(b))));
    for (const g of groups) expect(rows.filter((r) => r.group === g).length).toBeLessThanOrEqual(2);
  });

  it('filters by part of speech and length', () => {
    const nouns = freq(db, { top: 10, pos: ['n'] });
    const tags = db.prepare("SELECT DISTINCT term FROM doc_terms WHERE pos LIKE 'n%'").pluck().all() as string[];
    for (const r of nouns) expect(tags).toContain(r.term);
    for (const r of freq(db, { top: 10, minLen: 4 })) expect([...r.term].length).toBeGreaterThanOrEqual(4);
  });
});

describe('gram totals', () => {
  /** Characters and pairs of different adjacent characters counted the plain way, white space ending a pair. */
  function plainCounts(texts: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const text of texts) {
      let previous = '';
      for (const c of text) {
        if (/\s/u.test(c)) {
          previous = '';
          continue;
        }
        bump(c);
        if (previous && previous !== c) bump(previous + c);
        previous = c;
      }
    }
    return counts;
  }
  const counted = (counter: GramCounter) =>
    new Map(
      [...counter.entries()].map(([a, b, n]) => [String.fromCodePoint(a) + (b < 0 ? '' : String.fromCodePoint(b)), n]),
    );

  it('count every character and pair of decades of reports as a plain count does, and take them out again', () => {
    const folder = 'gov-work-reports-state-council';
    const reports = readdirSync(corpusFile(folder))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readCorpus(`${folder}/${f}`));
    const counter = new GramCounter();
    for (const text of reports) counter.add(text);
    const all = plainCounts(reports);
    expect(all.size).toBeGreaterThan(65_536); // more pairs than the counter starts with room for
    expect(counted(counter)).toEqual(all);
    for (const text of reports.slice(0, 30)) counter.add(text, -1);
    expect(counted(counter)).toEqual(plainCounts(reports.slice(30)));
  });
});
