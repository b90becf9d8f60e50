// `policy-miner serve`: the web app over one database, read-only. Node's own
// http module; the static front end is plain files, the API is api.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openForRead, type DB } from '../store/db.js';
import { handleApi } from './api.js';
import { chartJsSource } from './assets.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './defaults.js';

// tsc copies only .ts to dist/, so both src/web/ and dist/web/ read the front
// end from src/web/static/ (package.json "files" ships it).
const STATIC_DIR = fileURLToPath(new URL('../../src/web/static/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// Nothing runs but our own scripts: a document's text that slipped into the
// page as markup still could not execute.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export interface ServeOptions {
  db: string;
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Loads the front end once: the files are few and small, and a fixed set cannot be walked out of. */
function loadStatic(): Map<string, { type: string; body: Buffer }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const name of readdirSync(STATIC_DIR)) {
    const type = TYPES[extname(name)];
    if (type) files.set(`/static/${name}`, { type, body: readFileSync(STATIC_DIR + name) });
  }
  files.set('/', files.get('/static/index.html')!);
  files.set('/static/chart.umd.js', { type: TYPES['.js']!, body: Buffer.from(chartJsSource()) });
  return files;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown, head: boolean): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), head);

export function requestHandler(db: DB, options: { loopbackOnly: boolean }) {
  const files = loadStatic();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      sendJson(res, 405, { error: `${req.method} is not allowed: this server only reads` }, head);
      return;
    }
    // A page elsewhere could point a hostname of its own at 127.0.0.1 (DNS
    // rebinding) and read the database through the browser; on loopback,
    // answer only requests addressed to a loopback name.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (options.loopbackOnly && !LOOPBACK_NAMES.has(host)) {
      sendJson(res, 421, { error: `this server answers requests for localhost or 127.0.0.1, not "${host}"` }, head);
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJson(res, 400, { error: 'malformed request URL' }, head);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      try {
        const answer = await handleApi(db, url.pathname.slice('/api/'.length), url.searchParams);
        sendJson(res, answer.status, answer.body, head);
      } catch (e) {
        process.stderr.write(`policy-miner: ${req.url}: ${(e as Error).message}\n`);
        sendJson(res, 500, { error: `internal error: ${(e as Error).message}` }, head);
      }
      return;
    }
    const file = files.get(url.pathname);
    if (file) send(res, 200, file.type, file.body, head);
    else sendJson(res, 404, { error: `nothing at ${url.pathname}` }, head);
  };
}

/** Opens the database read-only and listens; resolves once the port is bound. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const db = openForRead(options.db);
  // Belt and braces over the read-only open: no statement may write.
  db.pragma('query_only = ON');
  const host = options.host ?? DEFAULT_HOST;
  const loopbackOnly = options.host === undefined || LOOPBACK_NAMES.has(host) || host === '::1';
  const server = createServer(requestHandler(db, { loopbackOnly }));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    db.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
