// PolicyGraph relationship explorer: wires the search box, graph, side panel, presets, filters,
// export and the URL state together.
import { neighbourhood, LEVEL_NAMES, ROLE_NAMES, parseId } from './api.js';
import { Graph, TYPES } from './graph.js';
import { Panel, esc, renderDocumentView } from './panel.js';
import { SearchBox } from './search.js';
import { PRESETS, preset, runPreset } from './presets.js';
import { emptyState, parseHash, toHash } from './state.js';

const $ = (sel) => document.querySelector(sel);

let state = emptyState();
let lastHash = '';
let busy = 0;

const graph = new Graph($('#cy'), {
  onSelect: (nodeId) => select(nodeId),
  onExpand: (nodeId) => expand(nodeId),
});
const panel = new Panel($('#panel'), {
  onOpen: (nodeId) => open(nodeId),
  onExpand: (nodeId) => expand(nodeId),
});
const searchBox = new SearchBox($('#search'), $('#suggestions'), (item, text) => startFrom(item.id, text));

// -----------------------------------------------------------------------------------------------
// Busy indicator and status

async function work(fn) {
  busy++;
  document.body.dataset.busy = String(busy);
  $('#spinner').hidden = false;
  try {
    return await fn();
  } catch (err) {
    status(`出错：${err.message}`, true);
    console.warn(err);
    return null;
  } finally {
    busy--;
    document.body.dataset.busy = String(busy);
    $('#spinner').hidden = busy === 0;
  }
}

function status(text, error = false) {
  const el = $('#status');
  el.textContent = text;
  el.classList.toggle('error', error);
}

function counts() {
  const visible = graph.cy.elements().not('.filtered');
  status(`${visible.nodes().length} 个节点 · ${visible.edges().length} 条关系${graph.size !== visible.nodes().length ? `（共 ${graph.size}）` : ''}`);
}

// -----------------------------------------------------------------------------------------------
// URL state

function writeHash() {
  state.layout = graph.layoutName;
  Object.assign(state, graph.filters);
  const hash = toHash(state);
  lastHash = hash;
  if (location.hash !== hash) history.replaceState(null, '', hash || '#');
  $('#share-url').value = location.href;
}

async function restore(s) {
  state = { ...emptyState(), ...s };
  lastHash = toHash(state);
  $('#search').value = state.q || '';
  graph.clear();
  graph.setLayout(state.layout);
  graph.filters = { hide: state.hide, level: state.level, role: state.role, doc: state.doc, year: state.year };
  syncControls();
  await work(async () => {
    if (state.preset) await loadPreset(preset(state.preset), { fresh: false });
    const fragments = await Promise.all(state.nodes.map((n) => neighbourhood(n).catch(() => null)));
    fragments.forEach((f, i) => {
      if (f) {
        graph.merge(f);
        graph.markSeed(state.nodes[i]);
      }
    });
    refreshFacets();
    await graph.layout();
    counts();
    if (state.sel && graph.has(state.sel)) {
      graph.select(state.sel);
      panel.show(state.sel, graph.node(state.sel));
    } else if (!state.preset) {
      panel.clear();
    }
  });
  writeHash();
}

// -----------------------------------------------------------------------------------------------
// Actions

/** A fresh view from one node: it and its neighbours. */
async function startFrom(nodeId, text = '') {
  state = { ...emptyState(), layout: graph.layoutName, ...graph.filters, q: text, nodes: [nodeId], sel: nodeId };
  graph.clear();
  await work(async () => {
    graph.merge(await neighbourhood(nodeId));
    graph.markSeed(nodeId);
    refreshFacets();
    await graph.layout();
    graph.select(nodeId);
    counts();
  });
  panel.show(nodeId, graph.node(nodeId));
  writeHash();
}

/** Adds the node's neighbours to the graph. */
async function expand(nodeId) {
  await work(async () => {
    const fragment = await neighbourhood(nodeId);
    const added = graph.merge(fragment, nodeId);
    graph.markSeed(nodeId);
    if (!state.nodes.includes(nodeId)) state.nodes.push(nodeId);
    refreshFacets();
    if (graph.size > 600) {
      // a large graph keeps its layout: the new neighbours go around the expanded node
      graph.placeAround(nodeId, added);
      graph.focus(nodeId);
    } else if (added.length) {
      await graph.layout({ fit: graph.size < 400 });
    }
    counts();
    status(`${$('#status').textContent} · 新增 ${added.length} 个节点`);
  });
  select(nodeId);
}

/** Selects a node, adding it (with its neighbours) first when it is not in the graph. */
async function open(nodeId) {
  if (!graph.has(nodeId)) {
    await expand(nodeId);
  }
  select(nodeId);
  graph.focus(nodeId);
}

function select(nodeId) {
  graph.select(nodeId);
  state.sel = nodeId || '';
  if (nodeId) panel.show(nodeId, graph.node(nodeId));
  writeHash();
}

async function loadPreset(p, { fresh = true } = {}) {
  if (!p) return;
  if (fresh) {
    state = { ...emptyState(), layout: graph.layoutName, ...graph.filters, preset: p.id };
    graph.clear();
  }
  const answer = await runPreset(p);
  graph.merge(answer);
  for (const t of answer.tasks) graph.markSeed(`task:${t.key}`);
  const list = answer.tasks.map((t) => `<li><a href="#" class="node-link" data-node="${esc(`task:${t.key}`)}">
      <span class="dot" style="background:${TYPES.task.color}"></span>${esc(t.label || '')}${esc(t.title || '')}</a>
      <span class="muted">${esc(t.document.docNumber || t.document.title || '')}</span></li>`).join('');
  panel.clear(`<div class="preset-answer"><span class="type-badge" style="background:#555">预设</span>
    <h2>${esc(p.question)}</h2>
    <pre class="query">tasks(where: ${esc(JSON.stringify(p.where).replace(/"([A-Za-z]+)":/g, '$1: ').replace(/"([A-Z_]+)"/g, '$1').replace(/,/g, ', '))})</pre>
    <p>${answer.totalCount} 个任务：</p><ul class="plain answer-list">${list || '<li class="muted">无</li>'}</ul></div>`);
  $('#preset-select').value = p.id;
}

async function choosePreset(presetId) {
  await work(async () => {
    await loadPreset(preset(presetId));
    refreshFacets();
    await graph.layout();
    counts();
  });
  writeHash();
}

// -----------------------------------------------------------------------------------------------
// Controls: legend, filters, layout, export, share

function buildControls() {
  $('#legend').innerHTML = Object.entries(TYPES).map(([type, t]) => `<label class="legend-item">
      <input type="checkbox" data-type="${type}" checked><span class="swatch shape-${t.shape}" style="background:${t.color}"></span>${t.name}</label>`).join('')
    + `<div class="legend-edges"><span class="edge-key lead"></span>牵头 <span class="edge-key partner"></span>配合
       <span class="edge-key pilot"></span>试点（按级别着色）</div>`;
  $('#level-filter').innerHTML = Object.entries(LEVEL_NAMES).map(([l, name]) => `<label><input type="checkbox" data-level="${l}">${name}</label>`).join('');
  $('#role-filter').innerHTML = Object.entries(ROLE_NAMES).map(([r, name]) => `<label><input type="checkbox" data-role="${r}">${name}</label>`).join('');
  $('#preset-select').innerHTML = '<option value="">预设视图…</option>'
    + PRESETS.map((p) => `<option value="${p.id}">${esc(p.title)}</option>`).join('');
  $('#preset-buttons').innerHTML = PRESETS.map((p) => `<button type="button" data-preset="${p.id}" title="${esc(p.question)}">${esc(p.title)}</button>`).join('');

  $('#legend').addEventListener('change', filtersChanged);
  $('#level-filter').addEventListener('change', filtersChanged);
  $('#role-filter').addEventListener('change', filtersChanged);
  $('#doc-filter').addEventListener('change', filtersChanged);
  $('#year-filter').addEventListener('change', filtersChanged);
  $('#preset-select').addEventListener('change', (e) => e.target.value && choosePreset(e.target.value));
  $('#preset-buttons').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-preset]');
    if (b) choosePreset(b.dataset.preset);
  });
  $('#layout-select').addEventListener('change', (e) => {
    graph.setLayout(e.target.value);
    work(() => graph.layout());
    writeHash();
  });
  $('#fit').addEventListener('click', () => graph.fit());
  $('#zoom-in').addEventListener('click', () => graph.zoom(1.25));
  $('#zoom-out').addEventListener('click', () => graph.zoom(0.8));
  $('#relayout').addEventListener('click', () => work(() => graph.layout()));
  $('#clear').addEventListener('click', () => {
    graph.clear();
    state = { ...emptyState(), layout: graph.layoutName, ...graph.filters };
    panel.clear();
    counts();
    writeHash();
  });
  $('#export-png').addEventListener('click', () => download('policygraph.png', graph.png()));
  $('#export-json').addEventListener('click', () => {
    const blob = new Blob([JSON.stringify(graph.json(), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    download('policygraph.json', url);
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  });
  $('#share').addEventListener('click', async () => {
    writeHash();
    const input = $('#share-url');
    input.hidden = false;
    input.select();
    try {
      await navigator.clipboard.writeText(location.href);
      status('已复制视图链接');
    } catch (err) {
      status('视图链接见右上方输入框');
    }
  });
  $('#close-doc').addEventListener('click', () => {
    history.replaceState(null, '', lastHash || '#');
    showGraph();
  });
  $('#docview').addEventListener('click', (e) => {
    const link = e.target.closest('.node-link');
    if (link) {
      e.preventDefault();
      history.replaceState(null, '', lastHash || '#');
      showGraph();
      open(link.dataset.node);
    }
  });
}

function download(name, href) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function filtersChanged() {
  const checked = (sel, attr) => [...document.querySelectorAll(`${sel} input:checked`)].map((i) => i.dataset[attr]);
  const hide = [...document.querySelectorAll('#legend input[data-type]')].filter((i) => !i.checked).map((i) => i.dataset.type);
  graph.setFilters({
    hide,
    level: checked('#level-filter', 'level'),
    role: checked('#role-filter', 'role'),
    doc: $('#doc-filter').value,
    year: $('#year-filter').value,
  });
  counts();
  writeHash();
}

function syncControls() {
  const f = graph.filters;
  document.querySelectorAll('#legend input[data-type]').forEach((i) => { i.checked = !f.hide.includes(i.dataset.type); });
  document.querySelectorAll('#level-filter input').forEach((i) => { i.checked = f.level.includes(i.dataset.level); });
  document.querySelectorAll('#role-filter input').forEach((i) => { i.checked = f.role.includes(i.dataset.role); });
  $('#layout-select').value = graph.layoutName;
  $('#preset-select').value = state.preset || '';
  refreshFacets();
}

function refreshFacets() {
  const { docs, years } = graph.facets();
  const f = graph.filters;
  if (f.doc && !docs.some(([k]) => k === f.doc)) docs.push([f.doc, f.doc]);
  if (f.year && !years.map(String).includes(String(f.year))) years.push(f.year);
  $('#doc-filter').innerHTML = '<option value="">全部文件</option>'
    + docs.map(([k, label]) => `<option value="${esc(k)}"${k === f.doc ? ' selected' : ''}>${esc(label)}</option>`).join('');
  $('#year-filter').innerHTML = '<option value="">全部年份</option>'
    + years.map((y) => `<option value="${y}"${String(y) === String(f.year) ? ' selected' : ''}>${y}</option>`).join('');
}

// -----------------------------------------------------------------------------------------------
// Routes

function showGraph() {
  document.body.classList.remove('doc-open');
  $('#docview').hidden = true;
}

async function showDocument(key, ordinal) {
  document.body.classList.add('doc-open');
  $('#docview').hidden = false;
  await work(() => renderDocumentView($('#doc-body'), key, ordinal));
}

async function route() {
  const r = parseHash(location.hash);
  if (r.view === 'document') {
    await showDocument(r.key, r.task);
    return;
  }
  showGraph();
  if (toHash(r.state) !== lastHash) await restore(r.state);
}

buildControls();
panel.clear();
window.addEventListener('hashchange', route);
window.policygraph = { graph, cy: graph.cy, panel, search: searchBox, state: () => state, parseId };
route().then(() => {
  document.body.dataset.ready = 'true';
  counts();
});
