// Bad input never loses data: broken files are reported by name and skipped,
// a run killed at any moment leaves every document whole or absent and the
// next run finishes the job, readers get consistent answers while a run
// writes, and no query or byte sequence makes the tool throw.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingest } from '../src/ingest.js';
import type { AnalyzedDocument } from '../src/model.js';
import { countHan, DecodeError } from '../src/normalize/index.js';
import { readDocumentText } from '../src/normalize/formats/index.js';
import { analyzeText } from '../src/pipeline.js';
import { jiebaSegmenter } from '../src/segment/index.js';
import { QueryError } from '../src/query/errors.js';
import { search } from '../src/query/search.js';
import { openForRead, openForWrite } from '../src/store/db.js';
import { documentText } from '../src/store/read.js';
import { writeSource } from '../src/store/write.js';
import { makeDocx, makeEncryptedPdf, makeHtml, makePdf, makeScanPdf, paragraphsOf } from './fixtures/make-formats.js';
import { cli, corpusFile, projectRoot, readCorpus, tempDir } from './helpers.js';

// A read that fails with EACCES for files named "unreadable…": root (as CI
// runs) ignores file modes, so chmod cannot make one.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    readFile: (async (path: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
      if (String(path).includes('unreadable')) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
      }
      return (actual.readFile as (...a: unknown[]) => unknown)(path, ...rest);
    }) as typeof actual.readFile,
  };
});

const segmenter = jiebaSegmenter();
const bin = join(projectRoot, 'bin', 'policy-miner.js');

/** What a database holds, independent of row ids and of the order files were written in. */
function dump(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT s.display, s.hash AS source_hash, d.article, d.id AS text, d.tokens,
           (SELECT count(*) FROM goals g WHERE g.doc_id = d.id) AS goals,
           (SELECT count(*) FROM metrics m WHERE m.doc_id = d.id) AS metrics,
           (SELECT count(*) FROM initiative_mentions i WHERE i.doc_id = d.id) AS initiatives,
           (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id) AS paragraphs
         FROM documents d JOIN sources s ON s.id = d.source_id`,
      )
      .all() as { display: string; source_hash: string; article: number; text: number }[];
    return rows
      .map(({ text, ...r }) => JSON.stringify({ ...r, text: createHash('sha256').update(documentText(db, text)).digest('hex') }))
      .sort();
  } finally {
    db.close();
  }
}

function sourceCount(dbFile: string): number | null {
  if (!existsSync(dbFile)) return null;
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return null; // not created or not migrated yet
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a folder of good documents and a dozen broken files', () => {
  const dir = tempDir('pm-broken-');
  const good = ['seeds/001_456c092f3174d644.txt', 'seeds/002_b930d5806cce04de.txt', 'hk-policy-address/2019.xml'];
  const bad: Record<string, RegExp> = {
    'empty.txt': /empty file/,
    'blank.md': /no text/,
    'binary.txt': /binary/,
    'scan.pdf': /no text layer/,
    'secret.pdf': /encrypted PDF/,
    'truncated.docx': /not a readable \.docx/,
    'renamed.docx': /named \.docx but not a Word file/,
    'legacy.docx': /Word 97–2003/,
    'latin1.txt': /unknown encoding|invalid UTF-8/,
    'broken-utf8.txt': /invalid UTF-8 byte sequence at byte \d+/,
    'oneline.txt': /a line of \d+ characters/,
    'loop.txt': /symbolic link loop/,
    'no-chinese.html': /no Chinese text/,
  };
  let result: ReturnType<typeof cli>;
  let json: { skipped: { file: string; reason: string }[]; added: number; documents: number };

  beforeAll(async () => {
    for (const g of good) copyFileSync(corpusFile(g), join(dir, g.replace('/', '-')));
    // the same report as .docx, .pdf and .html next to its .txt
    const paragraphs = paragraphsOf(readCorpus('seeds/002_b930d5806cce04de.txt'));
    writeFileSync(join(dir, 'report.docx'), await makeDocx(paragraphs));
    writeFileSync(join(dir, 'report.pdf'), await makePdf(paragraphs));
    writeFileSync(join(dir, 'report.html'), makeHtml(paragraphs));

    const docx = await makeDocx(paragraphs);
    const text = Buffer.from(readCorpus('seeds/001_456c092f3174d644.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.md'), ' \n\u3000\n\t\n');
    writeFileSync(join(dir, 'binary.txt'), readFileSync(new URL('./fixtures/encodings/binary.bin', import.meta.url)));
    writeFileSync(join(dir, 'scan.pdf'), await makeScanPdf());
    writeFileSync(join(dir, 'secret.pdf'), await makeEncryptedPdf());
    writeFileSync(join(dir, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length * 0.6)));
    writeFileSync(join(dir, 'renamed.docx'), docx.subarray(200));
    writeFileSync(join(dir, 'legacy.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(1024, 7)]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Année 2024 : élaboré à Genève, reçu à Zürich. '.repeat(40), 'latin1'));
    writeFileSync(join(dir, 'broken-utf8.txt'), Buffer.concat([text.subarray(0, 2000), Buffer.from([0xc3, 0x28]), text.subarray(2000)]));
    writeFileSync(join(dir, 'oneline.txt'), '发展'.repeat(3_400_000)); // 20 MB, no line break
    symlinkSync('loop-b.txt', join(dir, 'loop.txt'));
    symlinkSync('loop.txt', join(dir, 'loop-b.txt'));
    writeFileSync(join(dir, 'no-chinese.html'), '<html><body><p>Annual report 2024</p></body></html>');
    // a folder link back to its parent: walked once, not forever, and not an error
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up'));

    result = cli(['ingest', dir, '--db', join(tempDir(), 'x.db'), '--json']);
    json = JSON.parse(result.stdout);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true })); // 20 MB

  it('exits 1 and names every bad file with its reason, on stderr and in --json', () => {
    expect(result.status).toBe(1);
    const reasons = new Map(json.skipped.map((s) => [s.file.split('/').pop()!, s.reason]));
    for (const [file, reason] of Object.entries(bad)) {
      expect(reasons.get(file), file).toMatch(reason);
      expect(result.stderr).toMatch(new RegExp(`skipped \\S*${file.replace('.', '\\.')}: `));
    }
    expect(json.skipped.length).toBe(Object.keys(bad).length + 1); // loop-b.txt is a loop too
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('ingests every good document, in every format', () => {
    expect(json.added).toBe(good.length + 3);
    expect(json.documents).toBe(good.length + 3);
  });

  it('prints the skipped files in the summary table too', () => {
    const db = join(tempDir(), 'y.db');
    const r = cli(['ingest', join(dir, 'empty.txt'), join(dir, 'report.docx'), '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/skipped\s+1\n\s+.*empty\.txt: empty file/);
    expect(cli(['ingest', join(dir, 'report.docx'), '--db', db]).status).toBe(0);
  });
});

describe('files that change under a run', () => {
  it('reports a file that vanished after it was listed, and goes on', async () => {
    const dir = tempDir();
    for (const name of ['a.txt', 'b.txt', 'c.txt']) copyFileSync(corpusFile('seeds/001_456c092f3174d644.txt'), join(dir, name));
    writeFileSync(join(dir, 'c.txt'), readCorpus('seeds/002_b930d5806cce04de.txt'));
    const db = openForWrite(':memory:');
    const summary = await ingest(db, [dir], {
      segmenter,
      cwd: dir,
      onProgress: (done) => {
        if (done === 0) unlinkSync(join(dir, 'b.txt'));
      },
    });
    expect(summary.skipped).toEqual([{ file: 'b.txt', reason: 'vanished (removed while ingest was running)' }]);
    expect(summary.added).toBe(2);
    db.close();
  });

  it('reports a file it may not read, and goes on', async () => {
    const dir = tempDir();
    copyFileSync(corpusFile('seeds/001_456c092f3174d644.txt'), join(dir, 'readable.txt'));
    copyFileSync(corpusFile('seeds/002_b930d5806cce04de.txt'), join(dir, 'unreadable.txt'));
    const db = openForWrite(':memory:');
    const summary = await ingest(db, [dir], { segmenter, cwd: dir });
    expect(summary.skipped).toEqual([{ file: 'unreadable.txt', reason: 'permission denied' }]);
    expect(summary.added).toBe(1);
    db.close();
  });

  it('stops between two files when asked, every file written so far whole', async () => {
    const dir = tempDir();
    for (const name of ['a.txt', 'b.txt', 'c.txt']) copyFileSync(corpusFile('seeds/001_456c092f3174d644.txt'), join(dir, name));
    const controller = new AbortController();
    const db = openForWrite(':memory:');
    const summary = await ingest(db, [dir], {
      segmenter,
      cwd: dir,
      signal: controller.signal,
      // asked while the first file is being read: that file is finished, no other begun
      onProgress: (done) => {
        if (done === 0) controller.abort();
      },
    });
    expect(summary).toMatchObject({ files: 3, interrupted: true, added: 1, skipped: [] });
    db.close();
  });
});

describe('killing ingest', () => {
  // Twenty State Council reports: long enough a run to stop in the middle,
  // even with files analysed ahead on worker threads.
  const years = Array.from({ length: 20 }, (_, i) => String(2000 + i));
  const dir = tempDir('pm-kill-');
  const term = '发展';
  let reference: string[];
  let prefixTotals: Set<number>;

  beforeAll(() => {
    for (const y of years) copyFileSync(corpusFile(`gov-work-reports-state-council/${y}.txt`), join(dir, `${y}.txt`));
    const db = join(tempDir(), 'ref.db');
    expect(cli(['ingest', dir, '--db', db]).status).toBe(0);
    reference = dump(db);
    // Files are written in sorted order, one transaction each: a reader can
    // only ever see the first k files, so a search total is one of these.
    const handle = new Database(db, { readonly: true });
    const perFile = handle
      .prepare('SELECT s.display, d.id FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY s.display')
      .all() as { id: number }[];
    const texts = perFile.map(({ id }) => ({ text: documentText(handle, id) }));
    handle.close();
    prefixTotals = new Set([0]);
    let running = 0;
    for (const { text } of texts) prefixTotals.add((running += text.split(term).length - 1));
  });

  it('with SIGKILL mid-run leaves whole documents, searchable meanwhile, and a rerun gives the same database', async () => {
    const db = join(tempDir(), 'killed.db');
    const child = spawn(process.execPath, [bin, 'ingest', dir, '--db', db], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    const totals: number[] = [];
    // Poll, and search while it writes (WAL: readers never wait, never see half a file).
    for (let n = sourceCount(db); n === null || n < 2; n = sourceCount(db)) {
      if (n !== null && n >= 1) {
        const r = cli(['search', term, '--db', db, '--json', '--limit', '1']);
        expect(r.status, r.stderr).toBe(0);
        totals.push(JSON.parse(r.stdout).total);
      } else await pause(20);
    }
    child.kill('SIGKILL');
    await exited;
    const stored = sourceCount(db)!;
    expect(stored).toBeLessThan(years.length);
    expect(totals.length).toBeGreaterThan(0);
    for (const t of totals) expect(prefixTotals).toContain(t);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    // What is there is whole: every stored document is as in the full run.
    const partial = dump(db);
    expect(partial.length).toBeGreaterThan(0);
    for (const row of partial) expect(reference).toContain(row);
    const rerun = cli(['ingest', dir, '--db', db, '--json']);
    expect(rerun.status).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ unchanged: stored, added: years.length - stored });
    expect(dump(db)).toEqual(reference);
  });

  it('with SIGINT stops after the current file, exits 130, and a rerun finishes', async () => {
    const db = join(tempDir(), 'interrupted.db');
    const child = spawn(process.execPath, [bin, 'ingest', dir, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    while ((sourceCount(db) ?? 0) < 1) await pause(20);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).toContain('interrupted');
    const stored = sourceCount(db)!;
    expect(stored).toBeLessThan(years.length);
    for (const row of dump(db)) expect(reference).toContain(row);
    expect(cli(['ingest', dir, '--db', db]).status).toBe(0);
    expect(dump(db)).toEqual(reference);
  });
});

describe('queries from the user', () => {
  const db = join(tempDir(), 'q.db');
  beforeAll(() => {
    expect(cli(['ingest', 'corpus', '--db', db]).status).toBe(0);
  });

  const inputs = [
    '"', '"医院', '医院"', '""', '" "', '“医院', '*', '医院*', '*医院', 'NEAR(医院', 'NEAR(医院 卫生, 5)', 'OR', '医院 OR 卫生',
    'AND', 'NOT 医院', '-医院', '医院 -卫生', '(', ')', '^医院', 'text:医院', 'paragraphs_fts:医院', '{医院 卫生}',
    "'; DROP TABLE documents; --", "医院' OR '1'='1", '%', '_', '\\', '医院\\', '', ' ', '\t', '\u3000',
  ];

  it('answers every malformed query with a result or a QueryError, never an SQL or FTS error', () => {
    const handle = openForRead(db);
    try {
      for (const query of inputs) {
        try {
          expect(search(handle, query).total, JSON.stringify(query)).toBeGreaterThanOrEqual(0);
        } catch (e) {
          expect(e, `${JSON.stringify(query)}: ${(e as Error).message}`).toBeInstanceOf(QueryError);
        }
      }
    } finally {
      handle.close();
    }
  });

  // Through the command line, as a user types them (after --, so "-医院" is not an option).
  it.each(['"医院', 'NEAR(医院', '医院*', '-医院', "'; DROP TABLE documents; --", ''].map((q) => [JSON.stringify(q), q]))(
    'search %s prints a result or one line, never a stack trace',
    (_name, query) => {
      const r = cli(['search', '--db', db, '--json', '--', query]);
      expect([0, 1], r.stderr).toContain(r.status);
      if (r.status === 0) expect(JSON.parse(r.stdout)).toMatchObject({ total: expect.any(Number) });
      else {
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).not.toMatch(/unexpected error|SqliteError|fts5|syntax error/i);
      }
    },
  );

  it('leaves the database as it was', () => {
    const r = cli(['docs', '--db', db, '--json']);
    expect(JSON.parse(r.stdout)).toHaveLength(11);
  });
});

describe('random input through the whole pipeline', () => {
  // A seeded generator: a failure names the seed and can be replayed.
  function random(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n: number): number => Math.floor(next() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    return { next, int, pick };
  }

  // Pieces that exercise every extractor: markers, numbers, units, slogans, years, chrome, scripts.
  const PIECES = [
    '一、', '（二）', '(3)', '1.', '2、', '一是', '第一部分', '篇1', '篇2', '2024年', '2025年工作计划', '去年', '今年',
    '增长', '下降', '12.5%', '3.2个百分点', '282773人次', '4.2万人次', '1.5亿元', '不低于', '达到', '约', '以上', '—',
    '“11235”工程', '五大中心', '四优先', '十四五', '医共体', '胸痛中心、卒中中心', '医院', '發展', '醫療', '。', '，', '；',
    '：', '\n', '\n\n', ' ', '\u3000', '\t', '\r\n', '浏览次数：', '来源：', '【打印】', 'ａｂｃ１２３', '😀', '\ud800', '\u0000',
    '<p>', '&amp;', '"', "'", '\\', '０', '〇', '亿', '万', '千', '百', '%', '‰', '℃', 'km', '平方米', '个', '项',
  ];

  function checkDocuments(docs: readonly AnalyzedDocument[], label: string): void {
    docs.forEach((d, i) => {
      expect(d.article, label).toBe(i + 1);
      expect(d.text, label).not.toMatch(/\r/);
      expect(d.chars, label).toBe(countHan(d.text));
      expect(d.chars, label).toBeGreaterThan(0);
      d.goals.forEach((g, k) => {
        expect(g.offset, label).toBeGreaterThanOrEqual(0);
        expect(g.offset, label).toBeLessThan(d.text.length);
        expect(g.parent === null || (g.parent >= 0 && g.parent < k), label).toBe(true);
      });
      for (const m of d.metrics) {
        expect(Number.isFinite(m.value), label).toBe(true);
        expect(d.text.slice(m.offset, m.offset + m.raw.length), label).toBe(m.raw);
      }
      for (const x of d.initiatives) {
        expect(x.offset, label).toBeGreaterThanOrEqual(0);
        expect(x.offset, label).toBeLessThan(d.text.length);
        expect(x.name.length, label).toBeGreaterThan(0);
      }
      expect(Number.isInteger(d.tokens), label).toBe(true);
    });
  }

  it('never throws on random strings, and stores what it finds', () => {
    const db = openForWrite(':memory:');
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      const text = Array.from({ length: 1 + r.int(80) }, () => (r.next() < 0.7 ? r.pick(PIECES) : String.fromCharCode(0x4e00 + r.int(0x5000)))).join('');
      const docs = analyzeText(text, segmenter);
      checkDocuments(docs, `seed ${seed}: ${JSON.stringify(text)}`);
      if (docs.length) writeSource(db, { path: `/random/${seed}`, display: `${seed}`, hash: `${seed}`, bytes: text.length, encoding: 'utf-8' }, docs);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('reads random and damaged bytes as a document or refuses them with a DecodeError', async () => {
    const paragraphs = paragraphsOf(readCorpus('seeds/002_b930d5806cce04de.txt'));
    const samples = [
      Buffer.from(readCorpus('seeds/002_b930d5806cce04de.txt')),
      await makeDocx(paragraphs),
      await makePdf(paragraphs.slice(0, 6)),
      Buffer.from(makeHtml(paragraphs)),
    ];
    for (let seed = 1; seed <= 100; seed++) {
      const r = random(seed);
      let bytes: Buffer;
      if (seed % 3 === 0) bytes = Buffer.from(Array.from({ length: r.int(3000) }, () => r.int(256)));
      else {
        bytes = Buffer.from(r.pick(samples));
        // flip bytes, then maybe cut the end
        for (let k = r.int(20); k >= 0; k--) bytes[r.int(bytes.length)] = r.int(256);
        if (r.next() < 0.5) bytes = bytes.subarray(0, r.int(bytes.length));
      }
      const label = `seed ${seed}`;
      let text: string | null = null;
      try {
        text = (await readDocumentText('random.bin', bytes)).text;
      } catch (e) {
        expect(e, `${label}: ${(e as Error).message}`).toBeInstanceOf(DecodeError);
      }
      if (text !== null) checkDocuments(analyzeText(text, segmenter), label);
    }
  });
});

describe('a database that is not ours, or an old one', () => {
  it('refuses a file that is not a policy-miner database and leaves it as it was', () => {
    const dir = tempDir();
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, '这不是数据库，是我的笔记。\n');
    const other = join(dir, 'other.db');
    const handle = new Database(other);
    handle.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts (name) VALUES (\'张三\')');
    handle.close();
    const before = readFileSync(notes);
    for (const file of [notes, other]) {
      const r = cli(['ingest', 'corpus', '--db', file]);
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toMatch(/^policy-miner: .* is not a policy-miner database.*--db/);
    }
    expect(readFileSync(notes).equals(before)).toBe(true);
    const reopened = new Database(other, { readonly: true });
    expect(reopened.prepare('SELECT name FROM accounts').all()).toEqual([{ name: '张三' }]);
    expect(reopened.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'documents'").get()).toEqual({ n: 0 });
    reopened.close();
  });

  it('migrates a database of an older schema version on the next ingest', () => {
    const file = join(tempDir(), 'old.db');
    // Version 0: marked as ours, nothing applied yet (the oldest there is).
    const handle = new Database(file);
    handle.pragma('application_id = 1347242318');
    handle.pragma('user_version = 0');
    handle.close();
    const query = cli(['docs', '--db', file]);
    expect(query.status).toBe(1);
    expect(query.stderr).toMatch(/run `policy-miner ingest` once to migrate it/);
    expect(cli(['ingest', 'corpus', '--db', file]).status).toBe(0);
    expect(JSON.parse(cli(['docs', '--db', file, '--json']).stdout)).toHaveLength(11);
  });
});
