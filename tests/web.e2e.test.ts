// The web app as a researcher uses it: `serve` on the sample corpus (plus one
// hostile document), driven in headless Chromium. A screenshot of each page
// goes to tests/artifacts/ on every run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, projectRoot, tempDir } from './helpers.js';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const artifacts = join(projectRoot, 'tests', 'artifacts');

// Markup in a document's text: it must show as text and never run.
const HOSTILE = [
  '<script>window.__pwned=1</script>关于加强医院管理的工作报告',
  '一、加强医疗质量管理',
  '今年医院门诊量达到282773人次,同比增长11%。<b>粗体</b>要继续推进“五大中心”建设。',
  '二、<img src=x onerror="window.__pwned=2">推进胸痛中心建设',
  '全年胸痛中心入组186人。',
].join('\n');

let db: string;
let server: ChildProcess;
let base: string;
let browser: Browser;
let page: Page;
let dbHashBefore: string;
const pageErrors: string[] = [];

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function cliJson<T>(args: string[]): T {
  const r = cli([...args, '--db', db, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** Starts `serve --port 0` and resolves with the address it prints. */
function startServe(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'policy-miner.js'), 'serve', '--db', dbPath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ child, url: line.trim() });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

async function open(hash: string): Promise<void> {
  await page.goto(`${base}${hash}`);
  await page.waitForSelector('body[data-ready]');
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

/** A raw GET or POST, with a Host header of our choosing (fetch will not send one). */
function raw(path: string, options: { method?: string; host?: string } = {}): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.host ? { host: options.host } : {} },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const dir = tempDir('pm-web-');
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  for (const f of readdirSync(join(projectRoot, 'corpus'))) copyFileSync(join(projectRoot, 'corpus', f), join(docs, f));
  writeFileSync(join(docs, 'zz-hostile.txt'), HOSTILE);
  db = join(dir, 'web.db');
  const ingested = cli(['ingest', docs, '--db', db]);
  expect(ingested.status, ingested.stderr).toBe(0);
  dbHashBefore = sha256(db);
  mkdirSync(artifacts, { recursive: true });
  const started = await startServe(db);
  server = started.child;
  base = started.url;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

describe('serve', () => {
  it('listens on loopback only, at the address it prints', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('search: typing a query shows every hit and the count the CLI gives', async () => {
    await open('#/search');
    await page.fill('input[name=q]', '胸痛中心');
    await page.press('input[name=q]', 'Enter');
    await page.waitForSelector('#hit-count');
    const expected = cliJson<{ total: number }>(['search', '胸痛中心']);
    expect(expected.total).toBeGreaterThan(2);
    expect(await page.textContent('#hit-count')).toBe(`${expected.total} hits for 胸痛中心`);
    const rows = page.locator('ol.hits li');
    expect(await rows.count()).toBe(expected.total);
    expect(await page.locator('ol.hits mark').allTextContents()).toEqual(Array(expected.total).fill('胸痛中心'));
    // hits per year as a chart
    expect(await page.evaluate(() => (window as any).Chart.getChart(document.querySelector('#year-chart')).data.labels)).toContain('2023');
    await shot('search');
  });

  it('search: a hit opens its document at that place', async () => {
    await open('#/search?q=胸痛中心');
    await page.locator('a.hit').first().click();
    await page.waitForSelector('body[data-ready="doc"]');
    expect(await page.locator('.mark-hit').first().textContent()).toBe('胸痛中心');
  });

  it('document: the cleaned text with its figures highlighted in place, the outline beside it', async () => {
    await open('#/doc/1');
    const metrics = cliJson<{ raw: string }[]>(['metrics', '--doc', '1']);
    const goals = cliJson<unknown[]>(['goals', '--doc', '1']);
    expect(metrics.length).toBeGreaterThan(10);
    // each figure is one highlighted run of the text, in order
    const marked = await page.$$eval('.doc-text .anchor[id^="metric-"]', (anchors) =>
      anchors.map((a) => {
        let text = '';
        for (let n = a.nextSibling; n && n instanceof HTMLElement && n.classList.contains('mark-metric'); n = n.nextSibling) {
          text += n.textContent;
          if (n.nextSibling instanceof HTMLElement && n.nextSibling.classList.contains('anchor')) break;
        }
        return text;
      }),
    );
    expect(marked).toEqual(metrics.map((m) => m.raw));
    expect(await page.locator('.side table.grid tbody tr').count()).toBe(metrics.length);
    expect(await page.locator('.outline .goal-link').count()).toBe(goals.length);
    expect(await page.locator('.doc-text .mark-initiative').count()).toBeGreaterThan(0);
    await page.locator('.outline .goal-link').first().click();
    await shot('document');
  });

  it('trends: a line chart with one series per term, the numbers underneath', async () => {
    await open('#/trends?terms=医院 医共体 护理');
    const labels = await page.evaluate(() =>
      (window as any).Chart.getChart(document.querySelector('#trend-chart')).data.datasets.map((d: { label: string }) => d.label),
    );
    expect(labels).toEqual(['医院', '医共体', '护理']);
    const rows = cliJson<{ term: string; year: number; rate: number }[]>(['trend', '医院', '医共体', '护理']);
    const years = [...new Set(rows.map((r) => r.year))];
    expect(await page.locator('table.grid tbody tr').count()).toBe(years.length);
    const rate2025 = rows.find((r) => r.term === '医共体' && r.year === 2025)!.rate.toFixed(2);
    expect(await page.locator('table.grid tbody tr').nth(years.indexOf(2025)).textContent()).toContain(rate2025);
    await shot('trends');
  });

  it('compare: two years side by side, as compare computes them', async () => {
    await open('#/compare?a=2023&b=2025');
    expect(await page.locator('.side-head').first().textContent()).toContain('A: 2023');
    expect(await page.locator('.sides table.grid').count()).toBe(2);
    await shot('compare');
  });

  it('initiatives: every initiative with its code, members and years', async () => {
    await open('#/initiatives');
    const rows = cliJson<{ name: string }[]>(['initiatives']);
    expect(await page.locator('table.grid tbody tr').count()).toBe(rows.length);
    expect(await page.locator('table.grid tbody tr', { hasText: '11235工程' }).textContent()).toMatch(/✓ 12 of 12/);
    await shot('initiatives');
  });

  it('shows markup in a document as text and never runs it', async () => {
    const docs = cliJson<{ id: number; source: string }[]>(['docs']);
    const hostile = docs.find((d) => d.source.endsWith('zz-hostile.txt'))!;
    await open(`#/doc/${hostile.id}`);
    expect(await page.locator('h1').textContent()).toContain('<script>window.__pwned=1</script>');
    const text = await page.locator('.doc-text').textContent();
    expect(text).toContain('<b>粗体</b>');
    expect(text).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await page.locator('.doc-text b, .doc-text img, .doc-text script, main script').count()).toBe(0);
    expect(await page.locator('.outline .goal-link').nth(1).textContent()).toContain('<img src=x');
    await open('#/search?q=粗体');
    expect(await page.locator('ol.hits li').first().textContent()).toContain('<b>粗体</b>');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
    await open(`#/doc/${hostile.id}`);
    await shot('hostile');
  });
});

describe('the API', () => {
  it('answers with the CLI --json row types', async () => {
    const res = await fetch(`${base}api/initiatives?name=五`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(cliJson(['initiatives', '--name', '五']));
  });

  it('answers a bad request with a 4xx and a message', async () => {
    const cases: [string, number, RegExp][] = [
      ['api/search?q=医院&year=abc', 400, /year takes a whole number/],
      ['api/search', 400, /q is missing/],
      ['api/search?q=%22unclosed', 400, /unbalanced quote/],
      ['api/trend?term=医院&colour=red', 400, /unknown parameter colour/],
      ['api/doc/999', 404, /no document 999/],
      ['api/nothing', 404, /no API route/],
      ['static/../../package.json', 404, /nothing at/],
    ];
    for (const [path, status, message] of cases) {
      const r = await raw(path);
      expect([path, r.status]).toEqual([path, status]);
      expect(JSON.parse(r.body).error).toMatch(message);
    }
  });

  it('only reads: writes are refused, and the database file is unchanged', async () => {
    const post = await raw('api/docs', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(JSON.parse(post.body).error).toMatch(/only reads/);
    expect(sha256(db)).toBe(dbHashBefore);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const r = await raw('api/docs', { host: 'attacker.example' });
    expect(r.status).toBe(421);
  });
});
