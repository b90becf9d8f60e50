// The policy-miner web app: plain DOM, one page per hash route, data from /api.
// Document text is data: it only ever enters the page as text nodes
// (textContent / createTextNode), never as markup.

const main = document.getElementById('main');
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
let charts = [];

// ---- small helpers -------------------------------------------------------

/** Builds an element; string children become text nodes, so data stays text. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function hashFor(page, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const qs = query.toString();
  return `#/${page}${qs ? `?${qs}` : ''}`;
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => query.append(k, x));
    else if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  const res = await fetch(`/api/${path}${query.size ? `?${query}` : ''}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

const errorBox = (e) => el('p', { class: 'error', role: 'alert' }, e.message);
const fmt = (n, digits = 2) => (n === null || n === undefined ? '' : Number(n).toFixed(digits));
const docLabel = (d) => d.title || [d.org, d.source.split(/[\\/]/).pop()].filter(Boolean).join(' ');

function chart(canvas, config) {
  if (!window.Chart) {
    canvas.replaceWith(el('p', { class: 'muted' }, 'chart library did not load'));
    return;
  }
  charts.push(new window.Chart(canvas, config));
}

function lineConfig(labels, series, yTitle) {
  return {
    type: 'line',
    data: {
      labels,
      datasets: series.map((s, k) => ({
        label: s.label, data: s.data, borderColor: PALETTE[k % PALETTE.length],
        backgroundColor: PALETTE[k % PALETTE.length], cubicInterpolationMode: 'monotone', pointRadius: 3,
      })),
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, title: { display: true, text: yTitle } } },
    },
  };
}

function table(columns, rows) {
  return el(
    'table',
    { class: 'grid' },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { class: c.num ? 'num' : undefined }, c.label)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, columns.map((c) => el('td', { class: c.num ? 'num' : undefined }, c.cell(r)))))),
  );
}

function field(label, input) {
  return el('label', { class: 'field' }, el('span', {}, label), input);
}

// ---- search --------------------------------------------------------------

async function searchPage(params) {
  const q = params.get('q') ?? '';
  const input = el('input', { type: 'search', name: 'q', value: q, placeholder: '医共体 · 两个词 · "一个短语"', autofocus: true, size: 40 });
  const year = el('input', { type: 'number', name: 'year', value: params.get('year') ?? '', placeholder: 'any', class: 'short' });
  const doc = el('input', { type: 'number', name: 'doc', min: 1, value: params.get('doc') ?? '', placeholder: 'any', class: 'short' });
  const context = el('input', { type: 'number', name: 'context', min: 0, value: params.get('context') ?? '20', class: 'short' });
  const limit = el('input', { type: 'number', name: 'limit', min: 1, value: params.get('limit') ?? '50', class: 'short' });
  const form = el(
    'form',
    {
      class: 'query', role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        location.hash = hashFor('search', { q: input.value.trim(), year: year.value, doc: doc.value, context: context.value, limit: limit.value });
      },
    },
    field('Search', input), field('Year', year), field('Doc', doc), field('Context', context), field('Show', limit),
    el('button', { type: 'submit' }, 'Search'),
  );
  main.append(el('h1', {}, 'Keyword in context'), form);
  if (!q.trim()) {
    main.append(el('p', { class: 'muted' }, 'Every occurrence is found and counted. Several words: all in one sentence. "Quoted": an exact phrase.'));
    return;
  }
  let result;
  try {
    result = await api('search', { q, year: year.value, doc: doc.value, context: context.value, limit: limit.value });
  } catch (e) {
    main.append(errorBox(e));
    return;
  }
  const shown = result.hits.length < result.total ? ` (showing ${result.hits.length})` : '';
  main.append(el('p', { class: 'count', id: 'hit-count' }, el('strong', {}, String(result.total)), ` hits for ${result.query}${shown}`));
  if (result.years.length) {
    const canvas = el('canvas', { id: 'year-chart', 'aria-label': 'hits per year' });
    main.append(el('div', { class: 'chart small' }, canvas));
    chart(canvas, {
      type: 'bar',
      data: {
        labels: result.years.map((y) => String(y.year)),
        datasets: [{ label: 'hits', data: result.years.map((y) => y.count), backgroundColor: PALETTE[0] }],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  main.append(
    el(
      'ol',
      { class: 'hits' },
      result.hits.map((h) =>
        el(
          'li',
          {},
          el(
            'a',
            { class: 'hit', href: hashFor(`doc/${h.doc}`, { at: h.offset, len: h.match.length }) },
            el('span', { class: 'where' }, `${h.doc}${h.year ? ` · ${h.year}` : ''}`),
            el('span', { class: 'left' }, h.left),
            el('mark', {}, h.match),
            el('span', { class: 'right' }, h.right),
          ),
        ),
      ),
    ),
  );
}

// ---- documents list ------------------------------------------------------

async function docsPage() {
  main.append(el('h1', {}, 'Documents'));
  let docs;
  try {
    docs = await api('docs');
  } catch (e) {
    main.append(errorBox(e));
    return;
  }
  main.append(
    table(
      [
        { label: 'id', num: true, cell: (d) => String(d.id) },
        { label: 'title', cell: (d) => el('a', { href: `#/doc/${d.id}` }, docLabel(d)) },
        { label: 'year', num: true, cell: (d) => d.year ?? '' },
        { label: 'review', num: true, cell: (d) => d.review_year ?? '' },
        { label: 'plan', num: true, cell: (d) => d.plan_year ?? '' },
        { label: 'org', cell: (d) => d.org ?? '' },
        { label: 'chars', num: true, cell: (d) => String(d.chars) },
        { label: 'source', cell: (d) => el('code', {}, d.source) },
      ],
      docs,
    ),
  );
}

// ---- one document --------------------------------------------------------

function metricTitle(m) {
  const parts = [`${m.raw} = ${m.value}${m.value_max !== null ? `–${m.value_max}` : ''} ${m.unit}`];
  if (m.subject) parts.push(`subject: ${m.subject}`);
  if (m.change) parts.push(`change: ${m.change}`);
  if (m.bound) parts.push(`bound: ${m.bound}`);
  if (m.year) parts.push(`year: ${m.year}`);
  return parts.join('\n');
}

function initiativeTitle(i) {
  const parts = [i.initiative];
  if (i.code) parts.push(`code: ${i.code}`);
  if (i.members.length) parts.push(`members: ${i.members.join('、')}`);
  if (i.expected_count !== null) parts.push(`expected ${i.expected_count}, listed ${i.members.length}`);
  return parts.join('\n');
}

/**
 * The text with its marks. Marks may overlap (a metric inside a goal's title),
 * so the text is cut at every mark boundary and each piece carries the
 * classes of all the marks covering it.
 */
function renderText(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.add(i).add(i + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...marks].sort((a, b) => a.start - b.start);
  const container = el('div', { class: 'doc-text', lang: 'zh-CN' });
  let para = el('p');
  container.append(para);
  let next = 0;
  let active = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [s, e] = [points[k], points[k + 1]];
    const piece = text.slice(s, e);
    active = active.filter((m) => m.end > s);
    while (next < byStart.length && byStart[next].start <= s) {
      const m = byStart[next++];
      if (m.end > s) {
        active.push(m);
        para.append(el('span', { class: 'anchor', id: m.id }));
      }
    }
    if (piece === '\n') {
      para = el('p');
      container.append(para);
      continue;
    }
    if (!active.length) para.append(document.createTextNode(piece));
    else {
      para.append(
        el(
          'span',
          { class: [...new Set(active.map((m) => m.kind))].map((c) => `mark-${c}`).join(' '), title: active.map((m) => m.title).join('\n\n') },
          piece,
        ),
      );
    }
  }
  return container;
}

function flash(id) {
  const anchor = document.getElementById(id);
  if (!anchor) return;
  // Scroll the text pane only, so the page heading and the outline stay put.
  const pane = anchor.closest('.pane');
  if (pane) pane.scrollTop = anchor.offsetTop - pane.clientHeight / 3;
  else anchor.scrollIntoView({ block: 'center' });
  const target = anchor.nextElementSibling ?? anchor;
  target.classList.remove('flash');
  void target.offsetWidth; // restart the animation
  target.classList.add('flash');
}

function outlineTree(goals) {
  const children = new Map();
  for (const g of goals) {
    const key = g.parent ?? -1;
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(g);
  }
  const branch = (parent) =>
    el(
      'ul',
      {},
      (children.get(parent) ?? []).map((g) => {
        const link = el(
          'button',
          { type: 'button', class: 'goal-link', 'data-goal': g.idx, onclick: () => flash(`goal-${g.idx}`) },
          el('span', { class: 'marker' }, g.marker),
          ' ',
          g.title,
        );
        // Children share their section's kind: the badge is shown where it changes.
        const parentKind = g.parent === null ? null : goals.find((x) => x.idx === g.parent)?.kind;
        const badge = g.kind && g.kind !== parentKind ? el('span', { class: `kind kind-${g.kind}` }, `${g.kind}${g.year ? ` ${g.year}` : ''}`) : null;
        if (!children.has(g.idx)) return el('li', {}, link, badge);
        return el('li', {}, el('details', { open: g.depth < 1 }, el('summary', {}, link, badge), branch(g.idx)));
      }),
    );
  return branch(-1);
}

async function docPage(id, params) {
  let view;
  try {
    view = await api(`doc/${id}`);
  } catch (e) {
    main.append(el('h1', {}, `Document ${id}`), errorBox(e));
    return;
  }
  const { doc, text, goals, metrics, initiatives } = view;
  const marks = [
    ...goals.map((g) => ({ id: `goal-${g.idx}`, kind: 'goal', start: g.offset, end: g.offset + g.length, title: `${g.marker} ${g.title}${g.kind ? ` (${g.kind})` : ''}` })),
    ...metrics.map((m, k) => ({ id: `metric-${k}`, kind: 'metric', start: m.offset, end: m.offset + m.length, title: metricTitle(m) })),
    ...initiatives.map((i, k) => ({ id: `initiative-${k}`, kind: 'initiative', start: i.offset, end: i.offset + i.length, title: initiativeTitle(i) })),
  ];
  const at = Number(params.get('at'));
  const len = Number(params.get('len') || 1);
  const hasHit = params.has('at') && Number.isInteger(at) && at >= 0 && at < text.length;
  if (hasHit) marks.push({ id: 'hit', kind: 'hit', start: at, end: at + Math.max(1, len), title: 'search hit' });

  const meta = [
    doc.year && `year ${doc.year}`, doc.review_year && `reviews ${doc.review_year}`, doc.plan_year && `plans ${doc.plan_year}`,
    doc.org, `${doc.chars} characters`, doc.script, doc.source,
  ].filter(Boolean);
  const toggles = ['goal', 'metric', 'initiative'].map((kind) =>
    el('label', { class: `toggle mark-${kind}` },
      el('input', { type: 'checkbox', checked: true, onchange: (e) => textPane.classList.toggle(`hide-${kind}`, !e.target.checked) }),
      ` ${kind}s`),
  );
  const textPane = el('article', { class: 'pane text-pane' }, renderText(text, marks));
  const metricTable = metrics.length
    ? table(
        [
          { label: 'figure', cell: (m) => el('button', { type: 'button', class: 'metric-link', onclick: () => flash(`metric-${metrics.indexOf(m)}`) }, m.raw) },
          { label: 'subject', cell: (m) => m.subject ?? '' },
          { label: '', cell: (m) => (m.change === 'increase' ? '↑' : m.change === 'decrease' ? '↓' : '') },
          { label: 'year', num: true, cell: (m) => m.year ?? '' },
        ],
        metrics,
      )
    : el('p', { class: 'muted' }, 'no figures found');
  const initiativeList = initiatives.length
    ? el('ul', { class: 'initiative-list' }, initiatives.map((i, k) =>
        el('li', {},
          el('button', { type: 'button', class: 'initiative-link', onclick: () => flash(`initiative-${k}`) }, i.name),
          i.code && i.code !== i.name ? el('span', { class: 'code' }, i.code) : null,
          i.members.length ? el('span', { class: 'members' }, i.members.join('、')) : null)))
    : el('p', { class: 'muted' }, 'no initiatives found');

  main.append(
    el('h1', {}, docLabel(doc)),
    el('p', { class: 'meta' }, `#${doc.id} · ${meta.join(' · ')}`),
    el('div', { class: 'legend' }, toggles),
    el(
      'div',
      { class: 'doc-layout' },
      el('nav', { class: 'pane outline', 'aria-label': 'goal outline' }, el('h2', {}, `Goals (${goals.length})`), goals.length ? outlineTree(goals) : el('p', { class: 'muted' }, 'no numbered goals')),
      textPane,
      el('aside', { class: 'pane side' },
        el('h2', {}, `Figures (${metrics.length})`), metricTable,
        el('h2', {}, `Initiatives (${initiatives.length})`), initiativeList),
    ),
  );
  if (hasHit) requestAnimationFrame(() => flash('hit'));
}

// ---- trends --------------------------------------------------------------

async function trendsPage(params) {
  const terms = (params.get('terms') ?? '').split(/[\s,，、]+/).filter(Boolean);
  const input = el('input', { type: 'search', name: 'terms', value: terms.join(' '), placeholder: '医院 医共体 分级诊疗', size: 40 });
  main.append(
    el('h1', {}, 'Trends'),
    el('form', { class: 'query', onsubmit: (e) => { e.preventDefault(); location.hash = hashFor('trends', { terms: input.value.trim() }); } },
      field('Terms', input), el('button', { type: 'submit' }, 'Show')),
  );
  if (!terms.length) {
    const hint = el('p', { class: 'muted' }, 'Name some terms, separated by spaces. Frequent ones: ');
    main.append(hint);
    try {
      const top = await api('freq', { top: 8, pos: 'n' });
      for (const t of top) hint.append(el('a', { class: 'chip', href: hashFor('trends', { terms: t.term }) }, t.term), ' ');
    } catch (e) {
      main.append(errorBox(e));
    }
    return;
  }
  let rows;
  try {
    rows = await api('trend', { term: terms });
  } catch (e) {
    main.append(errorBox(e));
    return;
  }
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const names = [...new Set(rows.map((r) => r.term))];
  const at = new Map(rows.map((r) => [`${r.term}|${r.year}`, r]));
  if (!years.length) {
    main.append(el('p', { class: 'muted' }, 'no document in the database has a year'));
    return;
  }
  const canvas = el('canvas', { id: 'trend-chart', 'aria-label': 'rate per 10,000 tokens by year' });
  main.append(el('div', { class: 'chart' }, canvas));
  chart(canvas, lineConfig(years.map(String), names.map((n) => ({ label: n, data: years.map((y) => at.get(`${n}|${y}`)?.rate ?? 0) })), 'per 10,000 tokens'));
  const tokens = new Map(rows.map((r) => [r.year, r.tokens]));
  main.append(
    el('h2', {}, 'The numbers'),
    table(
      [
        { label: 'year', num: true, cell: (y) => String(y) },
        { label: 'tokens', num: true, cell: (y) => String(tokens.get(y) ?? 0) },
        ...names.flatMap((n) => [
          { label: `${n} count`, num: true, cell: (y) => String(at.get(`${n}|${y}`)?.count ?? 0) },
          { label: `${n} rate`, num: true, cell: (y) => fmt(at.get(`${n}|${y}`)?.rate ?? 0) },
        ]),
      ],
      years,
    ),
  );
}

// ---- initiatives ---------------------------------------------------------

async function initiativesPage(params) {
  const name = params.get('name') ?? '';
  const input = el('input', { type: 'search', name: 'name', value: name, placeholder: '五大中心', size: 24 });
  main.append(
    el('h1', {}, 'Initiatives'),
    el('form', { class: 'query', onsubmit: (e) => { e.preventDefault(); location.hash = hashFor('initiatives', { name: input.value.trim() }); } },
      field('Name contains', input), el('button', { type: 'submit' }, 'Filter')),
  );
  let rows;
  try {
    rows = await api('initiatives', { name });
  } catch (e) {
    main.append(errorBox(e));
    return;
  }
  main.append(el('p', { class: 'count' }, `${rows.length} initiatives`));
  main.append(
    table(
      [
        { label: 'name', cell: (r) => r.name },
        { label: 'code', cell: (r) => r.code ?? '' },
        { label: 'type', cell: (r) => r.type ?? '' },
        { label: 'members', cell: (r) => r.members.join('、') },
        {
          label: 'consistency',
          cell: (r) =>
            r.consistent === null
              ? el('span', { class: 'muted' }, r.expected_count !== null ? `${r.expected_count} expected` : '—')
              : el('span', { class: r.consistent ? 'ok' : 'bad' }, `${r.consistent ? '✓' : '✗'} ${r.members.length} of ${r.expected_count}`),
        },
        { label: 'documents', cell: (r) => r.docs.flatMap((d, k) => [k ? ' ' : '', el('a', { href: `#/doc/${d}` }, String(d))]) },
        { label: 'years', cell: (r) => r.years.join(', ') },
      ],
      rows,
    ),
  );
}

// ---- compare -------------------------------------------------------------

async function comparePage(params) {
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const inputA = el('input', { type: 'search', name: 'a', value: a, placeholder: '2024 · doc:3 · org:深圳', size: 18 });
  const inputB = el('input', { type: 'search', name: 'b', value: b, placeholder: '2025', size: 18 });
  main.append(
    el('h1', {}, 'Compare'),
    el('form', { class: 'query', onsubmit: (e) => { e.preventDefault(); location.hash = hashFor('compare', { a: inputA.value.trim(), b: inputB.value.trim() }); } },
      field('A', inputA), field('B', inputB), el('button', { type: 'submit' }, 'Compare')),
  );
  if (!a || !b) {
    const hint = el('p', { class: 'muted' }, 'Each side is a year, a document id (doc:N) or an organisation (org:TEXT). ');
    main.append(hint);
    const docs = await api('docs').catch(() => []);
    const years = [...new Set(docs.map((d) => d.year).filter(Boolean))].sort((x, y) => x - y);
    if (years.length >= 2) {
      const [x, y] = years.slice(-2);
      hint.append('For example ', el('a', { class: 'chip', href: hashFor('compare', { a: x, b: y }) }, `${x} with ${y}`));
    }
    return;
  }
  let r;
  try {
    r = await api('compare', { a, b });
  } catch (e) {
    main.append(errorBox(e));
    return;
  }
  const sideHead = (s, name) =>
    el('div', { class: 'side-head' }, `${name}: ${s.label}`,
      el('span', { class: 'muted' }, ` · ${s.docs.length} document${s.docs.length === 1 ? '' : 's'} (`,
        s.docs.flatMap((d, k) => [k ? ' ' : '', el('a', { href: `#/doc/${d}` }, String(d))]), `) · ${s.tokens} tokens`));
  const keyTable = (side) =>
    table(
      [
        { label: 'term', cell: (t) => t.term },
        { label: `in ${r.a.label}`, num: true, cell: (t) => String(t.count_a) },
        { label: `in ${r.b.label}`, num: true, cell: (t) => String(t.count_b) },
        { label: 'G²', num: true, cell: (t) => `${fmt(t.g2, 1)} ${t.sig}` },
      ],
      r.keyness.filter((t) => t.side === side),
    );
  const names = (which) => {
    const rows = r.initiatives.filter((i) => i.in === which);
    return rows.length ? el('ul', { class: 'initiative-list' }, rows.map((i) => el('li', {}, i.name))) : el('p', { class: 'muted' }, 'none');
  };
  main.append(
    el('div', { class: 'sides' }, sideHead(r.a, 'A'), sideHead(r.b, 'B')),
    r.shared_docs.length ? el('p', { class: 'muted' }, `documents in both: ${r.shared_docs.join(', ')}`) : '',
    el('h2', {}, 'Terms each side uses more'),
    el('div', { class: 'sides' }, keyTable('A'), keyTable('B')),
    el('h2', {}, 'Initiatives'),
    el('div', { class: 'sides' },
      el('div', {}, el('div', { class: 'side-head' }, `only in ${r.a.label}`), names('A')),
      el('div', {}, el('div', { class: 'side-head' }, `only in ${r.b.label}`), names('B'))),
    el('div', {}, el('div', { class: 'side-head' }, 'in both'), names('both')),
    el('h2', {}, `Figures stated on both sides (${r.metrics.length})`),
    r.metrics.length
      ? table(
          [
            { label: 'subject', cell: (m) => m.subject },
            { label: 'unit', cell: (m) => m.unit },
            { label: r.a.label, num: true, cell: (m) => m.a_raw },
            { label: r.b.label, num: true, cell: (m) => m.b_raw },
            { label: 'change', num: true, cell: (m) => `${m.change > 0 ? '+' : ''}${fmt(m.change)}${m.change_pct !== null ? ` (${m.change_pct > 0 ? '+' : ''}${fmt(m.change_pct, 1)}%)` : ''}` },
          ],
          r.metrics,
        )
      : el('p', { class: 'muted' }, 'no figure with the same subject and unit on both sides'),
    el('h2', {}, `Plans of ${r.a.label} against the review in ${r.b.label}`),
    r.goals.length
      ? table(
          [
            { label: 'status', cell: (g) => g.status },
            { label: `plan (${r.a.label})`, cell: (g) => g.plan_title ?? '' },
            { label: `review (${r.b.label})`, cell: (g) => g.review_title ?? '' },
            { label: 'similarity', num: true, cell: (g) => (g.similarity === null ? '' : fmt(g.similarity)) },
          ],
          r.goals,
        )
      : el('p', { class: 'muted' }, 'no plan goals in A and no review goals in B'),
  );
}

// ---- router --------------------------------------------------------------

const PAGES = { search: searchPage, docs: docsPage, trends: trendsPage, initiatives: initiativesPage, compare: comparePage };

async function route() {
  delete document.body.dataset.ready;
  for (const c of charts) c.destroy();
  charts = [];
  main.replaceChildren();
  const hash = location.hash.replace(/^#\/?/, '') || 'search';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  const [page, id] = path.split('/');
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('current', a.dataset.page === (page === 'doc' ? 'docs' : page));
  document.body.dataset.page = page;
  try {
    if (page === 'doc' && /^\d+$/.test(id ?? '')) await docPage(Number(id), params);
    else if (PAGES[page]) await PAGES[page](params);
    else main.append(el('h1', {}, 'Not found'), el('p', {}, `no page "${page}"`));
  } catch (e) {
    main.append(errorBox(e));
  }
  document.body.dataset.ready = page;
}

window.addEventListener('hashchange', route);
route();
