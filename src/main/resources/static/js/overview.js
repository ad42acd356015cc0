// The landing overview over the empty graph: the corpus by year, level and region, the counts of tasks,
// departments, pilots and indicators, and the latest loads. Every item is a link into a view the
// explorer already has (a hash: nodes to open, a year filter, a document to read).
import { LEVEL_NAMES, gql, id } from './api.js';
import { esc } from './panel.js';
import { TYPES } from './graph.js';
import { documentHash, emptyState, toHash } from './state.js';

const DOC = 'key docNumber title year level issuer region { code name level }';
/**
 * A year's or a level's link opens at most this many of its documents (the latest), so that a large
 * corpus opens a graph of a few hundred nodes, not thousands.
 */
const DOCUMENTS_OPENED_AT_MOST = 12;
/** The documents listed (the latest), of which the issuing regions are counted. */
const DOCUMENTS_LISTED = 100;

/**
 * The documents of each year and level of the corpus, counted by the server (the listed documents are
 * only the latest): {years: {2021: {totalCount, keys}}, levels: {CITY: {totalCount, keys}}}, keys being
 * those of the latest few.
 */
async function documentsByYearAndLevel(byYear, byLevel) {
  const years = byYear.map((g) => g.group).filter((y) => /^\d{4}$/.test(y));
  const levels = byLevel.map((g) => g.group).filter((l) => /^[A-Z_]+$/.test(l));
  if (!years.length && !levels.length) return { years: {}, levels: {} };
  const part = (alias, where) => `${alias}: documents(where: { stub: false, ${where} },
      sort: [{ field: YEAR, direction: DESC }], first: ${DOCUMENTS_OPENED_AT_MOST}) { totalCount edges { node { key } } }`;
  const data = await gql(`{ ${[...years.map((y) => part(`y${y}`, `year: ${y}`)),
    ...levels.map((l) => part(`l${l}`, `level: ${l}`))].join('\n')} }`);
  const read = (x) => ({ totalCount: x.totalCount, keys: x.edges.map((e) => e.node.key) });
  return {
    years: Object.fromEntries(years.map((y) => [y, read(data[`y${y}`])])),
    levels: Object.fromEntries(levels.map((l) => [l, read(data[`l${l}`])])),
  };
}

/** The overview's data: GraphQL counts and documents, and the corpus list (GET /api/documents). */
export async function fetchOverview() {
  const [data, corpus] = await Promise.all([
    gql(`{ tasks(first: 1) { totalCount } departments(first: 1) { totalCount } pilots(first: 1) { totalCount }
        indicators(first: 1) { totalCount }
        documents(where: { stub: false }, sort: [{ field: YEAR, direction: DESC }], first: ${DOCUMENTS_LISTED}) { totalCount edges { node { ${DOC} } } }
        byYear: taskCounts(by: YEAR) { group count }
        byLevel: taskCounts(by: LEVEL) { group count }
        leads: departmentRanking(role: LEAD, first: 6) { department { key name } count }
        programmes: programmeSites { programme { name } pilots sites } }`),
    fetch('api/documents', { headers: { Accept: 'application/json' } }).then((r) => (r.ok ? r.json() : { documents: [] })),
  ]);
  return { ...data, corpus: corpus.documents || [], ...(await documentsByYearAndLevel(data.byYear, data.byLevel)) };
}

/** The hash of a graph view opening these nodes, with optional filters. */
function viewHash(nodes, extra = {}) {
  return toHash({ ...emptyState(), nodes, sel: nodes.length === 1 ? nodes[0] : '', ...extra });
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const x of items) {
    const k = keyOf(x);
    if (k == null) continue;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(x);
  }
  return groups;
}

const dot = (type) => `<span class="dot" style="background:${TYPES[type].color}"></span>`;

function when(iso) {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso || '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

export function renderOverview(o) {
  const docs = o.documents.edges.map((e) => e.node);
  if (!docs.length) {
    return `<div class="overview"><h2>尚未载入文件</h2><p class="muted">上传或用命令行 ingest 载入政策文件后，这里显示概览。</p></div>`;
  }
  const taskCount = (groups, k) => (groups.find((g) => g.group === String(k)) || {}).count || 0;
  const total = o.documents.totalCount;
  const allDocs = docs.slice(0, DOCUMENTS_OPENED_AT_MOST).map((d) => id.document(d.key));
  /** "opens these documents", saying when they are only the latest of more. */
  const opens = (shown, count) => (count > shown ? `打开其中最新的 ${shown} 份文件` : '打开这些文件');

  const years = Object.entries(o.years).sort((a, b) => b[0] - a[0]);
  const byYear = years.map(([y, ds]) => `<li><a class="ov-year" data-year="${esc(y)}" title="${opens(ds.keys.length, ds.totalCount)}"
      href="${esc(viewHash(ds.keys.map((k) => id.document(k)), { year: String(y) }))}"><b>${esc(y)} 年</b></a>
      <span class="ov-n">${ds.totalCount} 份文件</span><span class="muted"> · ${taskCount(o.byYear, y)} 项任务</span></li>`).join('');

  const levels = Object.entries(o.levels);
  const byLevel = levels.map(([l, ds]) => `<li><a class="ov-level" data-level="${esc(l)}" title="${opens(ds.keys.length, ds.totalCount)}"
      href="${esc(viewHash(ds.keys.map((k) => id.document(k))))}"><b>${esc(LEVEL_NAMES[l] || l)}</b></a>
      <span class="ov-n">${ds.totalCount} 份文件</span><span class="muted"> · ${taskCount(o.byLevel, l)} 项任务</span></li>`).join('');

  const regions = [...groupBy(docs.filter((d) => d.region), (d) => d.region.code).values()];
  const byRegion = regions.map((ds) => {
    const r = ds[0].region;
    return `<li><a class="ov-region node-ref" data-node="${esc(id.region(r.code))}"
      href="${esc(viewHash([id.region(r.code)]))}">${dot('region')}${esc(r.name)}</a>
      <span class="ov-n">${ds.length} 份文件</span></li>`;
  }).join('');

  const counts = [
    ['task', '任务', o.tasks.totalCount],
    ['department', '部门', o.departments.totalCount],
    ['pilot', '试点', o.pilots.totalCount],
    ['indicator', '指标', o.indicators.totalCount],
  ].map(([type, name, n]) => `<a class="ov-count ov-count-${type}" href="${esc(viewHash(allDocs))}" title="${opens(allDocs.length, total)}">
      <b>${esc(n)}</b><span>${dot(type)}${name}</span></a>`).join('');

  const docList = docs.map((d) => `<li class="ov-doc"><a class="node-ref" data-node="${esc(id.document(d.key))}"
      href="${esc(viewHash([id.document(d.key)]))}">${dot('document')}${esc(d.title || d.key)}</a>
      <span class="muted">${esc(d.docNumber || '')} · ${esc(d.year || '')} · ${esc(LEVEL_NAMES[d.level] || '')}</span>
      <a class="doc-link" href="${esc(documentHash(d.key))}">阅读全文</a></li>`).join('');

  const latest = [...o.corpus].sort((a, b) => String(b.loadedAt || '').localeCompare(String(a.loadedAt || ''))).slice(0, 5)
    .map((e) => `<li class="ov-load"><a class="node-ref" data-node="${esc(id.document(e.key))}"
      href="${esc(viewHash([id.document(e.key)]))}">${dot('document')}${esc(e.title || e.key)}</a>
      <span class="muted">${esc(when(e.loadedAt))} · ${esc(e.sourceName || '')} · ${esc(e.tasks)} 项任务 · ${esc(e.indicators)} 个指标</span></li>`).join('');

  const leads = o.leads.map((x) => `<li><a class="node-ref" data-node="${esc(id.department(x.department.key))}"
      href="${esc(viewHash([id.department(x.department.key)]))}">${dot('department')}${esc(x.department.name)}</a>
      <span class="muted">牵头 ${esc(x.count)} 项</span></li>`).join('');
  const programmes = o.programmes.slice(0, 6).map((x) => `<li><a class="node-ref" data-node="${esc(id.programme(x.programme.name))}"
      href="${esc(viewHash([id.programme(x.programme.name)]))}">${dot('programme')}${esc(x.programme.name)}</a>
      <span class="muted">${esc(x.pilots)} 个试点 · ${esc(x.sites)} 处</span></li>`).join('');

  return `<div class="overview">
    <h2>概览 <span class="muted">已载入 ${total} 份文件</span></h2>
    <div class="ov-counts">${counts}</div>
    <div class="ov-grid">
      <section><h3>按年份</h3><ul class="plain ov-years">${byYear}</ul></section>
      <section><h3>按级别</h3><ul class="plain ov-levels">${byLevel}</ul></section>
      <section><h3>按发文地区${total > docs.length ? `<span class="muted">（最新 ${docs.length} 份）</span>` : ''}</h3><ul class="plain ov-regions">${byRegion || '<li class="muted">无</li>'}</ul></section>
    </div>
    <section><h3>文件${total > docs.length ? `<span class="muted">（最新 ${docs.length} 份，共 ${total} 份；其余请搜索）</span>` : ''}</h3><ul class="plain ov-docs">${docList}</ul></section>
    <section><h3>最近载入</h3><ul class="plain ov-latest">${latest || '<li class="muted">无</li>'}</ul></section>
    <div class="ov-grid">
      <section><h3>牵头任务最多的部门</h3><ul class="plain">${leads || '<li class="muted">无</li>'}</ul></section>
      <section><h3>试点项目</h3><ul class="plain">${programmes || '<li class="muted">无</li>'}</ul></section>
    </div>
    <p class="muted">单击年份、级别、地区、文件或部门，在关系图中打开；也可搜索、提问或选择预设问题。</p>
  </div>`;
}
