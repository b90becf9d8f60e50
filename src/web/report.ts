// `policy-miner report`: one HTML file with everything inline (styles, data,
// Chart.js), to e-mail to a colleague. Text from the documents is escaped
// into the markup and the data block, never interpreted.
import { listDocs, type DocRow } from '../query/docs.js';
import { listGoals, listInitiatives, type GoalRow, type InitiativeRow } from '../query/listings.js';
import { countOccurrences } from '../query/search.js';
import { themes, type ThemeRow } from '../query/themes.js';
import { trend, type TrendRow } from '../query/trend.js';
import type { DB } from '../store/db.js';
import { documentText } from '../store/read.js';
import { chartJsSource } from './assets.js';

export interface ReportOptions {
  title?: string;
  /** themes (per kind) and initiatives listed */
  top?: number;
  /** initiatives followed in the trend chart */
  trendLines?: number;
  /** the database path, named in the footer */
  database?: string;
  /** when the report was made (fixed in tests) */
  now?: Date;
}

export interface InitiativeTrend {
  initiative: string;
  /** the string counted in the texts: the name, or the part of it the texts spell out */
  term: string;
  rows: TrendRow[];
}

export interface ReportData {
  title: string;
  overview: {
    documents: number;
    first_year: number | null;
    last_year: number | null;
    chars: number;
    tokens: number;
    goals: number;
    metrics: number;
    initiatives: number;
    per_year: { year: number; documents: number; tokens: number }[];
  };
  docs: DocRow[];
  themes: ThemeRow[];
  initiatives: InitiativeRow[];
  trends: InitiativeTrend[];
  goals: GoalRow[];
}

const count = (db: DB, sql: string): number => db.prepare(sql).pluck().get() as number;

function appendTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

const totalOccurrences = (db: DB, term: string): number => countOccurrences(db, term, {});

/**
 * What to count for an initiative. Its name is normalised ("走出去"战略 →
 * 走出去战略), so the name itself may never occur verbatim; then its code,
 * then the quoted core of its first mention (走出去) stands for it.
 */
export function initiativeTerm(db: DB, row: InitiativeRow): string | null {
  const tried = [row.name, row.code].filter((t): t is string => Boolean(t && t.length >= 2));
  for (const t of tried) if (totalOccurrences(db, t) > 0) return t;
  const first = db
    .prepare(
      `SELECT m.doc_id AS doc, m.offset FROM initiative_mentions m JOIN initiatives i ON i.id = m.initiative_id
       WHERE i.name = ? ORDER BY m.doc_id LIMIT 1`,
    )
    .get(row.name) as { doc: number; offset: number } | undefined;
  const mention = first && documentText(db, first.doc).slice(first.offset, first.offset + row.name.length + 4);
  const core = mention ? /[“"「]([^”"」]{2,})[”"」]/u.exec(mention)?.[1] : undefined;
  return core && totalOccurrences(db, core) > 0 ? core : null;
}

export function reportData(db: DB, options: ReportOptions = {}): ReportData {
  const top = options.top ?? 20;
  const docs = listDocs(db);
  const years = docs.map((d) => d.year).filter((y): y is number => y !== null);
  const perYear = db
    .prepare(
      `SELECT year, count(*) AS documents, sum(tokens) AS tokens FROM documents
       WHERE year IS NOT NULL GROUP BY year ORDER BY year`,
    )
    .all() as { year: number; documents: number; tokens: number }[];
  const initiatives = listInitiatives(db).slice(0, top);
  const trends: InitiativeTrend[] = [];
  // Only initiatives seen in more than one document make a line worth drawing.
  for (const row of initiatives) {
    if (trends.length >= (options.trendLines ?? 6) || row.docs.length < 2) continue;
    const term = initiativeTerm(db, row);
    if (term) trends.push({ initiative: row.name, term, rows: trend(db, [term]) });
  }
  return {
    title: options.title ?? 'policy-miner report',
    overview: {
      documents: docs.length,
      first_year: years.length ? Math.min(...years) : null,
      last_year: years.length ? Math.max(...years) : null,
      chars: count(db, 'SELECT coalesce(sum(chars), 0) FROM documents'),
      tokens: count(db, 'SELECT coalesce(sum(tokens), 0) FROM documents'),
      goals: count(db, 'SELECT count(*) FROM goals'),
      metrics: count(db, 'SELECT count(*) FROM metrics'),
      initiatives: count(db, 'SELECT count(*) FROM initiatives'),
      per_year: perYear,
    },
    docs,
    themes: themes(db, { top }),
    initiatives,
    trends,
    goals: listGoals(db),
  };
}

// ---- HTML ----------------------------------------------------------------

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON safe inside <script>: no "</script>", no "<!--", no line separators that end a JS string. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The inline Chart.js source must not close its own script element. */
const inlineScript = (source: string): string => source.replace(/<\/script/gi, '<\\/script');

/** A document's name in the report: its title, else its organisation and file name. */
const docName = (d: DocRow): string => d.title || [d.org, d.source.split(/[\\/]/).pop()].filter(Boolean).join(' ');

/** 2003 2004 2005 2008 → "2003–2005, 2008": long year lists stay one line. */
export function yearRanges(years: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    out.push(j > i + 1 ? `${years[i]}–${years[j]}` : j === i + 1 ? `${years[i]}, ${years[j]}` : String(years[i]));
    i = j;
  }
  return out.join(', ');
}

function table(head: string[], rows: string[][], numeric: readonly number[] = []): string {
  const cell = (tag: string, i: number, v: string): string => `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${v}</${tag}>`;
  return `<table><thead><tr>${head.map((h, i) => cell('th', i, escapeHtml(h))).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v, i) => cell('td', i, v)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function overviewSection(data: ReportData): string {
  const o = data.overview;
  const span = o.first_year === null ? 'no dated documents' : o.first_year === o.last_year ? String(o.first_year) : `${o.first_year}–${o.last_year}`;
  const figures: [string, string][] = [
    ['documents', o.documents.toLocaleString('en')], ['years', span], ['characters', o.chars.toLocaleString('en')],
    ['word tokens', o.tokens.toLocaleString('en')], ['goals', o.goals.toLocaleString('en')],
    ['figures', o.metrics.toLocaleString('en')], ['initiatives', o.initiatives.toLocaleString('en')],
  ];
  const docRows = data.docs.map((d) => [
    String(d.id), escapeHtml(docName(d)), escapeHtml(d.year), escapeHtml(d.org), d.chars.toLocaleString('en'), `<code>${escapeHtml(d.source)}</code>`,
  ]);
  return `<section id="overview"><h2>The corpus</h2>
<dl class="figures">${figures.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>
${o.per_year.length > 1 ? '<div class="chart short"><canvas id="chart-years" aria-label="documents and tokens per year"></canvas></div>' : ''}
<details><summary>The ${o.documents} documents</summary>${table(['id', 'title', 'year', 'organisation', 'chars', 'source'], docRows, [0, 2, 4])}</details>
</section>`;
}

function themesSection(data: ReportData): string {
  const block = (kind: 'term' | 'phrase', heading: string): string => {
    const rows = data.themes.filter((t) => t.kind === kind);
    if (!rows.length) return '';
    return `<div><h3>${heading}</h3>${table(
      ['theme', 'documents', 'years', 'count', 'first', 'last'],
      rows.map((t) => [escapeHtml(t.theme), String(t.docs), String(t.years), String(t.count), escapeHtml(t.first), escapeHtml(t.last)]),
      [1, 2, 3, 4, 5],
    )}</div>`;
  };
  const body = block('term', 'Terms') + block('phrase', 'Two-word phrases');
  return `<section id="themes"><h2>Top themes</h2>
<p class="note">Ranked by how many documents use them, then by how many years.</p>
${body ? `<div class="columns">${body}</div>` : '<p class="note">No theme occurs in two documents or more.</p>'}</section>`;
}

function initiativesSection(data: ReportData): string {
  const consistency = (r: InitiativeRow): string =>
    r.consistent === null ? '' : `<span class="${r.consistent ? 'ok' : 'bad'}">${r.consistent ? '✓' : '✗'} ${r.members.length}/${r.expected_count}</span>`;
  const rows = data.initiatives.map((r) => [
    `<span class="name">${escapeHtml(r.name)}</span>`, `<span class="name">${escapeHtml(r.code)}</span>`, escapeHtml(r.members.join('、')),
    consistency(r), String(r.docs.length), escapeHtml(yearRanges(r.years)),
  ]);
  const years = [...new Set(data.trends.flatMap((t) => t.rows.map((r) => r.year)))].sort((a, b) => a - b);
  const trendTable = data.trends.length
    ? `<details><summary>The numbers (rate per 10,000 tokens)</summary>${table(
        ['year', ...data.trends.map((t) => t.term)],
        years.map((y) => [String(y), ...data.trends.map((t) => (t.rows.find((r) => r.year === y)?.rate ?? 0).toFixed(2))]),
        [...Array(data.trends.length + 1).keys()],
      )}</details>`
    : '';
  const counted = data.trends.filter((t) => t.term !== t.initiative);
  return `<section id="initiatives"><h2>Initiatives</h2>
${data.trends.length ? `<h3>Trends of the most widespread</h3><div class="chart"><canvas id="chart-initiatives" aria-label="initiative trends"></canvas></div>
${counted.length ? `<p class="note">Counted as written in the texts: ${counted.map((t) => `${escapeHtml(t.initiative)} as “${escapeHtml(t.term)}”`).join('; ')}.</p>` : ''}${trendTable}` : ''}
<h3>The ${data.initiatives.length} named in most documents</h3>
${rows.length ? table(['name', 'code', 'members', 'consistent', 'documents', 'years'], rows, [4]) : '<p class="note">No initiatives found.</p>'}
</section>`;
}

function outlineOf(goals: GoalRow[]): string {
  const children = new Map<number | null, GoalRow[]>();
  for (const g of goals) appendTo(children, g.parent, g);
  const branch = (parent: number | null): string => {
    const items = children.get(parent) ?? [];
    if (!items.length) return '';
    return `<ul>${items
      .map((g) => {
        const kind = g.kind ? ` <span class="kind kind-${g.kind}">${g.kind}${g.year ? ` ${g.year}` : ''}</span>` : '';
        return `<li><span class="marker">${escapeHtml(g.marker)}</span> ${escapeHtml(g.title)}${kind}${branch(g.idx)}</li>`;
      })
      .join('')}</ul>`;
  };
  return branch(null);
}

function goalsSection(data: ReportData): string {
  const byDoc = new Map<number, GoalRow[]>();
  for (const g of data.goals) appendTo(byDoc, g.doc, g);
  const blocks = data.docs
    .filter((d) => byDoc.has(d.id))
    .map((d, k) => {
      const goals = byDoc.get(d.id)!;
      return `<details class="outline"${k === 0 ? ' open' : ''}><summary><strong>${escapeHtml(docName(d))}</strong> <span class="note">#${d.id}${d.year ? ` · ${d.year}` : ''} · ${goals.length} goals</span></summary>${outlineOf(goals)}</details>`;
    });
  return `<section id="goals"><h2>Goal outlines</h2>
${blocks.length ? blocks.join('\n') : '<p class="note">No numbered goals found.</p>'}</section>`;
}

const STYLE = `
:root { --ink:#1d2330; --muted:#667085; --line:#e4e7ec; --accent:#1f5fbf; font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; line-height: 1.55; }
h1 { margin: 0 0 4px; font-size: 28px; } h2 { margin-top: 40px; border-bottom: 2px solid var(--line); padding-bottom: 4px; } h3 { margin: 20px 0 8px; }
.note, footer, .sub { color: var(--muted); font-size: 14px; }
nav a { margin-right: 16px; color: var(--accent); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; margin: 16px 0; }
.figures div { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.figures dt { color: var(--muted); font-size: 13px; } .figures dd { margin: 0; font-size: 20px; font-weight: 600; white-space: nowrap; }
.name { white-space: nowrap; }
.chart { position: relative; height: 340px; margin: 12px 0; } .chart.short { height: 220px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f7f8fa; } .num { text-align: right; font-variant-numeric: tabular-nums; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
details { margin: 8px 0; } summary { cursor: pointer; }
.outline ul { list-style: none; padding-left: 20px; margin: 2px 0; } .outline > ul { padding-left: 8px; }
.marker { color: var(--accent); font-weight: 600; }
.kind { font-size: 11px; border-radius: 4px; padding: 0 4px; margin-left: 4px; white-space: nowrap; }
.kind-plan { background: #e6f0ff; color: #1f4f99; } .kind-review { background: #eef6ea; color: #2f6b1f; }
.ok { color: #2f6b1f; } .bad { color: #b42318; }
code { font-size: 12px; color: var(--muted); }
@media print { details { display: block; } .chart { break-inside: avoid; } }
`;

// Runs in the reader's browser: draws the charts from the data block.
const RENDER = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
  if (!window.Chart) return;
  var years = document.getElementById('chart-years');
  if (years) new Chart(years, {
    data: { labels: data.overview.per_year.map(function (y) { return String(y.year); }),
      datasets: [{ type: 'bar', label: 'documents', data: data.overview.per_year.map(function (y) { return y.documents; }), backgroundColor: '#9db7e0', yAxisID: 'y' },
                 { type: 'line', label: 'word tokens', data: data.overview.per_year.map(function (y) { return y.tokens; }), borderColor: '#d62728', backgroundColor: '#d62728', yAxisID: 'y1', pointRadius: 2 }] },
    options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'documents' } },
      y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'tokens' } } } }
  });
  var lines = document.getElementById('chart-initiatives');
  if (lines) {
    var labels = [];
    data.trends.forEach(function (t) { t.rows.forEach(function (r) { if (labels.indexOf(r.year) < 0) labels.push(r.year); }); });
    labels.sort(function (a, b) { return a - b; });
    new Chart(lines, {
      type: 'line',
      data: { labels: labels.map(String), datasets: data.trends.map(function (t, k) {
        return { label: t.initiative, borderColor: palette[k % palette.length], backgroundColor: palette[k % palette.length], cubicInterpolationMode: 'monotone', pointRadius: 2,
          data: labels.map(function (y) { var r = t.rows.find(function (r) { return r.year === y; }); return r ? r.rate : 0; }) };
      }) },
      options: { maintainAspectRatio: false, animation: false, interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'per 10,000 tokens' } } } }
    });
  }
})();
`;

export function renderReport(data: ReportData, options: ReportOptions = {}): string {
  const now = options.now ?? new Date();
  const o = data.overview;
  const sub = [`${o.documents} documents`, o.first_year !== null ? `${o.first_year}–${o.last_year}` : null, `made ${now.toISOString().slice(0, 10)}`]
    .filter(Boolean)
    .join(' · ');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policy-miner">
<title>${escapeHtml(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(data.title)}</h1><p class="sub">${escapeHtml(sub)}</p>
<nav><a href="#overview">Corpus</a><a href="#themes">Themes</a><a href="#initiatives">Initiatives</a><a href="#goals">Goal outlines</a></nav></header>
${overviewSection(data)}
${themesSection(data)}
${initiativesSection(data)}
${goalsSection(data)}
<footer><p>Made by policy-miner${options.database ? ` from ${escapeHtml(options.database)}` : ''}. Rates are occurrences per 10,000 word tokens of the year's documents.</p></footer>
<script type="application/json" id="report-data">${scriptJson({ overview: data.overview, trends: data.trends })}</script>
<script>${inlineScript(chartJsSource())}</script>
<script>${RENDER}</script>
</body>
</html>
`;
}

export function buildReport(db: DB, options: ReportOptions = {}): string {
  return renderReport(reportData(db, options), options);
}
