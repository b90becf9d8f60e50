import type { Command } from 'commander';
import type { IngestSummary } from '../../ingest.js';
import { openForWrite } from '../../store/db.js';
import { bold } from '../output.js';
import { action, dbPath, EXIT_FAILURE, EXIT_OK, integer, withDb } from '../shared.js';

/** The shell's code for a command stopped by SIGINT (128 + 2). */
const EXIT_INTERRUPTED = 130;

/** A one-line progress bar, redrawn in place; only on a terminal. */
function progressBar(stream: NodeJS.WriteStream) {
  if (!stream.isTTY) return undefined;
  const started = Date.now();
  return (done: number, total: number, file: string): void => {
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    const name = file.length > 40 ? `…${file.slice(-39)}` : file;
    stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${secs}s ${name}`);
    if (done === total) stream.write('\r\x1b[K');
  };
}

function printSummary(s: IngestSummary, db: string): void {
  const lines = [
    `${bold('ingested')} ${s.files} files into ${db}: ${s.added} added, ${s.replaced} replaced, ${s.unchanged} unchanged`,
    `  documents     ${s.documents}`,
    `  characters    ${s.characters}`,
    `  tokens        ${s.tokens}`,
    `  goals         ${s.goals}`,
    `  metrics       ${s.metrics}`,
    `  initiatives   ${s.initiatives}`,
    `  skipped       ${s.skipped.length}`,
    ...s.skipped.map((k) => `    ${k.file}: ${k.reason}`),
    ...(s.interrupted ? ['interrupted: run the same ingest again to read the remaining files'] : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

export function registerIngest(program: Command): void {
  withDb(
    program
      .command('ingest')
      .description('read files or folders (recursively) of Chinese documents into the database')
      .argument('<paths...>', 'files or folders (folders: every .txt .md .docx .pdf .html .htm .xml below them)')
      .option('--json', 'print the summary as JSON')
      .option('--workers <n>', 'analysis threads (default: one per core but the writing one, up to 4; 0 = none)', integer('--workers')),
  ).action(
    action(async (paths: string[], opts: { db?: string; json?: boolean; workers?: number }) => {
      const path = dbPath(opts);
      const db = openForWrite(path);
      let summary: IngestSummary;
      // Ctrl-C stops after the file being written (each file is one
      // transaction); a second Ctrl-C quits at once, which is safe too.
      const controller = new AbortController();
      const onInterrupt = (): void => {
        if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
        controller.abort();
        process.stderr.write('\npolicy-miner: interrupted, stopping after the current file (Ctrl-C again to quit now)\n');
      };
      process.on('SIGINT', onInterrupt);
      try {
        const onProgress = progressBar(process.stderr);
        // loaded here: the readers of every format cost a query command ~100 ms to load
        const { ingest } = await import('../../ingest.js');
        summary = await ingest(db, paths, {
          signal: controller.signal,
          ...(opts.workers === undefined ? {} : { workers: opts.workers }),
          ...(onProgress ? { onProgress } : {}),
        });
      } finally {
        process.off('SIGINT', onInterrupt);
        db.close();
      }
      for (const k of summary.skipped) process.stderr.write(`policy-miner: skipped ${k.file}: ${k.reason}\n`);
      if (opts.json) process.stdout.write(JSON.stringify({ db: path, ...summary }, null, 2) + '\n');
      else printSummary(summary, path);
      if (summary.interrupted) return EXIT_INTERRUPTED;
      return summary.skipped.length ? EXIT_FAILURE : EXIT_OK;
    }),
  );
}
