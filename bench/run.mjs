#!/usr/bin/env node
// npm run bench: builds a corpus of real documents (>= 50 MB) from ../shared/corpora,
// then measures in ONE run — so that the noisy machine cancels out in the ratios —
// the bare segmenter (the floor), the whole ingest, a re-ingest, queries, and peak
// memory at 50 MB and twice that. Prints a table; writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = join(root, '..', 'shared', 'corpora');
const work = join(tmpdir(), `policy-miner-bench-${process.pid}`);
const MB = 1024 * 1024;
const TARGET_MB = Number(process.env.BENCH_MB || 50);
const RUNS = 20;

const { normalizeText } = await import(join(root, 'dist', 'normalize', 'index.js'));

function sourceTexts() {
  const out = [];
  for (const dir of readdirSync(corpora)) {
    const full = join(corpora, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const f of readdirSync(full).sort()) {
      if (f.endsWith('.txt') && f !== 'SOURCE.md') out.push({ name: `${dir}-${f}`, text: readFileSync(join(full, f), 'utf8') });
    }
  }
  return out;
}

// A small seeded generator, so that every run builds the same corpus.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Copies of the real documents with their paragraphs in another order, so that content hashes differ. */
function buildCorpus(dir, megabytes, seed) {
  mkdirSync(dir, { recursive: true });
  const sources = sourceTexts();
  const random = rng(seed);
  let bytes = 0;
  let copy = 0;
  while (bytes < megabytes * MB) {
    for (const s of sources) {
      const lines = s.text.split('\n');
      // shuffle some body paragraphs among themselves; short lines (titles,
      // headings, a licence notice's words) stay where they are
      const body = lines.map((l, i) => (l.length > 40 ? i : -1)).filter((i) => i >= 0);
      for (let k = body.length - 1; k > 0; k--) {
        if (random() < 0.3) {
          const j = Math.floor(random() * k);
          [lines[body[k]], lines[body[j]]] = [lines[body[j]], lines[body[k]]];
        }
      }
      const text = lines.join('\n');
      writeFileSync(join(dir, `${String(copy).padStart(3, '0')}-${s.name}`), text);
      bytes += Buffer.byteLength(text);
      if (bytes >= megabytes * MB) break;
    }
    copy++;
  }
  return bytes;
}

/** Runs the CLI as a user would, with its wall time and peak RSS from /usr/bin/time. */
function timed(args) {
  const out = join(work, 'time.txt');
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-o', out, '-f', '%M', process.execPath, join(root, 'bin', 'policy-miner.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`policy-miner ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const rssKb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
  return { seconds, rssMb: rssKb / 1024, stdout: r.stdout };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median_ms: +sorted[Math.floor(sorted.length / 2)].toFixed(2), max_ms: +sorted[sorted.length - 1].toFixed(2) };
}

/** The bare segmenter on one core over the same cleaned text: the floor to compare with. */
function floor(dir) {
  const script = `
    const { readFileSync, readdirSync } = require('node:fs');
    const { join } = require('node:path');
    const jieba = require(${JSON.stringify(join(root, 'node_modules', 'nodejieba'))});
    const texts = JSON.parse(readFileSync(process.argv[1], 'utf8'));
    jieba.load({ userDict: ${JSON.stringify(join(root, 'dictionaries', 'user-dict.txt'))} });
    const t = performance.now();
    let n = 0;
    for (const s of texts) n += jieba.tag(s).length;
    console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, tokens: n }));
  `;
  const texts = [];
  for (const f of readdirSync(dir).sort()) {
    for (const d of normalizeText(readFileSync(join(dir, f), 'utf8'))) texts.push(d.text);
  }
  const textsFile = join(work, 'cleaned.json');
  writeFileSync(textsFile, JSON.stringify(texts));
  const r = spawnSync(process.execPath, ['-e', script, textsFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout).seconds;
}

/** The plain Python jieba + sqlite3 script, where Debian's python3-jieba is installed. */
function pythonBaseline(dir) {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import jieba'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    process.stderr.write('python baseline skipped: no python3-jieba (apt-get install python3-jieba)\n');
    return null;
  }
  const started = performance.now();
  const r = spawnSync(
    '/usr/bin/python3',
    [join(root, 'bench', 'baseline_jieba.py'), dir, join(work, 'baseline.db'), join(root, 'dictionaries', 'user-dict.txt')],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`python baseline failed: ${r.stderr.slice(-500)}`);
  return (performance.now() - started) / 1000;
}

async function queries(db) {
  const { openForRead } = await import(join(root, 'dist', 'store', 'db.js'));
  const { search } = await import(join(root, 'dist', 'query', 'search.js'));
  const { freq } = await import(join(root, 'dist', 'query', 'freq.js'));
  const { trend } = await import(join(root, 'dist', 'query', 'trend.js'));
  const handle = openForRead(db);
  const cases = {
    search_frequent: () => search(handle, '发展', { limit: 50 }),
    search_rare: () => search(handle, '胸痛中心', { limit: 50 }),
    search_one_char: () => search(handle, '医', { limit: 50 }),
    search_phrase: () => search(handle, '"高质量发展"', { limit: 50 }),
    freq_top50: () => freq(handle, { top: 50 }),
    freq_by_year: () => freq(handle, { top: 20, by: 'year' }),
    trend_three: () => trend(handle, ['改革', '创新', '数字经济']),
  };
  const results = {};
  for (const [name, run] of Object.entries(cases)) {
    run(); // warm the page cache and the statement cache
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      run();
      samples.push(performance.now() - t);
    }
    results[name] = stats(samples);
  }
  handle.close();
  const cli = [];
  for (const args of [['search', '发展'], ['search', '医'], ['freq', '--top', '50'], ['trend', '改革', '创新', '数字经济']]) {
    for (let i = 0; i < 5; i++) cli.push(timed([...args, '--db', db, '--json']).seconds * 1000);
  }
  return { queries: results, cli_ms: stats(cli).median_ms, cli_max_ms: stats(cli).max_ms };
}

function table(rows) {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
try {
  const dir50 = join(work, 'corpus-50');
  const dir100 = join(work, 'corpus-100');
  process.stderr.write(`building ${TARGET_MB} MB and ${TARGET_MB * 2} MB corpora in ${work}\n`);
  const inputBytes = buildCorpus(dir50, TARGET_MB, 1);
  buildCorpus(dir100, TARGET_MB * 2, 2);

  process.stderr.write('floor: bare nodejieba tag on one core\n');
  const floorS = floor(dir50);
  const db = join(work, 'bench.db');
  process.stderr.write('ingest\n');
  const ingest = timed(['ingest', dir50, '--db', db, '--json']);
  process.stderr.write('re-ingest\n');
  const reingest = timed(['ingest', dir50, '--db', db, '--json']);
  process.stderr.write('ingest of twice the input, for memory\n');
  const ingest100 = timed(['ingest', dir100, '--db', join(work, 'bench100.db'), '--json']);
  // jieba.posseg in Python runs at well under 1 MB/s: on a smaller corpus of
  // the same documents, both tools are timed side by side.
  const pythonMb = Number(process.env.BENCH_PYTHON_MB || 5);
  const dirPy = join(work, 'corpus-py');
  let pythonS = null;
  if (process.env.BENCH_PYTHON !== '0') {
    buildCorpus(dirPy, pythonMb, 3);
    process.stderr.write(`python baseline on ${pythonMb} MB, and our ingest of the same\n`);
    pythonS = pythonBaseline(dirPy);
  }
  const oursOnPy = pythonS === null ? null : timed(['ingest', dirPy, '--db', join(work, 'py-ours.db'), '--json']).seconds;
  process.stderr.write('queries\n');
  const q = await queries(db);
  const dbBytes = ['', '-wal'].reduce((n, s) => n + (existsSync(db + s) ? statSync(db + s).size : 0), 0);

  const results = {
    input_bytes: inputBytes,
    floor_s: +floorS.toFixed(2),
    ingest_s: +ingest.seconds.toFixed(2),
    reingest_s: +reingest.seconds.toFixed(2),
    db_bytes: dbBytes,
    rss_mb: { [TARGET_MB]: +ingest.rssMb.toFixed(0), [TARGET_MB * 2]: +ingest100.rssMb.toFixed(0) },
    queries: q.queries,
    cli_ms: q.cli_ms,
    python: pythonS === null ? null : { input_mb: pythonMb, python_s: +pythonS.toFixed(2), ours_s: +oursOnPy.toFixed(2) },
    ratios: {
      python_over_ours: pythonS === null ? null : +(pythonS / oursOnPy).toFixed(2),
      ingest_over_floor: +(ingest.seconds / floorS).toFixed(2),
      reingest_over_ingest: +(reingest.seconds / ingest.seconds).toFixed(3),
      rss_100_over_50: +(ingest100.rssMb / ingest.rssMb).toFixed(2),
      db_over_input: +(dbBytes / inputBytes).toFixed(2),
    },
  };
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(
    table([
      ['input', `${(inputBytes / MB).toFixed(1)} MB`],
      ['floor (bare jieba tag, 1 core)', `${floorS.toFixed(2)} s`],
      ['ingest', `${ingest.seconds.toFixed(2)} s  (${results.ratios.ingest_over_floor} × floor)`],
      ['re-ingest, unchanged', `${reingest.seconds.toFixed(2)} s  (${(results.ratios.reingest_over_ingest * 100).toFixed(1)} % of ingest)`],
      ['database', `${(dbBytes / MB).toFixed(1)} MB  (${results.ratios.db_over_input} × input)`],
      [`peak RSS, ${TARGET_MB} MB / ${TARGET_MB * 2} MB`, `${results.rss_mb[TARGET_MB]} / ${results.rss_mb[TARGET_MB * 2]} MB  (${results.ratios.rss_100_over_50} ×)`],
      ...Object.entries(q.queries).map(([k, v]) => [`${k} (in-process)`, `median ${v.median_ms} ms, max ${v.max_ms} ms`]),
      ['whole command (median)', `${q.cli_ms} ms`],
      ...(pythonS === null
        ? []
        : [[`python jieba + sqlite3 script, ${pythonMb} MB`, `${pythonS.toFixed(2)} s, ours ${oursOnPy.toFixed(2)} s  (python ${results.ratios.python_over_ours} × ours)`]]),
    ]),
  );
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
}
