// `policy-miner report`: one HTML file a colleague can open offline, with the
// corpus overview, top themes, initiative trends and goal outlines.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptJson, yearRanges } from '../src/web/report.js';
import { cli, corpusFile, projectRoot, tempDir } from './helpers.js';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let dir: string;
let db: string;
let out: string;
let html: string;
let browser: Browser | undefined;

beforeAll(() => {
  dir = tempDir('pm-report-');
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  for (const f of readdirSync(join(projectRoot, 'corpus'))) copyFileSync(join(projectRoot, 'corpus', f), join(docs, f));
  // Three State Council reports give initiatives across several years.
  for (const year of ['2023', '2024', '2025']) {
    copyFileSync(corpusFile(`gov-work-reports-state-council/${year}.txt`), join(docs, `gwr-${year}.txt`));
  }
  writeFileSync(join(docs, 'zz-hostile.txt'), '<script>window.__pwned=1</script>工作报告\n一、<b>加强</b>医疗质量管理\n门诊量达到1000人次。\n');
  db = join(dir, 'report.db');
  expect(cli(['ingest', docs, '--db', db]).status).toBe(0);
  out = join(dir, 'report.html');
  const r = cli(['report', '--db', db, '--out', out, '--title', '卫生 & 政府工作报告']);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^wrote .*report\.html \(\d+ KB\)\n$/);
  html = readFileSync(out, 'utf8');
});

afterAll(async () => {
  await browser?.close();
});

describe('report --out FILE.html', () => {
  it('is one file: no stylesheet, script, image or font fetched from anywhere', () => {
    expect(html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/i);
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(markup).not.toMatch(/<link\b/i);
    expect(markup).not.toMatch(/url\(/i);
    expect(html).toContain('Chart.js v4'); // the library is inline
  });

  it('has the overview, themes, initiatives and goal outlines', () => {
    for (const id of ['overview', 'themes', 'initiatives', 'goals']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('<title>卫生 &amp; 政府工作报告</title>');
    const docs = JSON.parse(cli(['docs', '--db', db, '--json']).stdout) as unknown[];
    expect(html).toMatch(new RegExp(`<dt>documents</dt><dd>${docs.length}</dd>`));
    // every document with goals gets an outline
    const goals = JSON.parse(cli(['goals', '--db', db, '--json']).stdout) as { doc: number; title: string }[];
    expect(html.match(/<details class="outline"/g)).toHaveLength(new Set(goals.map((g) => g.doc)).size);
  });

  it('escapes document text into the markup', () => {
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;工作报告');
    expect(html).toContain('&lt;b&gt;加强&lt;/b&gt;医疗质量管理');
    expect(html).not.toContain('<b>加强</b>');
  });

  it('draws the charts offline in a browser, one line per top initiative, and runs no document text', async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${out}`);
    const series = await page.evaluate(() =>
      (window as any).Chart.getChart(document.querySelector('#chart-initiatives')).data.datasets.map((d: { label: string }) => d.label),
    );
    // the initiatives named in most documents (two or more), in that order
    const widespread = (JSON.parse(cli(['initiatives', '--db', db, '--json']).stdout) as { name: string; docs: number[] }[])
      .filter((r) => r.docs.length >= 2)
      .map((r) => r.name);
    expect(series.length).toBeGreaterThanOrEqual(2);
    expect(series[0]).toBe(widespread[0]);
    for (const name of series) expect(widespread).toContain(name);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    mkdirSync(join(projectRoot, 'tests', 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(projectRoot, 'tests', 'artifacts', 'report.png'), fullPage: true });
  });

  it('needs --out, and a database', () => {
    expect(cli(['report', '--db', db]).status).toBe(2);
    const missing = cli(['report', '--db', join(dir, 'none.db'), '--out', join(dir, 'x.html')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no database at/);
  });
});

describe('report helpers', () => {
  it('keeps data inside its script element', () => {
    const json = scriptJson({ text: '</script><script>alert(1)</script>\u2028' });
    expect(json).not.toMatch(/<\/script/i);
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script>\u2028' });
  });

  it('writes runs of years as ranges', () => {
    expect(yearRanges([2003, 2004, 2005, 2008, 2010, 2011])).toBe('2003–2005, 2008, 2010, 2011');
    expect(yearRanges([])).toBe('');
  });
});
