// What every command shares: the database path, the document filters, number
// parsing, and turning known failures into one line on stderr.
import { InvalidArgumentError, type Command } from 'commander';
import { DecodeError } from '../normalize/decode.js';
import { QueryError } from '../query/errors.js';
import { defaultDbPath, openForRead, StoreError, type DB } from '../store/db.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function withDb(cmd: Command): Command {
  return cmd.option('--db <path>', 'database file (default: $POLICY_MINER_DB, else ./policy-miner.db)');
}

export const dbPath = (opts: { db?: string }): string => opts.db ?? defaultDbPath();

export function integer(name: string, min = 0) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} takes a whole number${min > 0 ? ` of ${min} or more` : ''}, not "${value}"`);
    }
    return n;
  };
}

export function withDocFilter(cmd: Command): Command {
  return cmd
    .option('--year <year>', 'only documents about this year', integer('--year'))
    .option('--doc <id>', 'only this document (an id from `docs`)', integer('--doc', 1));
}

/** Opens the database read-only, runs the query, closes it. */
export function withReadDb<T>(opts: { db?: string }, query: (db: DB) => T): T {
  const db = openForRead(dbPath(opts));
  try {
    return query(db);
  } finally {
    db.close();
  }
}

export function isUserError(e: unknown): e is Error {
  return e instanceof StoreError || e instanceof QueryError || e instanceof DecodeError;
}

/** Wraps an action: known failures print one line and exit 1, never a stack trace. */
export function action<A extends unknown[]>(fn: (...args: A) => void | number | Promise<void | number>) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (isUserError(e)) process.stderr.write(`policy-miner: ${e.message}\n`);
      else if (err?.code === 'ENOENT' || err?.code === 'EACCES' || err?.code === 'EISDIR') {
        process.stderr.write(`policy-miner: ${err.message}\n`);
      } else {
        process.stderr.write(`policy-miner: unexpected error: ${err?.message ?? String(e)}\n`);
        if (process.env.POLICY_MINER_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
      }
      process.exitCode = EXIT_FAILURE;
    }
  };
}
