import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyzedDocument } from '../src/model.js';
import { extractText } from '../src/pipeline.js';
import { search } from '../src/query/search.js';
import { openForWrite } from '../src/store/db.js';
import { decodeRow, mergeRows, PairIndexBuilder, pairList } from '../src/store/pairs.js';
import { gramCount, paragraphCandidates } from '../src/store/read.js';
import { PendingTotals, updatePairIndexFrom, updateTotals, writeSource } from '../src/store/write.js';
import { corpusFile, readCorpus, tempDir } from './helpers.js';

const analyzed = (raw: string): AnalyzedDocument[] =>
  extractText(raw).map((d) => ({ ...d, tokens: 100, terms: [], words: '' }));

/** Every list of the rows a builder gives, as "pair: ids" (a list split over parts joined again). */
function lists(rows: Map<number, Uint8Array[]>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [first, parts] of rows) {
    for (const postings of parts) {
      for (const [second, ids] of decodeRow(postings)) {
        const pair = String.fromCharCode(first, second);
        out[pair] = [...(out[pair] ?? []), ...ids];
      }
    }
  }
  return out;
}

describe('the pair index of paragraphs', () => {
  it('lists each pair of adjacent code units under the paragraphs holding it, once per paragraph', () => {
    const b = new PairIndexBuilder();
    b.add(3, '医院医院');
    b.add(7, '院医 𠮷');
    b.add(900_000, '医');
    expect(lists(b.take())).toEqual({
      '医院': [3],
      '院医': [3, 7],
      '医 ': [7],
      ' \ud842': [7],
      '\ud842\udfb7': [7],
    });
    expect(b.paragraphs).toBe(0); // taken: empty again
  });

  it('lists every pair of whole reports exactly, while its table grows many times', () => {
    const paragraphs = readdirSync(corpusFile('gov-work-reports-state-council')).filter((f) => f.endsWith('.txt'))
      .map((f) => `gov-work-reports-state-council/${f}`)
      .concat(['hk-policy-address/2018.txt', 'municipal-gwr-2024/滨州.txt'])
      .flatMap((f) => readCorpus(f).split('\n'))
      .filter((p) => p.trim());
    const b = new PairIndexBuilder();
    const expected = new Map<string, number[]>();
    paragraphs.forEach((text, i) => {
      b.add(i + 1, text);
      for (let k = 0; k + 1 < text.length; k++) {
        const pair = text.slice(k, k + 2);
        let ids = expected.get(pair);
        if (!ids) expected.set(pair, (ids = []));
        if (ids.at(-1) !== i + 1) ids.push(i + 1);
      }
    });
    expect(expected.size).toBeGreaterThan(70_000); // the table doubles at 32k and 64k pairs
    expect(lists(b.take())).toEqual(Object.fromEntries(expected));
  });

  it('keeps lists exact past two million distinct pairs in one batch (a corpus of rare characters)', () => {
    let seed = 2463534242;
    const random = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 2 ** 32;
    };
    const paragraphs = Array.from({ length: 3000 }, () =>
      String.fromCharCode(...Array.from({ length: 1000 }, () => 0x4e00 + Math.floor(random() * 20000))),
    );
    const b = new PairIndexBuilder();
    paragraphs.forEach((text, i) => b.add(i + 1, text));
    const rows = b.take();
    expect([...rows.values()].flat().reduce((n, row) => n + decodeRow(row).size, 0)).toBeGreaterThan(2 ** 21);
    const sampled = new Map<string, number[]>();
    for (let i = 0; i < paragraphs.length; i += 97) {
      for (let k = 0; k + 1 < 1000; k += 31) sampled.set(paragraphs[i]!.slice(k, k + 2), []);
    }
    paragraphs.forEach((text, j) => {
      for (let k = 0; k + 1 < text.length; k++) {
        const ids = sampled.get(text.slice(k, k + 2));
        if (ids && ids.at(-1) !== j + 1) ids.push(j + 1);
      }
    });
    for (const [pair, ids] of sampled) {
      expect([pair, [...pairList(rows.get(pair.charCodeAt(0))!, pair.charCodeAt(1))]]).toEqual([pair, ids]);
    }
  });

  it('keeps ids ascending when paragraphs come out of order (read back after a killed run)', () => {
    const b = new PairIndexBuilder();
    b.add(50, '发展');
    b.add(9, '发展');
    b.add(2 ** 31 + 5, '发展'); // large ids survive the varints
    expect(lists(b.take())).toEqual({ '发展': [9, 50, 2 ** 31 + 5] });
  });

  it('adds a batch to a small stored row instead of starting another', () => {
    const stored = new Map<string, { batch: number; part: number; postings: Uint8Array }>();
    const put = (first: number, batch: number, part: number, postings: Uint8Array) =>
      stored.set(`${first}/${batch}/${part}`, { batch, part, postings });
    const last = (first: number) => [...stored].filter(([k]) => k.startsWith(`${first}/`)).map(([, v]) => v).at(-1);
    const first = new PairIndexBuilder();
    first.add(1, '改革开放');
    mergeRows(first.take(), 1, last, put);
    const second = new PairIndexBuilder();
    second.add(2, '改革创新');
    mergeRows(second.take(), 2, last, put);
    expect(stored.size).toBe(4); // 改 革 开 of batch 1 (改 and 革 take in batch 2's lists), 创 of batch 2
    expect(decodeRow(stored.get(`${'改'.charCodeAt(0)}/1/0`)!.postings).get('革'.charCodeAt(0))).toEqual([1, 2]);
    expect(stored.has(`${'创'.charCodeAt(0)}/2/0`)).toBe(true);
  });

  it('splits a long list over parts that each fit in a page, and reads it back whole', () => {
    const b = new PairIndexBuilder();
    for (let id = 1; id <= 20_000; id++) b.add(id * 7, id % 3 ? '发展' : '发展改革');
    const rows = b.take();
    const parts = rows.get('发'.charCodeAt(0))!;
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4000);
    expect([...pairList(parts, '展'.charCodeAt(0))]).toEqual(Array.from({ length: 20_000 }, (_, k) => (k + 1) * 7));
    expect(lists(rows)['展改']).toEqual(Array.from({ length: 20_000 }, (_, k) => (k + 1) * 7).filter((id) => (id / 7) % 3 === 0));
  });

  it('takes the pairs of a run in steps of its own, and the totals still see every document once', () => {
    const db = openForWrite(join(tempDir(), 'steps.db'));
    const pending = new PendingTotals();
    const texts: string[] = [];
    const files = ['seeds/000_3bd09cb3f97930f0.txt', 'seeds/002_b930d5806cce04de.txt', 'municipal-gwr-2024/滨州.txt'];
    files.forEach((f, i) => {
      const docs = analyzed(readCorpus(f));
      texts.push(...docs.map((d) => d.text));
      writeSource(db, { path: f, display: f, hash: String(i), bytes: 1, encoding: 'utf-8' }, docs, pending);
      if (i === 1) updatePairIndexFrom(db, pending); // the first two files indexed, not yet totaled
    });
    const unindexed = () => db.prepare('SELECT count(*) FROM documents WHERE indexed = 0').pluck().get();
    expect(unindexed()).toBe(analyzed(readCorpus(files[2]!)).length);
    updateTotals(db, pending);
    expect(unindexed()).toBe(0);
    const count = (w: string) => texts.reduce((n, t) => n + t.split(w).length - 1, 0);
    for (const w of ['医院', '高质量发展', '滨州', '医疗卫生']) {
      expect([w, search(db, w).total]).toEqual([w, count(w)]);
      const holding = db.prepare('SELECT id FROM paragraphs WHERE instr(text, ?) > 0 ORDER BY id').pluck().all(w);
      expect([...paragraphCandidates(db, [w])!]).toEqual(expect.arrayContaining(holding));
    }
    expect(gramCount(db, '医院')).toBe(count('医院'));
    db.close();
  });

  it('keeps search exact over batches, replaced files and documents not yet indexed', () => {
    const db = openForWrite(join(tempDir(), 'pairs.db'));
    const texts = new Map<string, string[]>();
    const write = (path: string, raw: string) => {
      const docs = analyzed(raw);
      writeSource(db, { path, display: path, hash: String(raw.length), bytes: 1, encoding: 'utf-8' }, docs);
      texts.set(path, docs.map((d) => d.text));
    };
    const count = (word: string) => [...texts.values()].flat().reduce((n, t) => n + t.split(word).length - 1, 0);
    const words = ['医院', '医疗卫生', '高质量发展', '行政长官', '2023年', '发展', '改革开放'];
    const check = () => {
      for (const w of words) expect([w, search(db, w).total]).toEqual([w, count(w)]);
    };
    write('/a', readCorpus('seeds/000_3bd09cb3f97930f0.txt'));
    write('/b', readCorpus('hk-policy-address/1999.txt'));
    check(); // nothing indexed yet: every paragraph is a candidate
    updateTotals(db);
    check();
    write('/b', readCorpus('municipal-gwr-2024/滨州.txt')); // replaced: its old paragraphs are gone
    write('/c', readCorpus('gov-work-reports-state-council/2023.txt'));
    check(); // /b's and /c's new paragraphs are not in the index yet
    updateTotals(db);
    check();
    expect(count('行政长官')).toBe(0);
    const holding = db.prepare("SELECT id FROM paragraphs WHERE instr(text, '高质量发展') > 0 ORDER BY id").pluck().all();
    expect(holding.length).toBeGreaterThan(10);
    expect([...paragraphCandidates(db, ['高质量发展'])!]).toEqual(expect.arrayContaining(holding));
    db.close();
  });
});
