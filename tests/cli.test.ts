// The tool as a new user meets it: ingest the bundled corpus, then query it.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../src/normalize/index.js';
import { cli, corpusFile, projectRoot, tempDir } from './helpers.js';

const corpusDir = join(projectRoot, 'corpus');
let db: string;
let firstIngest: ReturnType<typeof cli>;

/** The cleaned texts, computed without the database, to check search against. */
function cleanedTexts(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => normalizeText(readFileSync(join(corpusDir, f), 'utf8')).map((d) => d.text));
}

const substringCount = (texts: string[], needle: string): number =>
  texts.reduce((n, t) => n + t.split(needle).length - 1, 0);

const json = <T>(args: string[]): T => {
  const r = cli([...args, '--db', db, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as T;
};

beforeAll(() => {
  db = join(tempDir(), 'test.db');
  firstIngest = cli(['ingest', 'corpus', '--db', db]);
});

describe('ingest corpus', () => {
  it('reads the four sample files into 11 documents and prints a summary', () => {
    expect(firstIngest.status).toBe(0);
    expect(firstIngest.stdout).toMatch(/ingested 4 files/);
    expect(firstIngest.stdout).toMatch(/documents\s+11\b/);
    for (const label of ['characters', 'tokens', 'goals', 'metrics', 'initiatives', 'skipped']) {
      expect(firstIngest.stdout).toMatch(new RegExp(`${label}\\s+\\d+`));
    }
  });

  it('changes nothing when run again on the same files', () => {
    const before = [json<unknown[]>(['docs']), json<unknown[]>(['freq', '--top', '200']), json<unknown[]>(['metrics'])];
    const again = cli(['ingest', 'corpus', '--db', db, '--json']);
    expect(again.status).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ files: 4, unchanged: 4, added: 0, replaced: 0, documents: 0 });
    const after = [json<unknown[]>(['docs']), json<unknown[]>(['freq', '--top', '200']), json<unknown[]>(['metrics'])];
    expect(after).toEqual(before);
  });
});

describe('docs', () => {
  it('lists every document with the fields other tools rely on', () => {
    const docs = json<Record<string, unknown>[]>(['docs']);
    expect(docs).toHaveLength(11);
    for (const d of docs) {
      expect(Object.keys(d)).toEqual(['id', 'title', 'year', 'review_year', 'plan_year', 'org', 'script', 'chars', 'source']);
    }
    const speech = docs.find((d) => String(d.source).includes('000_3bd09cb3f97930f0.txt'))!;
    expect(speech).toMatchObject({ title: '为实现三级医院创建目标而努力奋斗', script: 'traditional', org: '义马市人民医院' });
    const compilation = docs.filter((d) => String(d.source).includes('003_51a1886474694a1e.txt'));
    expect(compilation.map((d) => d.source)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `corpus/003_51a1886474694a1e.txt#${n}`));
  });

  it('prints a table and CSV too', () => {
    const table = cli(['docs', '--db', db]);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('为实现三级医院创建目标而努'); // wrapped to fit 100 columns
    const csv = cli(['docs', '--db', db, '--csv']);
    expect(csv.stdout.split('\n')[0]).toBe('id,title,year,review_year,plan_year,org,script,chars,source');
    expect(csv.stdout.trim().split('\n')).toHaveLength(12);
  });
});

describe('search', () => {
  const texts = cleanedTexts();

  it.each(['胸痛中心', '医院', '医', '医共体', '二甲复审', '%', '11235'])(
    'finds every occurrence of %s that a substring search of the cleaned texts finds',
    (query) => {
      const result = json<{ total: number }>(['search', query]);
      expect(result.total).toBe(substringCount(texts, query));
      expect(result.total).toBeGreaterThan(0);
    },
  );

  it.each(['原创力文档', '您可能关注的文档', '灵感范文站', '.docx'])('finds no web chrome: %s', (query) => {
    expect(json<{ total: number }>(['search', query]).total).toBe(0);
  });

  it('counts all hits even when --limit cuts the list, in the documented shape', () => {
    const result = json<{ query: string; total: number; hits: Record<string, unknown>[] }>(['search', '医院', '--limit', '3']);
    expect(result.query).toBe('医院');
    expect(result.hits).toHaveLength(3);
    expect(result.total).toBeGreaterThan(3);
    for (const h of result.hits) {
      expect(h).toMatchObject({ match: '医院' });
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['doc', 'year', 'left', 'match', 'right']));
    }
  });

  it('shows context of --context characters on each side', () => {
    const result = json<{ hits: { left: string; right: string }[] }>(['search', '门急诊量', '--context', '5']);
    expect(result.hits[0]).toMatchObject({ left: '36万元;', match: '门急诊量', right: '28277' });
  });

  it('with several words finds the sentences holding all of them', () => {
    const result = json<{ total: number; hits: { match: string }[] }>(['search', '胸痛中心', '卒中中心']);
    expect(result.total).toBeGreaterThan(0);
    for (const h of result.hits) expect(h.match).toMatch(/胸痛中心[\s\S]*卒中中心|卒中中心[\s\S]*胸痛中心/);
  });

  it('takes a Traditional query and finds the Simplified text', () => {
    expect(json<{ total: number }>(['search', '醫院']).total).toBe(substringCount(texts, '医院'));
  });

  it('filters by --year and --doc', () => {
    const all = json<{ total: number; hits: { year: number | null; doc: number }[] }>(['search', '医院', '--limit', '1000']);
    const years = [...new Set(all.hits.map((h) => h.year).filter((y): y is number => y !== null))];
    const year = years[0]!;
    const inYear = json<{ total: number }>(['search', '医院', '--year', String(year)]);
    expect(inYear.total).toBe(all.hits.filter((h) => h.year === year).length);
    const doc = all.hits[0]!.doc;
    const inDoc = json<{ total: number }>(['search', '医院', '--doc', String(doc)]);
    expect(inDoc.total).toBe(all.hits.filter((h) => h.doc === doc).length);
  });

  it.each([['"医院'], ['""'], ['   '], ['NEAR(医院'], ['医院 OR 1=1; DROP TABLE documents;--'], ['*']])(
    'answers a malformed query %s with a result or one line, never a stack trace',
    (query) => {
      const r = cli(['search', query, '--db', db]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      if (r.status !== 0) {
        expect(r.status).toBe(1);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      }
    },
  );
});

describe('freq', () => {
  it('ranks terms by exact count, leaving out stopwords, punctuation and numbers', () => {
    const rows = json<{ term: string; count: number }[]>(['freq', '--top', '50']);
    expect(rows).toHaveLength(50);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.count).toBeGreaterThanOrEqual(rows[i]!.count);
    const terms = rows.map((r) => r.term);
    expect(terms).toContain('医院');
    for (const t of terms) {
      expect(t).not.toMatch(/^[\p{P}\s\d.%]+$/u);
      expect(['的', '和', '要', '我们', '是']).not.toContain(t);
    }
  });

  it('keeps the related-document titles of a web page out of the counts', () => {
    const rows = json<{ term: string }[]>(['freq', '--top', '5000', '--min-len', '1']);
    const terms = new Set(rows.map((r) => r.term));
    for (const t of ['docx', '总务科', '可行性', '原创力']) expect(terms.has(t)).toBe(false);
  });

  it('groups by year with --by year', () => {
    const rows = json<{ group: string; term: string; count: number }[]>(['freq', '--by', 'year', '--top', '3']);
    const groups = new Set(rows.map((r) => r.group));
    expect(groups.size).toBeGreaterThan(1);
    for (const g of groups) expect(rows.filter((r) => r.group === g).length).toBeLessThanOrEqual(3);
  });
});

describe('trend', () => {
  it('counts a term per year with its rate per 10,000 tokens', () => {
    const rows = json<{ term: string; year: number; count: number; tokens: number; rate: number }[]>(['trend', '医院', '医共体']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['term', 'year', 'count', 'tokens', 'rate']);
      expect(r.rate).toBeCloseTo((r.count / r.tokens) * 10000, 10);
    }
    const search = json<{ total: number; hits: { year: number | null }[] }>(['search', '医院', '--limit', '100000']);
    const withYear = search.hits.filter((h) => h.year !== null).length;
    expect(rows.filter((r) => r.term === '医院').reduce((n, r) => n + r.count, 0)).toBe(withYear);
  });

  it('draws a bar per year on the terminal table', () => {
    const r = cli(['trend', '医院', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('█');
  });
});

describe('goals, metrics, initiatives', () => {
  it('lists the goals of a document as a tree', () => {
    const goals = json<{ doc: number; marker: string; title: string; parent: number | null; depth: number }[]>(['goals']);
    expect(goals.length).toBeGreaterThan(20);
    expect(goals.some((g) => g.marker === '一、' && g.title.startsWith('围绕一个中心'))).toBe(true);
    expect(goals.some((g) => g.depth > 0)).toBe(true);
  });

  it('lists the metrics with value, unit and subject', () => {
    const metrics = json<{ raw: string; value: number; unit: string }[]>(['metrics', '--unit', '人次']);
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.every((m) => m.unit === '人次')).toBe(true);
    expect(metrics.some((m) => m.value === 282773)).toBe(true);
  });

  it('lists each initiative once with where it appears', () => {
    const rows = json<{ name: string; docs: number[]; years: number[] }[]>(['initiatives']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.name.includes('11235'))).toBe(true);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });
});

describe('tables', () => {
  // East Asian wide characters take two columns of a terminal.
  const displayWidth = (line: string): number =>
    [...line].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1), 0);

  it.each([['docs'], ['goals'], ['metrics'], ['initiatives'], ['freq'], ['trend', '医院', '医共体'], ['search', '医院']])(
    '%s fits a 100-column terminal',
    (...args) => {
      const r = cli([...args, '--db', db]);
      expect(r.status).toBe(0);
      const widest = Math.max(...r.stdout.split('\n').map(displayWidth));
      expect(widest).toBeLessThanOrEqual(100);
    },
  );
});

describe('extract', () => {
  it('prints one JSON object in the shape of the extraction spec, in Simplified Chinese', () => {
    const r = cli(['extract', 'corpus/000_3bd09cb3f97930f0.txt', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ schema: 1, file: 'corpus/000_3bd09cb3f97930f0.txt' });
    expect(out.documents).toHaveLength(1);
    const doc = out.documents[0];
    for (const key of ['title', 'year', 'review_year', 'plan_year', 'org', 'script', 'chars', 'text', 'goals', 'metrics', 'initiatives']) {
      expect(doc).toHaveProperty(key);
    }
    expect(doc.script).toBe('traditional');
    expect(doc.text).toContain('医院');
    expect(doc.text).not.toContain('醫院');
    expect(doc.metrics[0]).toEqual(expect.objectContaining({ raw: expect.any(String), value: expect.any(Number), unit: expect.any(String) }));
  });
});

describe('the year of a file named by its year', () => {
  // the Hong Kong 1997 address states no year of its own; its file is 1997.txt
  it('extract and ingest give the year of the name when the text gives none', () => {
    const dir = tempDir();
    const file = join(dir, '1997.txt');
    copyFileSync(corpusFile('hk-policy-address/1997.txt'), file);
    const out = JSON.parse(cli(['extract', file, '--json']).stdout);
    expect(out.documents.map((d: { year: number | null }) => d.year)).toEqual([1997]);
    const unnamed = join(dir, 'address.txt');
    copyFileSync(file, unnamed);
    expect(JSON.parse(cli(['extract', unnamed, '--json']).stdout).documents[0].year).toBeNull();
    const dbPath = join(dir, 'x.db');
    expect(cli(['ingest', file, '--db', dbPath]).status).toBe(0);
    const docs = JSON.parse(cli(['docs', '--db', dbPath, '--json']).stdout);
    expect(docs.map((d: { year: number | null }) => d.year)).toEqual([1997]);
  });

  it('never overrides a year the text states', () => {
    const dir = tempDir();
    const file = join(dir, '1999.txt');
    copyFileSync(corpusFile('gov-work-reports-state-council/2023.txt'), file);
    expect(JSON.parse(cli(['extract', file, '--json']).stdout).documents[0].year).toBe(2023);
  });
});

describe('bad input and usage', () => {
  it('skips broken files by name with the reason, ingests the rest and exits 1', () => {
    const dir = tempDir();
    copyFileSync(join(corpusDir, '001_456c092f3174d644.txt'), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]));
    const dbPath = join(dir, 'x.db');
    const r = cli(['ingest', dir, '--db', dbPath, '--json']);
    expect(r.status).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.documents).toBe(1);
    expect(summary.skipped).toEqual([
      { file: expect.stringContaining('binary.txt'), reason: expect.stringMatching(/binary/) },
      { file: expect.stringContaining('empty.txt'), reason: 'empty file' },
    ]);
    expect(r.stderr).toContain('empty.txt');
  });

  it('replaces the rows of a file that changed', () => {
    const dir = tempDir();
    const file = join(dir, 'report.txt');
    copyFileSync(join(corpusDir, '002_b930d5806cce04de.txt'), file);
    const dbPath = join(dir, 'x.db');
    expect(cli(['ingest', file, '--db', dbPath]).status).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('门诊', '急诊'));
    const r = JSON.parse(cli(['ingest', file, '--db', dbPath, '--json']).stdout);
    expect(r).toMatchObject({ replaced: 1, documents: 1 });
    const docs = JSON.parse(cli(['docs', '--db', dbPath, '--json']).stdout);
    expect(docs).toHaveLength(1);
  });

  it('uses $POLICY_MINER_DB, and says what to do when there is no database', () => {
    const dir = tempDir();
    const r = cli(['docs'], { cwd: dir, env: { POLICY_MINER_DB: join(dir, 'none.db') } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no database at .*none\.db: run `policy-miner ingest corpus` first/);
  });

  it('refuses a file that is not its database instead of overwriting it', () => {
    const dir = tempDir();
    const notOurs = join(dir, 'notes.db');
    writeFileSync(notOurs, '这不是数据库'.repeat(100));
    const r = cli(['ingest', 'corpus/001_456c092f3174d644.txt', '--db', notOurs]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a policy-miner database/);
    expect(readFileSync(notOurs, 'utf8')).toBe('这不是数据库'.repeat(100));
  });

  it.each([[['nonsense']], [['freq', '--top', 'many']], [['search']], [['goals', '--kind', 'wish']]])(
    'exits 2 on wrong usage: %j',
    (args) => {
      const r = cli([...args, '--db', db]);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('tells how to search for text that starts with "-"', () => {
    const r = cli(['search', '-医院', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('put -- before it');
    const ok = cli(['search', '--db', db, '--json', '--', '-医院']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).query).toBe('-医院');
  });

  it('has --help for every command, and the README shows every command', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const commands = ['ingest', 'docs', 'search', 'freq', 'trend', 'goals', 'metrics', 'initiatives', 'extract'];
    for (const c of commands) {
      const r = cli([c, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Usage: policy-miner ${c}`);
      expect(readme).toContain(`policy-miner ${c}`);
    }
  });
});

