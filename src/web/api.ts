// The JSON API behind the web app: one route per query, the same row types
// as the CLI's --json, parameters checked as strictly as the CLI checks its
// options. Pure: a database and a URL in, a status and a body out.
import { compare } from '../query/compare.js';
import { listDocs } from '../query/docs.js';
import { QueryError } from '../query/errors.js';
import { freq } from '../query/freq.js';
import { listGoals, listInitiatives, listMetrics } from '../query/listings.js';
import { countByYear, parseQuery, search, type SearchResult } from '../query/search.js';
import { themes } from '../query/themes.js';
import { trend } from '../query/trend.js';
import type { DB } from '../store/db.js';
import { paragraphCandidates } from '../store/read.js';
import { documentView } from './document.js';

/** A request the caller can fix: answered with this status and the message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

/** The query string of one request, read once per parameter; unknown names are refused. */
export class Params {
  private readonly used = new Set<string>();

  constructor(private readonly search: URLSearchParams) {}

  private take(name: string): string[] {
    this.used.add(name);
    return this.search.getAll(name).filter((v) => v.trim() !== '');
  }

  string(name: string): string | undefined {
    const values = this.take(name);
    if (values.length > 1) throw new ApiError(400, `${name} given ${values.length} times; give it once`);
    return values[0];
  }

  required(name: string, hint: string): string {
    const value = this.string(name);
    if (value === undefined) throw new ApiError(400, `${name} is missing: ${hint}`);
    return value;
  }

  /** Every value of a repeated parameter, also split at commas (term=a&term=b or term=a,b). */
  list(name: string): string[] {
    return this.take(name).flatMap((v) => v.split(/[,，]/)).map((v) => v.trim()).filter(Boolean);
  }

  integer(name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      const range = max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : min > 0 ? ` of ${min} or more` : '';
      throw new ApiError(400, `${name} takes a whole number${range}, not "${value}"`);
    }
    return n;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value !== undefined && !(values as readonly string[]).includes(value)) {
      throw new ApiError(400, `${name} takes ${values.join(' or ')}, not "${value}"`);
    }
    return value as T | undefined;
  }

  /** Called after a route read its parameters: a typo is an error, not a silent no-op. */
  done(): void {
    const unknown = [...new Set(this.search.keys())].filter((k) => !this.used.has(k));
    if (unknown.length) throw new ApiError(400, `unknown parameter ${unknown.join(', ')}`);
  }
}

const docFilter = (p: Params) => ({ year: p.integer('year'), doc: p.integer('doc', 1) });

export interface SearchAnswer extends SearchResult {
  /** hits per document year (documents without a year left out), all hits counted */
  years: { year: number; count: number }[];
}

/** Search as the CLI's --json gives it, plus the count of hits per year for the chart. */
export function searchWithYears(db: DB, query: string, options: Parameters<typeof search>[2] = {}): SearchAnswer {
  const { limit = Infinity, ...rest } = options;
  const terms = parseQuery(query);
  const years = (perYear: Iterable<[number, number]>) =>
    [...perYear].filter(([, count]) => count > 0).sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count }));
  if (terms.length === 1) {
    // one hit per occurrence: the years are counted in SQLite, and only the hits shown are built
    // the pair index read once for both
    const narrowed = paragraphCandidates(db, terms);
    const counted = countByYear(db, terms[0]!, rest, narrowed);
    return { ...search(db, query, options, narrowed), years: years(counted.map((r) => [r.year, r.count])) };
  }
  // several words: one hit per sentence holding them all, so every hit is found to count it
  const all = search(db, query, rest);
  const perYear = new Map<number, number>();
  for (const h of all.hits) if (h.year !== null) perYear.set(h.year, (perYear.get(h.year) ?? 0) + 1);
  return { query: all.query, total: all.total, hits: all.hits.slice(0, limit), years: years(perYear) };
}

export type Route = (db: DB, p: Params, path: string[]) => unknown;

export const ROUTES: Record<string, Route> = {
  docs: (db, p) => listDocs(db, docFilter(p)),
  doc: (db, _p, path) => {
    const id = Number(path[0]);
    if (path.length !== 1 || !/^\d+$/.test(path[0] ?? '') || id < 1) throw new ApiError(404, 'use /api/doc/ID with a document id');
    try {
      return documentView(db, id);
    } catch (e) {
      if (e instanceof QueryError) throw new ApiError(404, e.message);
      throw e;
    }
  },
  search: (db, p) =>
    searchWithYears(db, p.required('q', 'give the words to search for as ?q='), {
      ...docFilter(p),
      context: p.integer('context', 0, 500) ?? 20,
      limit: p.integer('limit', 1, 10000) ?? 50,
    }),
  trend: (db, p) => {
    const terms = p.list('term');
    if (terms.length === 0) throw new ApiError(400, 'term is missing: give one or more as ?term=医共体&term=分级诊疗');
    return trend(db, terms, docFilter(p));
  },
  freq: (db, p) =>
    freq(db, {
      ...docFilter(p),
      top: p.integer('top', 1, 1000) ?? 20,
      by: p.oneOf('by', ['year', 'doc'] as const),
      pos: p.list('pos'),
      minLen: p.integer('min_len', 1) ?? 2,
    }),
  goals: (db, p) =>
    listGoals(db, { ...docFilter(p), kind: p.oneOf('kind', ['plan', 'review'] as const), depth: p.integer('depth', 1) }),
  metrics: (db, p) =>
    listMetrics(db, {
      ...docFilter(p),
      subject: p.string('subject'),
      unit: p.string('unit'),
      change: p.oneOf('change', ['increase', 'decrease', 'none'] as const),
    }),
  initiatives: (db, p) => listInitiatives(db, { ...docFilter(p), name: p.string('name') }),
  compare: (db, p) =>
    compare(db, p.required('a', 'give the first side as ?a=2024 (a year, a document id, doc:N or org:TEXT)'),
      p.required('b', 'give the second side as ?b=2025'), { top: p.integer('top', 1, 200) ?? 15 }),
  themes: (db, p) =>
    themes(db, {
      since: p.integer('since'),
      until: p.integer('until'),
      top: p.integer('top', 1, 1000) ?? 30,
      minDocs: p.integer('min_docs', 1) ?? 2,
      kind: p.oneOf('kind', ['term', 'phrase', 'all'] as const),
    }),
};

/** Answers one API request: `path` is what follows /api/. */
export async function handleApi(db: DB, path: string, query: URLSearchParams): Promise<ApiResponse> {
  const [name = '', ...rest] = path.split('/').filter(Boolean);
  const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  try {
    if (!route) throw new ApiError(404, `no API route /api/${name}; try ${Object.keys(ROUTES).map((r) => `/api/${r}`).join(', ')}`);
    const params = new Params(query);
    const body = await route(db, params, rest);
    params.done();
    return { status: 200, body };
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, body: { error: e.message } };
    if (e instanceof QueryError) return { status: 400, body: { error: e.message } };
    throw e;
  }
}
