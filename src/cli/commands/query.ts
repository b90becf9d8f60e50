// The text queries: docs, search, freq, trend.
import { InvalidArgumentError, type Command } from 'commander';
import { listDocs, type DocRow } from '../../query/docs.js';
import { freq, type FreqGroup, type FreqRow } from '../../query/freq.js';
import { search } from '../../query/search.js';
import { trend, type TrendRow } from '../../query/trend.js';
import { addFormatOptions, bold, dim, displayWidth, formatOf, highlight, printRows, toCsv, type Column } from '../output.js';
import { action, integer, withDb, withDocFilter, withReadDb } from '../shared.js';

type FormatOpts = { json?: boolean; csv?: boolean; db?: string; year?: number; doc?: number };

// Fits a 100-column terminal; JSON and CSV carry review_year and plan_year too.
const DOC_COLUMNS: Column<DocRow>[] = [
  { key: 'id', align: 'right', width: 4 },
  { key: 'title', width: 28 },
  { key: 'year', align: 'right', width: 6 },
  { key: 'review_year', header: 'review', align: 'right', width: 8 },
  { key: 'plan_year', header: 'plan', align: 'right', width: 6 },
  { key: 'org', width: 10 },
  { key: 'script', width: 8, show: (d) => (d.script === 'traditional' ? 'trad' : 'simp') },
  { key: 'chars', align: 'right', width: 7 },
  { key: 'source', width: 13 },
];

function registerDocs(program: Command): void {
  addFormatOptions(withDocFilter(withDb(program.command('docs').description('list the documents in the database')))).action(
    action((opts: FormatOpts) => {
      const rows = withReadDb(opts, (db) => listDocs(db, opts));
      printRows(rows, DOC_COLUMNS, formatOf(opts));
    }),
  );
}

function registerSearch(program: Command): void {
  addFormatOptions(
    withDocFilter(
      withDb(
        program
          .command('search')
          .description('keyword in context: every occurrence, exact; several words = all in one sentence, "quoted" = exact phrase')
          .argument('<query...>', 'words or a "quoted phrase"')
          .option('--context <n>', 'characters shown on each side', integer('--context'), 20)
          .option('--limit <n>', 'hits shown (the total counts all)', integer('--limit', 1), 50),
      ),
    ),
  ).action(
    action((words: string[], opts: FormatOpts & { context: number; limit: number }) => {
      const result = withReadDb(opts, (db) => search(db, words.join(' '), opts));
      const format = formatOf(opts);
      if (format === 'json') {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return;
      }
      if (format === 'csv') {
        process.stdout.write(toCsv(result.hits, ['doc', 'year', 'left', 'match', 'right', 'offset']));
        return;
      }
      const lines = result.hits.map(
        (h) => `${dim(`[${h.doc}${h.year ? ` ${h.year}` : ''}]`)} ${h.left}${highlight(h.match)}${h.right}`,
      );
      const shown = result.hits.length < result.total ? ` (showing ${result.hits.length}; --limit for more)` : '';
      process.stdout.write([...lines, `${bold(String(result.total))} hits for ${result.query}${shown}`].join('\n') + '\n');
    }),
  );
}

function group(value: string): FreqGroup {
  if (value !== 'year' && value !== 'doc') throw new InvalidArgumentError('--by takes year or doc');
  return value;
}

function registerFreq(program: Command): void {
  addFormatOptions(
    withDocFilter(
      withDb(
        program
          .command('freq')
          .description('the most frequent terms (stopwords, punctuation and numbers left out); exact counts')
          .option('--top <n>', 'terms to show (per group with --by)', integer('--top', 1), 20)
          .option('--by <group>', 'rank within each year or doc', group)
          .option('--pos <tags>', 'only these jieba part-of-speech tags, by prefix, comma-separated (n = nouns, v = verbs …)')
          .option('--min-len <n>', 'shortest term, in characters', integer('--min-len', 1), 2),
      ),
    ),
  ).action(
    action((opts: FormatOpts & { top: number; by?: FreqGroup; pos?: string; minLen: number }) => {
      const pos = opts.pos?.split(',').map((p) => p.trim()).filter(Boolean);
      const rows = withReadDb(opts, (db) => freq(db, { ...opts, pos }));
      const columns: Column<FreqRow>[] = [
        ...(opts.by ? [{ key: 'group', header: opts.by }] : []),
        { key: 'term' },
        { key: 'count', align: 'right' as const },
      ];
      printRows(rows, columns, formatOf(opts));
    }),
  );
}

function bar(rate: number, max: number, width = 30): string {
  return max > 0 ? '█'.repeat(Math.round((rate / max) * width)) : '';
}

const SPARKS = '▁▂▃▄▅▆▇█';

const padTo = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/**
 * One line per term, one character per year, each line scaled to the term's
 * own peak so that a rare term's rise shows beside a common one's; the peak
 * rate is printed so that sizes still compare. A year without the term is "·".
 */
export function trendChart(rows: readonly TrendRow[]): string {
  const terms = [...new Set(rows.map((r) => r.term))];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  if (!years.length) return '';
  const label = Math.max(4, ...terms.map(displayWidth)) + 2;
  const lines = [dim(`rate per 10,000 tokens; each line scaled to its own peak; · = not used that year`)];
  for (const term of terms) {
    const byYear = new Map(rows.filter((r) => r.term === term).map((r) => [r.year, r]));
    const peak = [...byYear.values()].reduce((best, r) => (r.rate > best.rate ? r : best), { rate: 0, year: 0 } as Pick<TrendRow, 'rate' | 'year'>);
    const spark = years
      .map((y) => {
        const rate = byYear.get(y)?.rate ?? 0;
        if (rate === 0) return '·';
        return SPARKS[Math.min(SPARKS.length - 1, Math.ceil((rate / peak.rate) * SPARKS.length) - 1)];
      })
      .join('');
    const peakText = peak.rate > 0 ? `peak ${peak.rate.toFixed(2)} in ${peak.year}` : 'never used';
    lines.push(`${padTo(term, label)}${spark}  ${peakText}`);
  }
  const first = String(years[0]);
  const last = String(years.at(-1));
  const axis = years.length > first.length + last.length ? first + ' '.repeat(years.length - first.length - last.length) + last : first;
  lines.push(`${' '.repeat(label)}${dim(axis)}`);
  return lines.join('\n') + '\n';
}

function registerTrend(program: Command): void {
  addFormatOptions(
    withDocFilter(
      withDb(
        program
          .command('trend')
          .description('occurrences of terms per year, and the rate per 10,000 word tokens')
          .argument('<terms...>', 'terms to follow')
          .option('--chart', 'on the terminal, one line per term (a character per year) instead of the table'),
      ),
    ),
  ).action(
    action((terms: string[], opts: FormatOpts & { chart?: boolean }) => {
      const rows = withReadDb(opts, (db) => trend(db, terms, opts));
      const format = formatOf(opts);
      if (format === 'table' && opts.chart) {
        process.stdout.write(trendChart(rows));
        return;
      }
      const max = Math.max(0, ...rows.map((r) => r.rate));
      const columns: Column<TrendRow>[] = [
        { key: 'term' },
        { key: 'year', align: 'right' },
        { key: 'count', align: 'right' },
        { key: 'tokens', align: 'right' },
        { key: 'rate', align: 'right', show: (r) => r.rate.toFixed(2) },
        ...(format === 'table' ? [{ key: 'bar', header: '', show: (r: TrendRow) => bar(r.rate, max) }] : []),
      ];
      printRows(rows, columns, format);
    }),
  );
}

export function registerQueries(program: Command): void {
  registerDocs(program);
  registerSearch(program);
  registerFreq(program);
  registerTrend(program);
}
