// Comparing and characterising documents: compare, themes, keywords,
// collocates, export. The statistics live in src/query; this file formats.
import { InvalidArgumentError, type Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collocates, type CollocateMeasure, type CollocateRow } from '../../query/collocates.js';
import { compare, DEFAULT_MIN_SIMILARITY, type CompareResult, type GoalMatch, type InitiativePresence, type MetricPair } from '../../query/compare.js';
import { EXPORT_TABLES, exportTables } from '../../query/export.js';
import type { KeyTerm } from '../../query/keyness.js';
import { DEFAULT_MAX_DF, keywords, type KeywordRow } from '../../query/keywords.js';
import { SELECTION_HELP, type Selection } from '../../query/selection.js';
import { themes, type ThemeKind, type ThemeRow } from '../../query/themes.js';
import { addFormatOptions, bold, formatOf, printRows, toCsv, toTable, type Column, type Format } from '../output.js';
import { openForRead, type DB } from '../../store/db.js';
import { action, dbPath, EXIT_USAGE, integer, withDb, withDocFilter, withReadDb } from '../shared.js';

type FormatOpts = { json?: boolean; csv?: boolean; db?: string };

function oneOf<T extends string>(name: string, values: readonly T[]) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`${name} takes ${values.join(' or ')}`);
    return value as T;
  };
}

function fraction(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\s*(0|1|0?\.\d+|1\.0*)\s*$/.test(value) || !(n >= 0 && n <= 1)) {
      throw new InvalidArgumentError(`${name} takes a number from 0 to 1, not "${value}"`);
    }
    return n;
  };
}

/** withReadDb for queries that load a module on the way (natural's TfIdf). */
async function withReadDbAsync<T>(opts: { db?: string }, query: (db: DB) => Promise<T>): Promise<T> {
  const db = openForRead(dbPath(opts));
  try {
    return await query(db);
  } finally {
    db.close();
  }
}

const fixed = (digits: number) => (n: number | null): string => (n === null ? '' : n.toFixed(digits));

/** A quantity as a Chinese reader writes it: 1.6万亿, 1256万, 5.2. */
export function humanNumber(n: number): string {
  const abs = Math.abs(n);
  const trim = (x: number): string => String(Number(x.toFixed(2)));
  if (abs >= 1e12) return `${trim(n / 1e12)}万亿`;
  if (abs >= 1e8) return `${trim(n / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(n / 1e4)}万`;
  return trim(n);
}

const describe = (s: Selection): string =>
  `${s.label}: ${s.kind === 'doc' ? '' : s.docs.length === 1 ? `doc ${s.docs[0]}, ` : `${s.docs.length} docs, `}${s.tokens} tokens`;

// ---- compare ------------------------------------------------------------------

const SECTIONS = ['keyness', 'initiatives', 'metrics', 'goals'] as const;
type Section = (typeof SECTIONS)[number];

const KEYNESS_COLUMNS: Column<KeyTerm>[] = [
  { key: 'term' },
  { key: 'side' },
  { key: 'count_a' },
  { key: 'count_b' },
  { key: 'g2', show: (r) => r.g2.toFixed(2) },
  { key: 'log_ratio', show: (r) => r.log_ratio.toFixed(2) },
  { key: 'p' },
  { key: 'sig' },
];
const INITIATIVE_COLUMNS: Column<InitiativePresence>[] = [{ key: 'name' }, { key: 'in' }, { key: 'docs_a' }, { key: 'docs_b' }];
const METRIC_COLUMNS: Column<MetricPair>[] = [
  'subject', 'unit', 'year_offset', 'a_doc', 'a_raw', 'a_value', 'a_year', 'b_doc', 'b_raw', 'b_value', 'b_year', 'change', 'change_pct',
].map((key) => ({ key }));
const GOAL_COLUMNS: Column<GoalMatch>[] = ['status', 'plan_doc', 'plan_title', 'review_doc', 'review_title', 'similarity'].map((key) => ({
  key,
}));

interface KeyPair {
  a?: KeyTerm;
  b?: KeyTerm;
}

function keynessTable(result: CompareResult): string {
  const as = result.keyness.filter((t) => t.side === 'A');
  const bs = result.keyness.filter((t) => t.side === 'B');
  const rows: KeyPair[] = Array.from({ length: Math.max(as.length, bs.length) }, (_, i) => ({ a: as[i], b: bs[i] }));
  const g2 = (t?: KeyTerm): string => (t ? `${t.g2.toFixed(1)}${t.sig.padStart(4)}` : '');
  const lr = (t?: KeyTerm): string => (t ? t.log_ratio.toFixed(2) : '');
  const counts = (t?: KeyTerm): string => (t ? `${t.count_a}:${t.count_b}` : '');
  const side = (label: string, pick: (r: KeyPair) => KeyTerm | undefined): Column<KeyPair>[] => [
    { key: `${label}-term`, header: label, width: 16, show: (r) => pick(r)?.term ?? '' },
    { key: `${label}-n`, header: 'A:B', width: 11, align: 'right', show: (r) => counts(pick(r)) },
    { key: `${label}-g2`, header: 'G²', width: 11, align: 'right', show: (r) => g2(pick(r)) },
    { key: `${label}-lr`, header: 'LR', width: 7, align: 'right', show: (r) => lr(pick(r)) },
  ];
  if (!rows.length) return 'no terms to compare\n';
  return toTable(rows, [...side(result.a.label, (r) => r.a), ...side(result.b.label, (r) => r.b)]);
}

function initiativesTable(result: CompareResult): string {
  const pick = (where: InitiativePresence['in']): string[] => result.initiatives.filter((i) => i.in === where).map((i) => i.name);
  const only = { a: pick('A'), both: pick('both'), b: pick('B') };
  const n = Math.max(only.a.length, only.both.length, only.b.length);
  if (!n) return 'no initiatives in either\n';
  const rows = Array.from({ length: n }, (_, i) => ({ a: only.a[i] ?? '', both: only.both[i] ?? '', b: only.b[i] ?? '' }));
  return toTable(rows, [
    { key: 'a', header: `only in ${result.a.label} (${only.a.length})`, width: 31 },
    { key: 'both', header: `in both (${only.both.length})`, width: 31 },
    { key: 'b', header: `only in ${result.b.label} (${only.b.length})`, width: 31 },
  ]);
}

function changeText(m: MetricPair): string {
  const sign = m.change > 0 ? '+' : '';
  const points = m.unit === '%' ? '个百分点' : m.unit;
  const relative = m.change_pct !== null && m.unit !== '%' && m.unit !== '百分点' ? ` (${sign}${m.change_pct.toFixed(1)}%)` : '';
  return m.change === 0 ? '=' : `${sign}${humanNumber(m.change)}${points}${relative}`;
}

function metricsTable(result: CompareResult): string {
  if (!result.metrics.length) return 'no figure of the same subject and unit in both\n';
  const stated = (raw: string, year: number | null): string => (year === null ? raw : `${raw} (${year})`);
  return toTable(result.metrics, [
    { key: 'subject', width: 24 },
    { key: 'unit', width: 6 },
    { key: 'a', header: result.a.label, width: 20, show: (m) => stated(m.a_raw, m.a_year) },
    { key: 'b', header: result.b.label, width: 20, show: (m) => stated(m.b_raw, m.b_year) },
    { key: 'change', width: 24, show: changeText },
  ]);
}

function goalsTable(result: CompareResult): string {
  if (!result.goals.length) return `no plan goals in ${result.a.label} and no review goals in ${result.b.label}\n`;
  return toTable(result.goals, [
    { key: 'status', width: 9 },
    { key: 'plan_title', header: `plan of ${result.a.label}`, width: 39 },
    { key: 'review_title', header: `review in ${result.b.label}`, width: 39 },
    { key: 'similarity', header: 'sim', width: 6, align: 'right', show: (g) => fixed(2)(g.similarity) },
  ]);
}

function printCompare(result: CompareResult, format: Format, only: Section | undefined): void {
  const sections: Record<Section, { rows: object[]; columns: Column<never>[] }> = {
    keyness: { rows: result.keyness, columns: KEYNESS_COLUMNS as Column<never>[] },
    initiatives: { rows: result.initiatives, columns: INITIATIVE_COLUMNS as Column<never>[] },
    metrics: { rows: result.metrics, columns: METRIC_COLUMNS as Column<never>[] },
    goals: { rows: result.goals, columns: GOAL_COLUMNS as Column<never>[] },
  };
  if (format === 'json') {
    process.stdout.write(JSON.stringify(only ? sections[only].rows : result, null, 2) + '\n');
    return;
  }
  if (format === 'csv') {
    const s = sections[only!];
    process.stdout.write(toCsv(s.rows, s.columns.map((c) => c.key)));
    return;
  }
  const parts: Record<Section, () => string> = {
    keyness: () =>
      `${bold('Key terms')}, more frequent on each side; A:B = counts, LR = log2 of the ratio of rates,\n` +
      `G² = log-likelihood (* p<.05 ** p<.01 *** p<.001 **** p<.0001)\n` +
      keynessTable(result),
    initiatives: () => `${bold('Initiatives')}\n${initiativesTable(result)}`,
    metrics: () => `${bold('Figures of the same subject and unit')} — change from ${result.a.label} to ${result.b.label}\n${metricsTable(result)}`,
    goals: () =>
      `${bold(`Plan goals of ${result.a.label} in the review of ${result.b.label}`)} — carried, dropped, new\n${goalsTable(result)}`,
  };
  const out = [`A = ${bold(describe(result.a))}   B = ${bold(describe(result.b))}\n`];
  for (const s of only ? [only] : SECTIONS) out.push(parts[s]());
  process.stdout.write(out.join('\n'));
}

function registerCompare(program: Command): void {
  addFormatOptions(
    withDb(
      program
        .command('compare')
        .description(
          'two years, documents or organisations side by side: key terms, initiatives, shared figures, and plan goals of A found in the review of B',
        )
        .argument('<a>', 'the first side (put the earlier year first: its plan is checked against the later review)')
        .argument('<b>', 'the second side')
        .option('--org', 'read A and B as organisation text: the documents whose org contains it')
        .option('--only <section>', `one section: ${SECTIONS.join(', ')} (needed with --csv)`, oneOf('--only', SECTIONS))
        .option('--top <n>', 'key terms per side', integer('--top', 1), 15)
        .option('--min-len <n>', 'shortest key term, in characters', integer('--min-len', 1), 2)
        .option(
          '--min-similarity <x>',
          'least TF-IDF cosine similarity for a plan goal and a review goal to be the same (0–1)',
          fraction('--min-similarity'),
          DEFAULT_MIN_SIMILARITY,
        )
        .addHelpText(
          'after',
          `\nA and B: ${SELECTION_HELP}.\n\nExamples:\n  policy-miner compare 2024 2025\n  policy-miner compare doc:3 doc:7 --only keyness --csv\n  policy-miner compare 深圳 广州 --org`,
        ),
    ),
  ).action(
    action(async (a: string, b: string, opts: FormatOpts & { org?: boolean; only?: Section; top: number; minLen: number; minSimilarity: number }) => {
      const format = formatOf(opts);
      if (format === 'csv' && !opts.only) {
        process.stderr.write(`policy-miner: --csv prints one table: add --only ${SECTIONS.join('|')}\n`);
        return EXIT_USAGE;
      }
      const result = await withReadDbAsync(opts, (db) =>
        compare(db, a, b, { org: Boolean(opts.org), top: opts.top, minLen: opts.minLen, minSimilarity: opts.minSimilarity }),
      );
      if (result.shared_docs.length) {
        process.stderr.write(`policy-miner: note: documents ${result.shared_docs.join(', ')} are on both sides\n`);
      }
      printCompare(result, format, opts.only);
    }),
  );
}

// ---- themes ---------------------------------------------------------------------

const THEME_COLUMNS: Column<ThemeRow>[] = [
  { key: 'theme', width: 24 },
  { key: 'kind', width: 8 },
  { key: 'docs', align: 'right', width: 6 },
  { key: 'years', align: 'right', width: 7 },
  { key: 'count', align: 'right', width: 8 },
  { key: 'first', align: 'right', width: 7 },
  { key: 'last', align: 'right', width: 6 },
];

function registerThemes(program: Command): void {
  addFormatOptions(
    withDb(
      program
        .command('themes')
        .description('recurring themes: terms and two-word phrases by the number of documents and years using them')
        .option('--since <year>', 'only documents of this year or later', integer('--since'))
        .option('--until <year>', 'only documents of this year or earlier', integer('--until'))
        .option('--min-docs <n>', 'least number of documents', integer('--min-docs', 1), 2)
        .option('--top <n>', 'rows of each kind', integer('--top', 1), 30)
        .option('--kind <kind>', 'term, phrase or all', oneOf('--kind', ['term', 'phrase', 'all'] as const), 'all')
        .option('--min-len <n>', 'shortest word, in characters (each word of a phrase too)', integer('--min-len', 1), 2),
    ),
  ).action(
    action((opts: FormatOpts & { since?: number; until?: number; minDocs: number; top: number; kind: ThemeKind | 'all'; minLen: number }) => {
      const rows = withReadDb(opts, (db) => themes(db, opts));
      printRows(rows, THEME_COLUMNS, formatOf(opts));
    }),
  );
}

// ---- keywords -------------------------------------------------------------------

const KEYWORD_COLUMNS: Column<KeywordRow>[] = [
  { key: 'term', width: 24 },
  { key: 'count', align: 'right', width: 8 },
  { key: 'docs', align: 'right', width: 7 },
  { key: 'idf', align: 'right', width: 8, show: (r) => r.idf.toFixed(4) },
  { key: 'tfidf', align: 'right', width: 10, show: (r) => r.tfidf.toFixed(2) },
];

function registerKeywords(program: Command): void {
  addFormatOptions(
    withDb(
      program
        .command('keywords')
        .description("a document's distinctive terms: TF-IDF against the other documents (natural's TfIdf over our segmentation)")
        .argument('<doc>', 'a document id, a year or an organisation (see below)')
        .option('--org', 'read DOC as organisation text')
        .option('--top <n>', 'terms to show', integer('--top', 1), 20)
        .option('--min-len <n>', 'shortest term, in characters', integer('--min-len', 1), 2)
        .option('--pos <tags>', 'only these jieba part-of-speech tags, by prefix, comma-separated (n = nouns, v = verbs …)')
        .option('--max-df <share>', 'leave out terms in more than this share of the documents (1 keeps all)', fraction('--max-df'), DEFAULT_MAX_DF)
        .addHelpText(
          'after',
          `\nDOC: ${SELECTION_HELP}. Several documents (a year of several reports, an organisation) are weighed as one.\n` +
            'tfidf = count × idf, idf = 1 + ln(N / (1 + docs)), N = documents weighed (natural\'s definitions).',
        ),
    ),
  ).action(
    action(async (doc: string, opts: FormatOpts & { org?: boolean; top: number; minLen: number; pos?: string; maxDf: number }) => {
      const pos = opts.pos?.split(',').map((p) => p.trim()).filter(Boolean);
      const result = await withReadDbAsync(opts, (db) => keywords(db, doc, { top: opts.top, minLen: opts.minLen, pos, org: Boolean(opts.org), maxDf: opts.maxDf }));
      const format = formatOf(opts);
      if (format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else {
        if (format === 'table') process.stdout.write(`${bold(describe(result.selection))}, against ${result.corpus_docs - 1} other documents\n`);
        printRows(result.terms, KEYWORD_COLUMNS, format);
      }
    }),
  );
}

// ---- collocates -----------------------------------------------------------------

const COLLOCATE_COLUMNS: Column<CollocateRow>[] = [
  { key: 'collocate', width: 22 },
  { key: 'count', align: 'right', width: 7 },
  { key: 'left', align: 'right', width: 6 },
  { key: 'right', align: 'right', width: 7 },
  { key: 'freq', align: 'right', width: 8 },
  { key: 'expected', align: 'right', width: 10, show: (r) => r.expected.toFixed(2) },
  { key: 'g2', header: 'G²', align: 'right', width: 10, show: (r) => r.g2.toFixed(2) },
  { key: 'pmi', align: 'right', width: 7, show: (r) => r.pmi.toFixed(2) },
];

function registerCollocates(program: Command): void {
  addFormatOptions(
    withDocFilter(
      withDb(
        program
          .command('collocates')
          .description('words that keep company with a term within a window of words in one sentence, by log-likelihood or PMI')
          .argument('<term>', 'a word (or words the segmenter cut it into, e.g. 数字经济)')
          .option('--window <n>', 'words on each side', integer('--window', 1), 5)
          .option('--by <measure>', 'rank by ll (log-likelihood G²) or pmi', oneOf('--by', ['ll', 'pmi'] as const), 'll')
          .option('--min-count <n>', 'least co-occurrences', integer('--min-count', 1), 2)
          .option('--top <n>', 'collocates to show', integer('--top', 1), 20)
          .option('--min-len <n>', 'shortest collocate, in characters', integer('--min-len', 1), 2)
          .addHelpText(
            'after',
            '\ncount = collocate tokens within the window (a token near two occurrences counts once), freq = its tokens in all;\n' +
              'expected = freq × window tokens / all tokens (the term\'s own tokens left out), pmi = log2(count / expected),\n' +
              'G² over the 2×2 table (in a window or not × the collocate or not). Only words seen more often than expected are listed.',
          ),
      ),
    ),
  ).action(
    action((term: string, opts: FormatOpts & { year?: number; doc?: number; window: number; by: CollocateMeasure; minCount: number; top: number; minLen: number }) => {
      const result = withReadDb(opts, (db) => collocates(db, term, opts));
      const format = formatOf(opts);
      if (format === 'json') {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return;
      }
      printRows(result.collocates, COLLOCATE_COLUMNS, format);
      if (format === 'table') {
        process.stdout.write(
          `${bold(result.term)}: ${result.occurrences} occurrences, ${result.window_tokens} tokens in ±${opts.window}-word windows, ${result.total_tokens} tokens in all\n`,
        );
      }
    }),
  );
}

// ---- export -----------------------------------------------------------------------

interface ExportRow {
  table: string;
  file: string;
  rows: number;
}

const BOM = '\ufeff';

function registerExport(program: Command): void {
  addFormatOptions(
    withDocFilter(
      withDb(
        program
          .command('export')
          .description('every table as CSV (UTF-8 with a BOM, so Excel reads Chinese) or JSON Lines, one file per table, into a folder')
          .argument('<dir>', 'folder to write into (created if missing; files of the same names are replaced)')
          .option('--format <format>', 'csv or jsonl', oneOf('--format', ['csv', 'jsonl'] as const), 'csv')
          .option('--tables <names>', `comma-separated, from ${EXPORT_TABLES.join(', ')} (default: all)`)
          .option('--text', "add the documents' cleaned text to documents"),
      ),
    ),
  ).action(
    action((dir: string, opts: FormatOpts & { year?: number; doc?: number; format: 'csv' | 'jsonl'; tables?: string; text?: boolean }) => {
      const tables = opts.tables?.split(',').map((t) => t.trim()).filter(Boolean);
      const out = withReadDb(opts, (db) => exportTables(db, { ...opts, tables }));
      mkdirSync(dir, { recursive: true });
      const written: ExportRow[] = out.map((t) => {
        const file = join(dir, `${t.name}.${opts.format}`);
        const body =
          opts.format === 'csv'
            ? BOM + toCsv(t.rows, t.columns)
            : t.rows.map((r) => JSON.stringify(Object.fromEntries(t.columns.map((c) => [c, r[c] ?? null])))).join('\n') + (t.rows.length ? '\n' : '');
        writeFileSync(file, body);
        return { table: t.name, file, rows: t.rows.length };
      });
      printRows(written, [{ key: 'table', width: 22 }, { key: 'file', width: 50 }, { key: 'rows', align: 'right', width: 10 }], formatOf(opts));
    }),
  );
}

export function registerAnalysis(program: Command): void {
  registerCompare(program);
  registerThemes(program);
  registerKeywords(program);
  registerCollocates(program);
  registerExport(program);
}
