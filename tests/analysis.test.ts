// compare, themes, keywords, collocates, trend and export as a user runs them,
// every figure checked against a hand computation on a tiny corpus of real
// sentences from the State Council reports, then the known facts of the
// 2015–2025 reports.
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRuns } from '../src/query/collocates.js';
import { alignWords, hanBigrams, titleFeatures, titleSimilarities } from '../src/query/compare.js';
import { cli, corpusFile, tempDir } from './helpers.js';

// Three short reports, sentences taken from the 2019, 2024 and 2025 reports.
const TINY: Record<string, string> = {
  '2019.txt': `政府工作报告
——2019年3月5日在第十三届全国人民代表大会第二次会议上
一、2018年工作回顾
过去一年，我们坚持深化改革，推动经济发展。深化改革开放，加快建设创新型国家。
`,
  '2024.txt': `政府工作报告
——2024年3月5日在第十四届全国人民代表大会第二次会议上
一、2023年工作回顾
过去一年，我们坚持深化改革，推动高质量发展。国内生产总值超过126万亿元，增长5.2%。城镇新增就业1244万人。
二、2024年政府工作任务
（一）大力推进现代化产业体系建设，加快发展新质生产力。深化改革，推动数字经济发展。实施“人工智能+”行动。
（二）坚定不移深化改革，增强发展内生动力。
（三）坚持不懈抓好“三农”工作，扎实推进乡村全面振兴。
`,
  '2025.txt': `政府工作报告
——2025年3月5日在第十四届全国人民代表大会第三次会议上
一、2024年工作回顾
一是坚定不移全面深化改革扩大开放，增强发展内生动力。国内生产总值达到134.9万亿元，增长5%。城镇新增就业1256万人。
二是大力推动创新驱动发展，促进产业结构优化升级。加快数字中国建设，数字经济核心产业增加值占国内生产总值比重达到10%左右。
三是统筹城乡区域协调发展，优化经济布局。持续推进“人工智能+”行动。
二、2025年政府工作任务
（一）因地制宜发展新质生产力，加快建设现代化产业体系。激发数字经济创新活力。
`,
};

let tiny: string;
let tinyDir: string;
let council: string;

const run = (db: string, args: string[]) => cli([...args, '--db', db]);
function json<T>(db: string, args: string[]): T {
  const r = run(db, [...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** Terminal columns of a line: Han and full-width forms take two. */
const columns = (line: string): number =>
  [...line].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
const widest = (text: string): number => Math.max(...text.split('\n').map(columns));

/** Word tokens of a document as the database stores them: the denominator of every rate. */
function storedWords(db: string, year: number): string[][] {
  const conn = new Database(db, { readonly: true });
  try {
    const words = conn
      .prepare('SELECT w.words FROM doc_words w JOIN documents d ON d.id = w.doc_id WHERE d.year = ?')
      .pluck()
      .get(year) as string;
    return words.split('\n').map((s) => s.split(' '));
  } finally {
    conn.close();
  }
}

beforeAll(() => {
  tinyDir = tempDir('pm-analysis-');
  for (const [name, text] of Object.entries(TINY)) writeFileSync(join(tinyDir, name), text);
  tiny = join(tinyDir, 'tiny.db');
  const r = cli(['ingest', tinyDir, '--db', tiny]);
  expect(r.status).toBe(0);

  const councilDir = tempDir('pm-council-');
  const source = corpusFile('gov-work-reports-state-council');
  for (const f of readdirSync(source).filter((f) => /^20(1[5-9]|2\d)\.txt$/.test(f))) copyFileSync(join(source, f), join(councilDir, f));
  council = join(councilDir, 'council.db');
  expect(cli(['ingest', councilDir, '--db', council]).status).toBe(0);
}, 60_000);

describe('the tiny corpus', () => {
  it('has the word counts the hand computations below start from', () => {
    const docs = storedWords(tiny, 2019).flat().length;
    expect(docs).toBe(34);
    expect(storedWords(tiny, 2024).flat()).toHaveLength(72);
    expect(storedWords(tiny, 2025).flat()).toHaveLength(89);
    // 深化改革 is one word three times in 2024 (全面深化改革 in 2025 is another word).
    expect(storedWords(tiny, 2024).flat().filter((w) => w === '深化改革')).toHaveLength(3);
    expect(storedWords(tiny, 2025).flat().filter((w) => w === '深化改革')).toHaveLength(0);
  });
});

describe('compare A B', () => {
  type Result = {
    a: { label: string; kind: string; docs: number[]; tokens: number };
    b: { label: string; kind: string; docs: number[]; tokens: number };
    keyness: { term: string; side: string; count_a: number; count_b: number; g2: number; log_ratio: number; sig: string }[];
    initiatives: { name: string; in: string }[];
    metrics: { subject: string; unit: string; a_value: number; b_value: number; change: number; change_pct: number | null; year_offset: number }[];
    goals: { status: string; plan_title: string | null; review_title: string | null; similarity: number | null }[];
  };
  let result: Result;
  beforeAll(() => {
    result = json<Result>(tiny, ['compare', '2024', '2025']);
  });

  it('reads bare numbers as years and sizes each side in word tokens', () => {
    expect(result.a).toMatchObject({ label: '2024', kind: 'year', tokens: 72 });
    expect(result.b).toMatchObject({ label: '2025', kind: 'year', tokens: 89 });
  });

  it('computes keyness from exact counts: 深化改革 3 of 72 against 0 of 89', () => {
    const t = result.keyness.find((k) => k.term === '深化改革')!;
    expect(t).toMatchObject({ side: 'A', count_a: 3, count_b: 0 });
    // E_A = 72·3/161; G² = 2·3·ln(3/E_A); log ratio = log2((3/72)/(0.5/89)).
    expect(t.g2).toBeCloseTo(2 * 3 * Math.log(3 / ((72 * 3) / 161)), 10);
    expect(t.g2).toBeCloseTo(4.8284, 4);
    expect(t.sig).toBe('*');
    expect(t.log_ratio).toBeCloseTo(Math.log2(3 / 72 / (0.5 / 89)), 10);
    expect(t.log_ratio).toBeCloseTo(2.8908, 4);
  });

  it('puts 数字经济 (1 of 72, 2 of 89) on the side of 2025, not significant', () => {
    const t = result.keyness.find((k) => k.term === '数字经济')!;
    expect(t).toMatchObject({ side: 'B', count_a: 1, count_b: 2, sig: '' });
    const ea = (72 * 3) / 161;
    const eb = (89 * 3) / 161;
    expect(t.g2).toBeCloseTo(2 * (1 * Math.log(1 / ea) + 2 * Math.log(2 / eb)), 10);
  });

  it('lists the initiatives only in A, in both, only in B', () => {
    expect(result.initiatives).toContainEqual(expect.objectContaining({ name: '人工智能+行动', in: 'both' }));
    expect(result.initiatives).toContainEqual(expect.objectContaining({ name: '三农', in: 'A' }));
  });

  it('sets figures of the same subject, unit and relative year side by side with their change', () => {
    const gdp = result.metrics.filter((m) => m.subject === '国内生产总值');
    expect(gdp).toHaveLength(2);
    const yuan = gdp.find((m) => m.unit === '元')!;
    expect(yuan).toMatchObject({ a_value: 126e12, b_value: 134.9e12, year_offset: -1 });
    expect(yuan.change).toBeCloseTo(8.9e12, 0);
    expect(yuan.change_pct).toBeCloseTo((8.9 / 126) * 100, 6);
    const growth = gdp.find((m) => m.unit === '%')!;
    expect(growth.change).toBeCloseTo(-0.2, 10);
    const jobs = result.metrics.find((m) => m.subject === '城镇新增就业')!;
    expect(jobs).toMatchObject({ unit: '人', a_value: 12_440_000, b_value: 12_560_000, change: 120_000 });
    expect(jobs.change_pct).toBeCloseTo((120_000 / 12_440_000) * 100, 10);
    // Stated only in 2025: no pair.
    expect(result.metrics.some((m) => m.subject.includes('数字经济'))).toBe(false);
  });

  it("matches 2024's plan goals to 2025's review: carried, dropped, new", () => {
    const carried = result.goals.find((g) => g.plan_title === '坚定不移深化改革,增强发展内生动力')!;
    expect(carried).toMatchObject({ status: 'carried', review_title: '坚定不移全面深化改革扩大开放,增强发展内生动力' });
    expect(carried.similarity).toBeGreaterThan(0.5);
    expect(result.goals.find((g) => g.plan_title?.includes('三农'))).toMatchObject({ status: 'dropped', review_title: null });
    expect(result.goals.find((g) => g.review_title === '统筹城乡区域协调发展,优化经济布局')).toMatchObject({ status: 'new', plan_title: null });
  });

  it('reads a number that is no year as a document id, and says when neither exists', () => {
    const byId = json<Result>(tiny, ['compare', '2', 'doc:3', '--only', 'keyness']) as unknown as Result['keyness'];
    expect(byId.find((k) => k.term === '深化改革')).toMatchObject({ count_a: 3, count_b: 0 });
    const missing = run(tiny, ['compare', '2024', '77']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('policy-miner: no documents of year 77 and no document with id 77 (see `policy-miner docs`)\n');
    expect(run(tiny, ['compare', '--help']).stdout).toMatch(/a bare number is a year when documents of that year exist, else a document id/);
  });

  it('prints four sections within 100 columns, and one section as CSV', () => {
    const table = run(tiny, ['compare', '2024', '2025']);
    expect(table.status).toBe(0);
    for (const heading of ['Key terms', 'Initiatives', 'Figures of the same subject and unit', 'Plan goals of 2024 in the review of 2025']) {
      expect(table.stdout).toContain(heading);
    }
    expect(widest(table.stdout)).toBeLessThanOrEqual(100);
    const csv = run(tiny, ['compare', '2024', '2025', '--csv', '--only', 'metrics']);
    expect(csv.stdout.split('\n')[0]).toBe(
      'subject,unit,year_offset,a_doc,a_raw,a_value,a_year,b_doc,b_raw,b_value,b_year,change,change_pct',
    );
    const noSection = run(tiny, ['compare', '2024', '2025', '--csv']);
    expect(noSection.status).toBe(2);
    expect(noSection.stderr).toMatch(/--only keyness\|initiatives\|metrics\|goals/);
  });
});

describe('goal titles', () => {
  it('are compared by TF-IDF cosine with natural’s idf 1 + ln(N / (1 + df))', async () => {
    // Two titles {a, b} and {a, c}: idf(a) = 1 + ln(2/3), idf(b) = idf(c) = 1;
    // cosine = idf(a)² / (idf(a)² + 1).
    const [[s]] = (await titleSimilarities([['a', 'b']], [['a', 'c']])) as [[number]];
    const idf = 1 + Math.log(2 / 3);
    expect(s).toBeCloseTo((idf * idf) / (idf * idf + 1), 12);
    expect(s).toBeCloseTo(0.261159, 6);
  });

  it('use the stored words of the title, and bigrams of the longer ones', () => {
    expect(alignWords('一、坚持深化改革。', '一 坚持 深化改革')).toEqual([
      { word: '一', start: 0 },
      { word: '坚持', start: 2 },
      { word: '深化改革', start: 4 },
    ]);
    expect(titleFeatures(['全面深化改革', '开放'])).toEqual(['全面深化改革', '全面', '面深', '深化', '化改', '改革', '开放']);
    expect(hanBigrams('三农 工作')).toEqual(['三农', '工作']);
    expect(findRuns(['数字', '经济', '发展', '数字经济'], '数字经济')).toEqual([
      { at: 0, length: 2 },
      { at: 3, length: 1 },
    ]);
  });
});

describe('keywords DOC', () => {
  type Result = { corpus_docs: number; terms: { term: string; count: number; docs: number; idf: number; tfidf: number }[] };

  it("weighs raw counts by natural's idf over the three documents", () => {
    const r = json<Result>(tiny, ['keywords', '2024', '--max-df', '1', '--top', '200']);
    expect(r.corpus_docs).toBe(3);
    const term = (t: string) => r.terms.find((x) => x.term === t)!;
    // 深化改革: 3 times, in 2 of 3 documents: idf = 1 + ln(3/3) = 1, tfidf = 3.
    expect(term('深化改革')).toMatchObject({ count: 3, docs: 2 });
    expect(term('深化改革').idf).toBeCloseTo(1, 12);
    expect(term('深化改革').tfidf).toBeCloseTo(3, 12);
    // 三农: once, only here: idf = 1 + ln(3/2).
    expect(term('三农')).toMatchObject({ count: 1, docs: 1 });
    expect(term('三农').tfidf).toBeCloseTo(1 + Math.log(3 / 2), 12);
    // 推进: twice here, once in 2025.
    expect(term('推进').tfidf).toBeCloseTo(2, 12);
    expect(r.terms.map((t) => t.tfidf)).toEqual([...r.terms.map((t) => t.tfidf)].sort((x, y) => y - x));
  });

  it('leaves out by default the terms of more than half the documents', () => {
    const r = json<Result>(tiny, ['keywords', '2024', '--top', '200']);
    expect(r.terms.every((t) => t.docs <= 1.5)).toBe(true);
    expect(r.terms.map((t) => t.term)).toContain('三农');
    expect(r.terms.map((t) => t.term)).not.toContain('深化改革');
  });
});

describe('collocates TERM', () => {
  type Result = {
    term: string; occurrences: number; window_tokens: number; total_tokens: number;
    collocates: { collocate: string; count: number; left: number; right: number; freq: number; expected: number; g2: number; pmi: number }[];
  };

  it('counts the words within the window and scores them over the 2×2 table', () => {
    const r = json<Result>(tiny, ['collocates', '深化改革', '--window', '2', '--min-count', '1', '--top', '100']);
    // 4 occurrences (1 in 2019, 3 in 2024); windows of ±2 words hold 4 + 4 + 2 + 4 = 14 tokens;
    // 34 + 72 + 89 = 195 tokens, less the term's own 4.
    expect(r).toMatchObject({ term: '深化改革', occurrences: 4, window_tokens: 14, total_tokens: 191 });
    // 推动 follows it 3 times and has 4 tokens in all.
    const push = r.collocates.find((c) => c.collocate === '推动')!;
    expect(push).toMatchObject({ count: 3, left: 0, right: 3, freq: 4 });
    const e = (14 * 4) / 191;
    expect(push.expected).toBeCloseTo(e, 12);
    expect(push.pmi).toBeCloseTo(Math.log2(3 / e), 12);
    const cells = [
      [3, e],
      [14 - 3, (14 * (191 - 4)) / 191],
      [4 - 3, ((191 - 14) * 4) / 191],
      [191 - 14 - 4 + 3, ((191 - 14) * (191 - 4)) / 191],
    ];
    expect(push.g2).toBeCloseTo(2 * cells.reduce((s, [o, x]) => s + o! * Math.log(o! / x!), 0), 10);
    // 坚持 precedes it twice (2019 and 2024), 2 tokens in all.
    expect(r.collocates.find((c) => c.collocate === '坚持')).toMatchObject({ count: 2, left: 2, right: 0, freq: 2 });
    // 我们 is a stopword: never a collocate, though in the windows.
    expect(r.collocates.some((c) => c.collocate === '我们')).toBe(false);
  });

  it('ranks by PMI on request, and prints a table and CSV', () => {
    const r = json<Result>(tiny, ['collocates', '深化改革', '--window', '2', '--min-count', '1', '--by', 'pmi']);
    expect(r.collocates.map((c) => c.pmi)).toEqual([...r.collocates.map((c) => c.pmi)].sort((x, y) => y - x));
    const csv = run(tiny, ['collocates', '深化改革', '--csv']);
    expect(csv.stdout.split('\n')[0]).toBe('collocate,count,left,right,freq,expected,g2,pmi');
    const missing = run(tiny, ['collocates', '碳达峰']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/碳达峰 is never a word/);
  });
});

describe('themes', () => {
  type Row = { theme: string; kind: string; docs: number; years: number; count: number; first: number; last: number };

  it('ranks terms and two-word phrases by documents, with first and last year', () => {
    const rows = json<Row[]>(tiny, ['themes']);
    expect(rows).toContainEqual({ theme: '深化改革', kind: 'term', docs: 2, years: 2, count: 4, first: 2019, last: 2024 });
    expect(rows).toContainEqual({ theme: '数字经济', kind: 'term', docs: 2, years: 2, count: 3, first: 2024, last: 2025 });
    expect(rows).toContainEqual({ theme: '坚持 深化改革', kind: 'phrase', docs: 2, years: 2, count: 2, first: 2019, last: 2024 });
    expect(rows.every((r) => r.docs >= 2)).toBe(true);
  });

  it('takes --since, --until and --min-docs', () => {
    const since = json<Row[]>(tiny, ['themes', '--since', '2024', '--kind', 'term']);
    expect(since.find((r) => r.theme === '深化改革')).toBeUndefined();
    expect(since.find((r) => r.theme === '数字经济')).toMatchObject({ docs: 2 });
    const until = json<Row[]>(tiny, ['themes', '--until', '2024', '--min-docs', '1', '--kind', 'term']);
    expect(until.find((r) => r.theme === '三农')).toMatchObject({ docs: 1, first: 2024, last: 2024 });
    expect(until.some((r) => r.last > 2024)).toBe(false);
    const csv = run(tiny, ['themes', '--csv']);
    expect(csv.stdout.split('\n')[0]).toBe('theme,kind,docs,years,count,first,last');
  });
});

describe('trend', () => {
  it('gives rates per 10,000 tokens from exact counts', () => {
    const rows = json<{ term: string; year: number; count: number; tokens: number; rate: number }[]>(tiny, ['trend', '数字经济']);
    expect(rows).toEqual([
      { term: '数字经济', year: 2019, count: 0, tokens: 34, rate: 0 },
      { term: '数字经济', year: 2024, count: 1, tokens: 72, rate: (1 / 72) * 10000 },
      { term: '数字经济', year: 2025, count: 2, tokens: 89, rate: (2 / 89) * 10000 },
    ]);
  });

  it('draws one line per term with --chart', () => {
    const chart = run(tiny, ['trend', '深化改革', '数字经济', '--chart']);
    const lines = chart.stdout.split('\n');
    // 深化改革 as a string: 2 of 34 (588.24), 3 of 72 (416.67), 1 of 89 (112.36): eighths 8, 6, 2.
    expect(lines.find((l) => l.startsWith('深化改革'))).toMatch(/^深化改革\s+█▆▂  peak 588\.24 in 2019$/);
    // 数字经济: none, 138.89, 224.72: eighths -, 5, 8.
    expect(lines.find((l) => l.startsWith('数字经济'))).toMatch(/^数字经济\s+·▅█  peak 224\.72 in 2025$/);
  });
});

describe('export', () => {
  it('writes every table as CSV with a BOM, as the listings give them', () => {
    const dir = join(tempDir('pm-export-'), 'out');
    const r = json<{ table: string; file: string; rows: number }[]>(tiny, ['export', dir]);
    expect(r.map((t) => t.table)).toEqual(['documents', 'goals', 'metrics', 'initiatives', 'initiative_mentions', 'initiative_members', 'terms']);
    const goals = readFileSync(join(dir, 'goals.csv'), 'utf8');
    expect(goals.startsWith('\ufeffdoc,idx,marker,level,ordinal,title,parent,kind,year,offset\n')).toBe(true);
    expect(goals.trim().split('\n')).toHaveLength(1 + json<unknown[]>(tiny, ['goals']).length);
    expect(r.find((t) => t.table === 'goals')!.rows).toBe(12);
    const metrics = readFileSync(join(dir, 'metrics.csv'), 'utf8');
    expect(metrics).toContain('126万亿元,126000000000000,,元,国内生产总值');
  });

  it('writes JSON Lines, filtered by --year', () => {
    const dir = join(tempDir('pm-export-'), 'out');
    const r = run(tiny, ['export', dir, '--format', 'jsonl', '--tables', 'metrics', '--year', '2025', '--csv']);
    expect(r.stdout).toBe(`table,file,rows\nmetrics,${join(dir, 'metrics.jsonl')},4\n`);
    const lines = readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ raw: '134.9万亿元', value: 134.9e12, unit: '元', subject: '国内生产总值', year: 2024 });
    expect(run(tiny, ['export', dir, '--tables', 'nope']).stderr).toMatch(/no table nope: choose from documents, goals/);
  });
});

describe('listings fit 100 columns', () => {
  it.each([
    [['themes']],
    [['keywords', '2025']],
    [['collocates', '深化改革', '--min-count', '1']],
    [['trend', '数字经济', '--chart']],
  ])('%j', (args) => {
    const r = run(tiny, args);
    expect(r.status).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
  });
});

describe('the State Council reports 2015–2025', () => {
  it('trend 改革 创新 数字经济 shows the rise of 数字经济', () => {
    const rows = json<{ term: string; year: number; count: number; rate: number }[]>(council, ['trend', '改革', '创新', '数字经济']);
    const digital = rows.filter((r) => r.term === '数字经济');
    expect(digital.filter((r) => r.year <= 2016).every((r) => r.count === 0)).toBe(true);
    const early = Math.max(...digital.filter((r) => r.year <= 2019).map((r) => r.rate));
    for (const r of digital.filter((r) => r.year >= 2022)) expect(r.rate).toBeGreaterThan(early);
    expect(rows.filter((r) => r.term === '改革').every((r) => r.count > 0)).toBe(true);
    const chart = run(council, ['trend', '改革', '创新', '数字经济', '--chart']);
    expect(widest(chart.stdout)).toBeLessThanOrEqual(100);
  });

  it('compare 2024 2025 lists the initiatives and figures of both with their values', () => {
    const r = json<{ initiatives: { name: string; in: string }[]; metrics: { subject: string; unit: string; a_raw: string; b_raw: string }[] }>(
      council,
      ['compare', '2024', '2025'],
    );
    const both = r.initiatives.filter((i) => i.in === 'both').map((i) => i.name);
    expect(both).toEqual(expect.arrayContaining(['三农', '八项规定', '人工智能+行动']));
    expect(r.metrics).toContainEqual(expect.objectContaining({ subject: '国内生产总值', unit: '元', a_raw: '126万亿元', b_raw: '134.9万亿元' }));
    expect(r.metrics).toContainEqual(expect.objectContaining({ subject: '城镇新增就业', unit: '人', a_raw: '1244万人', b_raw: '1256万人' }));
    const table = run(council, ['compare', '2024', '2025']);
    expect(widest(table.stdout)).toBeLessThanOrEqual(100);
    expect(table.stdout).toContain('+8.9万亿元 (+7.1%)');
  });

  it('takes organisations with --org or org:TEXT (documents whose org contains the text)', () => {
    const same = run(council, ['compare', '国务院', '国务', '--org']);
    expect(same.status).toBe(1);
    expect(same.stderr).toBe('policy-miner: org 国务院 and org 国务 are the same documents: compare two different years, documents or organisations\n');
    const none = run(council, ['compare', '深圳', '国务院', '--org']);
    expect(none.stderr).toBe('policy-miner: no document whose organisation contains "深圳" (see `policy-miner docs`)\n');
    // All ten reports against the last: that one is on both sides, and the CLI says so.
    const overlap = run(council, ['compare', 'org:国务院', '2025', '--only', 'initiatives', '--json']);
    expect(overlap.status).toBe(0);
    expect(overlap.stderr).toMatch(/^policy-miner: note: documents \d+ are on both sides\n$/);
  });
});
