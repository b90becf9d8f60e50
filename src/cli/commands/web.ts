// `serve` (the web app over the database) and `report` (one self-contained HTML file).
import { InvalidArgumentError, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../web/defaults.js';
import { action, dbPath, EXIT_FAILURE, integer, withDb, withReadDb } from '../shared.js';

function port(value: string): number {
  const n = integer('--port')(value);
  if (n > 65535) throw new InvalidArgumentError(`--port takes a number from 0 to 65535, not "${value}"`);
  return n;
}

function registerServe(program: Command): void {
  withDb(
    program
      .command('serve')
      .description('browse the database in a web browser: search, documents, trends, compare, initiatives (read-only)')
      .option('--port <n>', 'port to listen on (0 = any free port)', port, DEFAULT_PORT)
      .option('--host <address>', `address to listen on; other than loopback, anyone who can reach it can read the database`, DEFAULT_HOST),
  ).action(
    action(async (opts: { db?: string; port: number; host: string }, cmd: Command) => {
      // Only a host the user typed leaves loopback (and its Host-header check) behind.
      const explicitHost = cmd.getOptionValueSource('host') === 'cli';
      let running;
      try {
        const { startServer } = await import('../../web/server.js');
        running = await startServer({ db: dbPath(opts), port: opts.port, ...(explicitHost ? { host: opts.host } : {}) });
      } catch (e) {
        const reason = listenFailure(e as NodeJS.ErrnoException, opts);
        if (!reason) throw e;
        process.stderr.write(`policy-miner: ${reason}\n`);
        return EXIT_FAILURE;
      }
      // The address is the command's result: stdout, one line, so scripts can read the chosen port.
      process.stdout.write(`${running.url}\n`);
      if (explicitHost && !['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
        process.stderr.write(`policy-miner: listening on ${opts.host}: anyone who can reach this address can read the database\n`);
      }
      process.stderr.write(`serving ${dbPath(opts)} read-only; Ctrl-C to stop\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    }),
  );
}

/** A failure to listen that the user fixes with an option, said in one line. */
function listenFailure(err: NodeJS.ErrnoException, opts: { port: number; host: string }): string | undefined {
  switch (err.code) {
    case 'EADDRINUSE':
      return `port ${opts.port} is in use: choose another with --port (0 picks a free one)`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${opts.host}: not an address of this machine`;
    case 'EACCES':
      return `not allowed to listen on port ${opts.port}: choose one above 1023`;
    default:
      return undefined;
  }
}

function registerReport(program: Command): void {
  withDb(
    program
      .command('report')
      .description('write one self-contained HTML file (overview, themes, initiative trends, goal outlines) to share')
      .requiredOption('--out <file>', 'the HTML file to write')
      .option('--title <text>', 'heading of the report', 'policy-miner report')
      .option('--top <n>', 'themes and initiatives shown', integer('--top', 1), 20),
  ).action(
    action(async (opts: { db?: string; out: string; title: string; top: number }) => {
      const { buildReport } = await import('../../web/report.js');
      const html = withReadDb(opts, (db) => buildReport(db, { title: opts.title, top: opts.top, database: dbPath(opts) }));
      writeFileSync(opts.out, html);
      process.stderr.write(`wrote ${opts.out} (${Math.round(Buffer.byteLength(html) / 1024)} KB)\n`);
    }),
  );
}

export function registerWeb(program: Command): void {
  registerServe(program);
  registerReport(program);
}
