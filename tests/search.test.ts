import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedDocument } from '../src/model.js';
import { extractText } from '../src/pipeline.js';
import { QueryError } from '../src/query/errors.js';
import { candidateSql, occurrences, parseQuery, search } from '../src/query/search.js';
import { openForWrite, type DB } from '../src/store/db.js';
import { gramCount } from '../src/store/read.js';
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
  it('narrows long terms with the trigram index and checks every term with instr()', () => {
    const { sql, params } = candidateSql(['高质量发展', '医'], { year: 2024 });
    expect(sql).toContain('paragraphs_fts MATCH ?');
    expect(params).toEqual(['"高质量" AND "质量发" AND "量发展"', '高质量发展', '医', 2024]);
  });

  it('scans without the index for one- and two-character terms', () => {
    const { sql, params } = candidateSql(['医'], {});
    expect(sql).not.toContain('MATCH');
    expect(params).toEqual(['医']);
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
