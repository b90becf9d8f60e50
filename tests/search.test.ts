import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedDocument } from '../src/model.js';
import { extractText } from '../src/pipeline.js';
import { QueryError } from '../src/query/errors.js';
import { candidateSql, occurrences, parseQuery, search } from '../src/query/search.js';
import { openForWrite, type DB } from '../src/store/db.js';
import { gramCount, paragraphCandidates } from '../src/store/read.js';
import { updateTotals, writeSource } from '../src/store/write.js';
import { readCorpus, tempDir } from './helpers.js';

const analyzed = (raw: string): AnalyzedDocument[] =>
  extractText(raw).map((d) => ({ ...d, tokens: 100, terms: [], words: '' }));

let db: DB;
let texts: string[];

beforeAll(() => {
  db = openForWrite(join(tempDir(), 's.db'));
  texts = [];
  const files = ['seeds/000_3bd09cb3f97930f0.txt', 'seeds/002_b930d5806cce04de.txt', 'municipal-gwr-2024/滨州.txt'];
  files.forEach((f, i) => {
    const docs = analyzed(readCorpus(f));
    texts.push(...docs.map((d) => d.text));
    writeSource(db, { path: `/corpus/${i}`, display: f, hash: String(i), bytes: 1, encoding: 'utf-8' }, docs);
  });
  // edge cases a user would try: a match at both ends of a paragraph, a repeated match
  const edge = analyzed('医疗卫生事业发展医疗\n医医医医医\n𠮷野家的𠮷字在扩展区𠮷\n');
  texts.push(...edge.map((d) => d.text));
  writeSource(db, { path: '/corpus/edge', display: 'edge.txt', hash: 'e', bytes: 1, encoding: 'utf-8' }, edge);
});

const substringCount = (needle: string): number => texts.reduce((n, t) => n + t.split(needle).length - 1, 0);

describe('parseQuery', () => {
  it.each([
    ['医共体', ['医共体']],
    ['医共体  建设', ['医共体', '建设']],
    ['"高质量 发展" 医院', ['高质量 发展', '医院']],
    ['“分级诊疗”', ['分级诊疗']],
    ['ＤＲＧ', ['DRG']],
    ['醫院', ['医院']],
  ])('reads %s as %j', (input, terms) => {
    expect(parseQuery(input)).toEqual(terms);
  });

  it.each(['', '   ', '""', '"医院'])('refuses %j with a message', (input) => {
    expect(() => parseQuery(input)).toThrow(QueryError);
  });
});

describe('search counts exactly', () => {
  it.each(['医', '医院', '医疗卫生', '门急诊量282773人次', '%', '2023年', '。一是', ',', 'GDP', '高质量发展', '𠮷', '𠮷字'])(
    '%s: the total equals a substring count of the cleaned texts',
    (query) => {
      expect(search(db, query).total).toBe(substringCount(query));
    },
  );

  it('counts repeated matches without overlap, as a substring count does', () => {
    expect(occurrences('医医医医医', '医医')).toEqual([0, 2]);
    const edgeHits = search(db, '医医', { limit: 100 }).hits.filter((h) => h.left === '' || h.left.endsWith('医'));
    expect(edgeHits.length).toBeGreaterThanOrEqual(2);
  });

  it('gives empty context at the start and end of a paragraph', () => {
    const hits = search(db, '医疗', { limit: 1000 }).hits.filter((h) => h.left === '' && h.right.startsWith('卫生事业'));
    expect(hits).toHaveLength(1);
    const last = search(db, '发展医疗', { limit: 10 }).hits;
    expect(last).toEqual([expect.objectContaining({ left: '医疗卫生事业', match: '发展医疗', right: '' })]);
  });

  it('keeps the total when --limit cuts the hits', () => {
    const all = search(db, '医院');
    const cut = search(db, '医院', { limit: 2 });
    expect(cut.hits).toHaveLength(2);
    expect(cut.total).toBe(all.total);
  });

  it('treats FTS and SQL syntax in a query as plain text', () => {
    for (const q of ['NEAR(医院', 'OR', '医院 AND', '*', "'; DROP TABLE paragraphs; --", '-医院', 'a"b"c']) {
      expect(() => search(db, q)).not.toThrow();
    }
    expect(search(db, 'NEAR(医院').total).toBe(substringCount('NEAR(医院'));
  });
});

describe('the candidate query', () => {
  it('reads only the paragraphs the pair index leaves, and checks every term with instr()', () => {
    const { sql, params } = candidateSql(['高质量发展', '医'], { year: 2024 }, [3, 5, 8]);
    expect(sql).toContain('p.id IN (SELECT value FROM json_each(?))');
    expect(params).toEqual(['[3,5,8]', '高质量发展', '医', 2024]);
  });

  it('scans every paragraph when no term has two code units', () => {
    const { sql, params } = candidateSql(['医'], {}, null);
    expect(sql).not.toContain('json_each');
    expect(params).toEqual(['医']);
    expect(paragraphCandidates(db, ['医', '%'])).toBeNull();
  });
});

describe('the pair index', () => {
  // The same files as above, with the index brought up to date: searches
  // must find what a substring count finds, before and after.
  let indexed: DB;
  beforeAll(() => {
    indexed = openForWrite(join(tempDir(), 'indexed.db'));
    for (const row of db.prepare('SELECT path, display, hash FROM sources ORDER BY id').all() as { path: string; display: string; hash: string }[]) {
      const raw = row.path === '/corpus/edge' ? '医疗卫生事业发展医疗\n医医医医医\n𠮷野家的𠮷字在扩展区𠮷\n' : readCorpus(row.display);
      writeSource(indexed, { path: row.path, display: row.display, hash: row.hash, bytes: 1, encoding: 'utf-8' }, analyzed(raw));
    }
    updateTotals(indexed);
  });

  it.each(['医院', '医疗卫生', '门急诊量282773人次', '2023年', '。一是', 'GDP', '高质量发展', '𠮷字', '𠮷', '医医', '发展医疗', 'NEAR(医院'])(
    '%s: the total and hits equal those found before the index was updated',
    (query) => {
      expect(search(indexed, query).total).toBe(substringCount(query));
      expect(search(indexed, query, { limit: 1000 }).hits).toEqual(search(db, query, { limit: 1000 }).hits);
    },
  );

  it('lists every paragraph that holds a word, for every word of two to six characters of the texts', () => {
    const paragraphs = indexed.prepare('SELECT id, text FROM paragraphs ORDER BY id').all() as { id: number; text: string }[];
    const sample = paragraphs
      .flatMap((p) => [p.id % 17, 20 + (p.id % 5)].flatMap((at) => [2, 3, 6].map((n) => p.text.slice(at, at + n))))
      .filter((w) => w.length > 1);
    expect(sample.length).toBeGreaterThan(500);
    for (const word of new Set(sample)) {
      const holding = paragraphs.filter((p) => p.text.includes(word)).map((p) => p.id);
      const listed = [...paragraphCandidates(indexed, [word])!];
      // a word of two code units is one pair: exactly its paragraphs; a longer one may list more, never fewer
      if (word.length === 2) expect([word, listed]).toEqual([word, holding]);
      else expect([word, listed]).toEqual([word, expect.arrayContaining(holding)]);
    }
  });

  it('shows the first hits of a frequent word in document order, past the first slice of candidates', () => {
    const many = openForWrite(join(tempDir(), 'many.db'));
    writeSource(many, { path: '/hk', display: 'hk', hash: 'h', bytes: 1, encoding: 'utf-8' }, analyzed(readCorpus('hk-policy-address/1999.txt')));
    const unindexed = search(many, '我们', { limit: 1000 }).hits;
    updateTotals(many);
    // the pair held by the most paragraphs
    const held = new Map<string, number>();
    const texts = many.prepare('SELECT text FROM paragraphs ORDER BY id').pluck().all() as string[];
    for (const text of texts) {
      const pairs = new Set([...text].slice(1).map((c, i) => text[i] + c).filter((w) => w.length === 2 && !/["“”\s]/.test(w)));
      for (const w of pairs) held.set(w, (held.get(w) ?? 0) + 1);
    }
    const [word, holding] = [...held].sort((a, b) => b[1] - a[1])[0]!;
    expect(holding).toBeGreaterThan(100);
    const firsts = texts.flatMap((t) => occurrences(t, word).map((at) => t.slice(Math.max(0, at - 20), at)));
    for (const limit of [1, 63, 64, 65, holding - 10, firsts.length + 5]) {
      const hits = search(many, word, { limit }).hits;
      expect(hits.map((h) => h.left)).toEqual(firsts.slice(0, limit));
    }
    expect(search(many, '我们', { limit: 1000 }).hits).toEqual(unindexed);
  });
});

describe('kept counts of one- and two-character words', () => {
  // Totals of every character and character pair, kept by ingest, answer an
  // unfiltered search of a short word without reading the paragraphs: they
  // must give what the substring count gives, after files are added and replaced.
  let kept: DB;
  let keptTexts: string[];
  const write = (path: string, raw: string) => {
    const docs = analyzed(raw);
    writeSource(kept, { path, display: path, hash: raw.length.toString(), bytes: 1, encoding: 'utf-8' }, docs);
    return docs.map((d) => d.text);
  };
  const count = (needle: string) => keptTexts.reduce((n, t) => n + t.split(needle).length - 1, 0);
  const shortWords = (text: string): string[] => {
    const chars = [...new Set(text)].filter((c) => !/\s/u.test(c));
    const pairs = new Set<string>();
    const all = [...text];
    for (let i = 0; i + 1 < all.length; i += 7) pairs.add(all[i]! + all[i + 1]!);
    return [...chars, ...pairs];
  };

  beforeAll(() => {
    kept = openForWrite(join(tempDir(), 'kept.db'));
    const a = write('/a', readCorpus('seeds/000_3bd09cb3f97930f0.txt'));
    write('/b', readCorpus('hk-policy-address/1999.txt'));
    // /b replaced by another version: what it held before is taken out again
    const b = write('/b', readCorpus('municipal-gwr-2024/滨州.txt') + '\n医医医 𠮷野家 𠮷字 a b\n');
    keptTexts = [...a, ...b];
    updateTotals(kept);
  });

  it('answer from the totals, and equal the substring count for every character and sampled pair', () => {
    const words = shortWords(keptTexts.join('\n'));
    expect(words.length).toBeGreaterThan(2000);
    for (const w of words) {
      // a repeated pair such as 医医 is counted, not kept; quotes are query syntax
      if (gramCount(kept, w) === null || /["“”]/.test(w)) continue;
      const [asSearched] = parseQuery(w); // the query folded to Simplified: 著 searches 着
      expect([w, search(kept, w).total]).toEqual([w, count(asSearched!)]);
    }
    expect(gramCount(kept, '发展')).toBe(count('发展'));
    expect(gramCount(kept, '行政長官')).toBeNull();
  });

  it('count a repeated character, a pair across a space and an astral character exactly', () => {
    for (const w of ['医医', 'a b', '"a b"', '𠮷', '𠮷字', '野家']) expect([w, search(kept, w).total]).toEqual([w, count(w.replace(/"/g, ''))]);
    expect(gramCount(kept, '医医')).toBeNull();
  });

  it('leave nothing of a replaced file in the index, and list hits in document order', () => {
    expect(readCorpus('hk-policy-address/1999.txt')).toContain('行政長官');
    expect(search(kept, '行政长官').total).toBe(count('行政长官'));
    expect(search(kept, '行政长官').total).toBe(0);
    const { hits } = search(kept, '医院', { limit: 10_000 });
    expect(hits.length).toBeGreaterThan(20);
    expect(hits).toEqual([...hits].sort((x, y) => x.doc - y.doc || x.offset - y.offset));
  });

  it('are not used while documents written since are not in them, and stay exact', () => {
    keptTexts.push(...write('/c', readCorpus('seeds/002_b930d5806cce04de.txt')));
    expect(gramCount(kept, '医')).toBeNull();
    expect(search(kept, '医').total).toBe(count('医'));
    updateTotals(kept);
    expect(gramCount(kept, '医')).toBe(count('医'));
  });
});
