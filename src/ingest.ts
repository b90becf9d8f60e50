// Ingest: files and folders → database. Bad files are reported by name and
// skipped; every good file is written in its own transaction, so a run killed
// at any moment leaves each file whole or absent, and the next run finishes.
import { createHash } from 'node:crypto';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { readFile, stat as statAsync } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import type { AnalyzedDocument } from './model.js';
import { DecodeError } from './normalize/index.js';
import { MAX_BYTES, readDocumentText } from './normalize/formats/index.js';
import { AnalysisPool, defaultWorkerCount, JOBS_PER_THREAD, workersAvailable, type Analysis } from './analyze/pool.js';
import { analyzeText, extractArticle } from './pipeline.js';
import { withFileYear } from './extract/years.js';
import { jiebaSegmenter, type Segmenter } from './segment/index.js';
import type { DB } from './store/db.js';
import { isUnchanged, PendingTotals, updatePairIndexFrom, updateTotals, writeSource } from './store/write.js';

// Characters written between two updates of the term totals: each update
// groups the new documents' term rows once, instead of once per document.
const TOTALS_BATCH_CHARS = 16_000_000;
// Characters between two updates of the pair index: each costs about the
// same per character whatever the size of the index, so it goes in small
// steps while the analysis threads have files in hand, rather than with the
// totals (at 50 MB, that update came when nothing else was left to do).
const PAIRS_BATCH_CHARS = 2_000_000;

/** File endings taken when walking a folder; a file named explicitly is always tried (its format is told from its bytes). */
export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.docx', '.pdf', '.html', '.htm', '.xml']);

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface IngestSummary {
  files: number;
  added: number;
  replaced: number;
  unchanged: number;
  documents: number;
  characters: number;
  tokens: number;
  goals: number;
  metrics: number;
  initiatives: number;
  skipped: SkippedFile[];
  /** stopped early (options.signal): the files not reached are neither added nor skipped */
  interrupted: boolean;
}

export interface IngestOptions {
  /** analysis threads (default: one per core but the writer's, up to 4); 0 analyses on this thread */
  workers?: number;
  /** the segmenter for analysis on this thread (default: jieba with our dictionary) */
  segmenter?: Segmenter;
  onProgress?: (done: number, total: number, file: string) => void;
  cwd?: string;
  /** stops the run between two files, each file written so far staying whole */
  signal?: AbortSignal;
}

function message(e: unknown): string {
  if (e instanceof DecodeError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ENOENT') return 'no such file or folder';
  if (err?.code === 'EISDIR') return 'is a folder';
  if (err?.code === 'ELOOP') return 'symbolic link loop';
  if (err?.code === 'EIO') return 'read error (EIO): the disk or network share failed';
  return err instanceof Error ? err.message : String(e);
}

/** Expands folders recursively (sorted, hidden entries and link loops left out). */
export function collectFiles(
  paths: readonly string[],
  cwd = process.cwd(),
): { files: string[]; skipped: SkippedFile[]; sizes: Map<string, number> } {
  // each file once, in the order found, with its size when listed
  const sizes = new Map<string, number>();
  const skipped: SkippedFile[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      skipped.push({ file: relative(cwd, dir) || dir, reason: message(e) });
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      skipped.push({ file: relative(cwd, dir) || dir, reason: message(e) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      let stat;
      try {
        stat = statSync(full);
      } catch (e) {
        skipped.push({ file: relative(cwd, full), reason: message(e) });
        continue;
      }
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) sizes.set(full, stat.size);
    }
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(full);
    } catch (e) {
      skipped.push({ file: p, reason: message(e) });
      continue;
    }
    if (stat.isDirectory()) walk(full);
    // Reading a FIFO or a device named on the command line would hang or never end.
    else if (!stat.isFile()) skipped.push({ file: p, reason: 'not a regular file' });
    else sizes.set(full, stat.size);
  }
  return { files: [...sizes.keys()], skipped, sizes };
}

/** The bytes of a listed file; a file gone since it was listed says so. */
async function readListed(file: string): Promise<Buffer> {
  try {
    const stat = await statAsync(file);
    if (!stat.isFile()) throw new DecodeError('not a regular file');
    if (stat.size > MAX_BYTES) throw new DecodeError(`too large (${stat.size} bytes, over ${MAX_BYTES})`);
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') throw new DecodeError('vanished (removed while ingest was running)');
    throw e;
  }
}

const READ_AHEAD = 8;
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

// Waiting longer than this for a file's analysis means the analysis threads,
// not this one, are what the run waits on.
const WAITED_MS = 1;

/**
 * The share of files whose goals, metrics and initiatives this thread, the
 * writer, extracts itself (the analysis threads then only segment them).
 * With fewer analysis threads than writing can keep up with (one on two
 * cores) the writer would otherwise wait for them a third of the time; with
 * more, it has no time to spare. The share follows what it sees: up when it
 * had to wait for a file, down when the file was ready.
 */
class WriterShare {
  private share = 0;
  private owed = 0;

  /** Whether the next file is extracted here. */
  next(): boolean {
    this.owed += this.share;
    if (this.owed < 1) return false;
    this.owed -= 1;
    return true;
  }

  // Up faster than down: equal steps settle where the writer waits for every
  // other file (at 50 MB it took 300 of 1022 files and waited 8 s in all);
  // these settle where it waits for one file in six, both sides busy.
  adjust(waited: boolean): void {
    this.share = Math.min(1, Math.max(0, this.share + (waited ? 0.05 : -0.01)));
  }
}

interface PendingFile {
  file: string;
  display: string;
  hash: string;
  size: number;
  analysis: Promise<Analysis>;
}

export async function ingest(db: DB, paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const cwd = options.cwd ?? process.cwd();
  const { files, skipped, sizes } = collectFiles(paths, cwd);
  const summary: IngestSummary = {
    files: files.length, added: 0, replaced: 0, unchanged: 0,
    documents: 0, characters: 0, tokens: 0, goals: 0, metrics: 0, initiatives: 0, skipped, interrupted: false,
  };
  const threads = workersAvailable() ? Math.min(options.workers ?? defaultWorkerCount(), files.length) : 0;
  const pool = threads > 0 ? new AnalysisPool(threads) : null;
  let segmenter = options.segmenter;
  const share = new WriterShare();
  const analyze = async (file: string, bytes: Buffer): Promise<Analysis> => {
    if (pool) return pool.analyze(file, bytes, !share.next());
    const read = await readDocumentText(file, bytes);
    segmenter ??= jiebaSegmenter();
    return { encoding: read.encoding, extracted: true, docs: analyzeText(read.text, segmenter) };
  };

  // Files are analysed ahead on the threads while this one reads, hashes and
  // writes them in their listed order; a bounded window keeps memory flat.
  // Two files more than the threads hold keep a long file from stalling
  // either side (with one analysis thread both sides waited a fifth of the time).
  const window = pool ? threads * (JOBS_PER_THREAD + 1) + 2 : 1;
  const pending: PendingFile[] = [];
  const totals = new PendingTotals();
  // Bytes of the files not yet settled: an update of the totals this close
  // to the end is left to the last one, which has to run anyway (an update
  // rewrites every gram row it touches, so two cost almost twice one).
  let remainingBytes = [...sizes.values()].reduce((n, size) => n + size, 0);
  const settle = async (job: PendingFile): Promise<void> => {
    remainingBytes -= sizes.get(job.file) ?? 0;
    let docs: AnalyzedDocument[];
    let encoding: string;
    try {
      const asked = performance.now();
      const analysis = await job.analysis;
      if (pool) share.adjust(performance.now() - asked > WAITED_MS);
      encoding = analysis.encoding;
      docs = withFileYear(analysis.extracted ? analysis.docs : analysis.docs.map(extractArticle), job.file);
      if (docs.length === 0) throw new DecodeError('no Chinese document in it (no Chinese text, or mostly another language)');
    } catch (e) {
      skipped.push({ file: job.display, reason: message(e) });
      return;
    }
    const source = { path: job.file, display: job.display, hash: job.hash, bytes: job.size, encoding };
    const outcome = writeSource(db, source, docs, totals);
    if (outcome === 'unchanged') {
      summary.unchanged++;
      return;
    }
    summary[outcome]++;
    if (totals.chars >= TOTALS_BATCH_CHARS && remainingBytes >= TOTALS_BATCH_CHARS) updateTotals(db, totals);
    else if (totals.pairChars >= PAIRS_BATCH_CHARS) updatePairIndexFrom(db, totals);
    for (const d of docs) {
      summary.documents++;
      summary.characters += d.chars;
      summary.tokens += d.tokens;
      summary.goals += d.goals.length;
      summary.metrics += d.metrics.length;
      summary.initiatives += d.initiatives.length;
    }
  };

  // Files are read a few ahead of the one in hand: read one at a time, a
  // re-ingest of unchanged files spent a third of its time waiting on reads.
  // Large files are not read ahead beyond READ_AHEAD_BYTES in all.
  const reads = new Map<number, Promise<Buffer>>();
  let aheadBytes = 0;
  const read = (i: number): Promise<Buffer> => {
    for (let j = i; j < Math.min(files.length, i + READ_AHEAD); j++) {
      if (reads.has(j)) continue;
      const size = sizes.get(files[j]!) ?? 0;
      if (j > i && aheadBytes + size > READ_AHEAD_BYTES) break;
      const bytes = readListed(files[j]!);
      bytes.catch(() => undefined); // handled when its turn comes
      reads.set(j, bytes);
      aheadBytes += size;
    }
    const bytes = reads.get(i)!;
    reads.delete(i);
    aheadBytes -= sizes.get(files[i]!) ?? 0;
    return bytes;
  };

  try {
    for (const [i, file] of files.entries()) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const display = relative(cwd, file) || file;
      options.onProgress?.(i, files.length, display);
      let job: PendingFile;
      try {
        const bytes = await read(i);
        const hash = createHash('sha256').update(bytes).digest('hex');
        if (isUnchanged(db, file, hash)) {
          summary.unchanged++;
          continue;
        }
        job = { file, display, hash, size: bytes.length, analysis: analyze(file, bytes) };
      } catch (e) {
        // a read failure takes its place in the queue, so reasons keep the files' order
        job = { file, display, hash: '', size: 0, analysis: Promise.reject(e) };
      }
      job.analysis.catch(() => undefined); // handled in settle, in order
      pending.push(job);
      while (pending.length >= window && !options.signal?.aborted) await settle(pending.shift()!);
    }
    if (options.signal?.aborted) {
      // Stopped: the file in hand is finished; the ones analysed ahead are
      // left for the next run, as if not reached.
      summary.interrupted = true;
      if (pending.length) await settle(pending.shift()!);
      pending.length = 0;
    }
    while (pending.length) await settle(pending.shift()!);
  } finally {
    await pool?.close();
  }
  // Also brings in the documents of an earlier run that was killed before its last update.
  updateTotals(db, totals);
  options.onProgress?.(files.length, files.length, '');
  return summary;
}
