// Analysis on worker threads: segmentation is the cost of ingest, so files are
// analysed on every core while the main thread reads, hashes and writes.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzedDocument, SegmentedArticle } from '../model.js';

export interface AnalysisJob {
  id: number;
  file: string;
  bytes: Uint8Array;
  /** extract goals, metrics and initiatives too (false: the caller will) */
  extract: boolean;
}

/** A file's documents, extracted or (`extracted: false`) only segmented. */
export type Analysis =
  | { encoding: string; extracted: true; docs: AnalyzedDocument[] }
  | { encoding: string; extracted: false; docs: SegmentedArticle[] };

export type AnalysisReply = ({ id: number } & Analysis) | { id: number; error: string };

/** The reason a file could not be analysed, as the worker gave it. */
export class AnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisError';
  }
}

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Worker threads exist only in the built package (dist/analyze/worker.js);
 * run from the TypeScript sources (tests) the caller analyses in-process.
 */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/**
 * One thread per core but the writer's, up to 4. On two cores a second
 * analysis thread made ingest no faster (20.5 s against 19.4 s for 20 MB
 * here) for a quarter more CPU time and 60 % more memory: two jieba
 * dictionaries (~270 MB each, read at random) contend for the caches, and
 * the writing thread loses its core.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

type PendingJob = AnalysisJob & { resolve: (a: Analysis) => void; reject: (e: Error) => void };

interface Slot {
  worker: Worker;
  /** sent to the thread, by id, in the order sent */
  jobs: Map<number, PendingJob>;
}

// Files handed to a thread ahead of the one it is on: while the main thread
// writes (synchronously: a file takes ~15 ms, an update of the pair index
// every 2M characters a few hundred), a thread that finishes goes on with the
// next file instead of waiting for the main thread to hand it one. Files are
// ~50 KB of text, ~40 ms of analysis: eight cover an update.
export const JOBS_PER_THREAD = 8;

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: PendingJob[] = [];
  private nextId = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  // Threads start with the first file to analyse: a re-ingest of unchanged
  // files starts none.
  constructor(private readonly size: number) {}

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER), jobs: new Map() };
    slot.worker.on('message', (reply: AnalysisReply) => {
      const job = slot.jobs.get(reply.id);
      slot.jobs.delete(reply.id);
      if (job) {
        if ('error' in reply) job.reject(new AnalysisError(reply.error));
        else {
          const { id: _, ...analysis } = reply;
          job.resolve(analysis);
        }
      }
      this.dispatch();
      this.notifyIdle();
    });
    // A thread that dies (out of memory, a crash in native code) fails the
    // file it was on (the first it was sent: it takes them in order); the
    // files sent after it go back to the queue for a fresh thread.
    const fail = (reason: string): void => {
      const [current, ...waiting] = slot.jobs.values();
      slot.jobs.clear();
      current?.reject(new AnalysisError(reason));
      if (this.closed) {
        for (const job of waiting) job.reject(new AnalysisError('not analysed: the run was stopped'));
        return this.notifyIdle();
      }
      this.queue.unshift(...waiting);
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      this.dispatch();
    };
    slot.worker.on('error', (e) => fail(`analysis failed: ${e.message}`));
    slot.worker.on('exit', (code) => {
      if (!this.closed) fail(`analysis thread stopped (exit code ${code})`);
    });
    slot.worker.unref();
    return slot;
  }

  private notifyIdle(): void {
    if (this.slots.every((s) => s.jobs.size === 0)) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private dispatch(): void {
    // one job to each thread in turn, so that every thread has work before any has two
    for (let depth = 1; depth <= JOBS_PER_THREAD; depth++) {
      for (const slot of this.slots) {
        if (slot.jobs.size >= depth || this.queue.length === 0) continue;
        const job = this.queue.shift()!;
        slot.jobs.set(job.id, job);
        slot.worker.ref();
        slot.worker.postMessage({ id: job.id, file: job.file, bytes: job.bytes, extract: job.extract });
      }
    }
    for (const slot of this.slots) if (slot.jobs.size === 0) slot.worker.unref();
  }

  analyze(file: string, bytes: Uint8Array, extract = true): Promise<Analysis> {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, file, bytes, extract, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Drops the files not yet started, waits for those being analysed, then
   * stops the threads: terminating a thread inside jieba's native code aborts
   * the whole process, so a thread is only ever stopped when idle.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AnalysisError('not analysed: the run was stopped'));
    if (this.slots.some((s) => s.jobs.size > 0)) await new Promise<void>((wake) => this.idleWaiters.push(wake));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
