// Opening the database: WAL, foreign keys, migrations, and refusing files
// that are not ours instead of writing into them.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type DB = Database.Database;

/** A problem the user can fix; the CLI prints the message, not a stack trace. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

const APPLICATION_ID = 0x504d494e; // "PMIN": marks a file as a policy-miner database

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.POLICY_MINER_DB || 'policy-miner.db';
}

function userTables(db: DB): number {
  const row = db
    .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n;
}

/** Refuses, before anything is written, a file that is another program's database or a newer one of ours. */
function assertWritable(db: DB, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== APPLICATION_ID) {
    if (userTables(db) > 0) {
      throw new StoreError(`${path} is not a policy-miner database; choose another path with --db`);
    }
  } else if (version > SCHEMA_VERSION) {
    throw new StoreError(
      `${path} was written by a newer policy-miner (schema ${version}, this one knows ${SCHEMA_VERSION}); upgrade policy-miner`,
    );
  }
}

function migrate(db: DB): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId === APPLICATION_ID && version === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = appId === APPLICATION_ID ? version : 0; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function wrapOpen<T>(path: string, open: () => T): T {
  try {
    return open();
  } catch (e) {
    if (e instanceof StoreError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/not a database|malformed|file is encrypted/i.test(message)) {
      throw new StoreError(`${path} is not a policy-miner database (${message}); choose another path with --db`);
    }
    throw new StoreError(`cannot open database ${path}: ${message}`);
  }
}

/** Opens (creating if needed) a database to write into. */
export function openForWrite(path: string): DB {
  return wrapOpen(path, () => {
    const db = new Database(path);
    try {
      db.pragma('busy_timeout = 5000');
      assertWritable(db, path);
      // A new database gets 16 KiB pages (set before its first write): the
      // full-text segments and term rows of an ingest take ~13 % less time
      // to write than with the default 4 KiB, in a file of the same size.
      if ((db.pragma('page_count', { simple: true }) as number) === 0) db.pragma('page_size = 16384');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Checkpoints every 128 MiB of log instead of SQLite's 16 MiB (1000
      // pages): the pages every file's transaction rewrites (the tails of the
      // tables it appends to) are then copied into the database once per
      // checkpoint instead of eight times; at 50 MB of input the writing
      // thread spent ~2 s less in commits. The log is bounded all the same.
      db.pragma('wal_autocheckpoint = 8192');
      db.pragma('foreign_keys = ON');
      migrate(db);
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  });
}

/** Opens an existing database for queries; never creates or changes it. */
export function openForRead(path: string): DB {
  if (!existsSync(path)) {
    throw new StoreError(`no database at ${path}: run \`policy-miner ingest corpus\` first (or name one with --db)`);
  }
  return wrapOpen(path, () => {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      // Counting a frequent phrase reads megabytes of paragraphs: mapped
      // pages and a larger cache spare a copy per page read (~40 % here).
      db.pragma('mmap_size = 1073741824');
      db.pragma('cache_size = -65536');
      const appId = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      if (appId !== APPLICATION_ID) throw new StoreError(`${path} is not a policy-miner database`);
      if (version !== SCHEMA_VERSION) {
        throw new StoreError(
          `${path} has schema ${version}, this policy-miner uses ${SCHEMA_VERSION}: run \`policy-miner ingest\` once to migrate it`,
        );
      }
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  });
}
