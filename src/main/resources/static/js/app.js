// PolicyGraph relationship explorer: wires the search box, questions, graph, side panel, presets,
// filters, export and the URL state together.
import { neighbourhood, LEVEL_NAMES, ROLE_NAMES, parseId } from './api.js';
import { Graph, TYPES, LEVEL_COLORS } from './graph.js';
import {
  csv, gexf, graphml, download, saveText, saveBlob, swatch, picture, xlsx,
} from './export.js';
import { TABLES, table, tableSizes } from './tables.js';
import { Panel, esc, renderDocumentView } from './panel.js';
import { SearchBox } from './search.js';
import { showYearOverYear } from './yoy.js';
import { GROUPINGS } from './grouping.js';
import { UndoStack } from './undo.js';
import { fetchOverview, renderOverview } from './overview.js';
import { PRESETS, preset, runPreset } from './presets.js';
import { emptyState, parseHash, toHash } from './state.js';
import {
  AskBar, ask, answerChips, chipsFromHash, chipsToHash, graphqlOf, nameRegions, sameChips,
} from './ask.js';

const $ = (sel) => document.querySelector(sel);

let state = emptyState();
let lastHash = '';
let busy = 0;
// the year-over-year comparison is drawn in the graph
let yoyShown = false;

const graph = new Graph($('#cy'), {
  onSelect: (nodeId, additive) => select(nodeId, additive),
  onExpand: (nodeId) => expand(nodeId),
  onPinned: (nodeId, before) => pinned(nodeId, before),
});
const undo = new UndoStack(showUndo);
const panel = new Panel($('#panel'), {
  onOpen: (nodeId) => open(nodeId),
  onExpand: (nodeId) => expand(nodeId),
});
const searchBox = new SearchBox($('#search'), $('#suggestions'), (item, text) => startFrom(item.id, text),
  (question, fallback) => askQuestion(question, fallback));
const askBar = new AskBar($('#ask-bar'), {
  onRemove: (index) => removeChip(index),
  onClose: () => clearView(),
});
// the question on show: {question, interpreted, chips, notUnderstood, alternatives, totalCount}
let asked = null;

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

/** The landing overview, shown over the graph while it is empty (and nothing is asked or compared). */
let overviewShown = false;
/** Nothing is shown: no node, and no question, preset or comparison whose answer is empty. */
const nothingShown = () => graph.size === 0 && !asked && !yoyShown && !state.preset;
async function overview() {
  const show = nothingShown();
  const el = $('#overview');
  if (show === overviewShown) return;
  overviewShown = show;
  el.hidden = !show;
  if (!show) return;
  el.innerHTML = '<div class="loading">加载概览…</div>';
  await work(async () => {
    const html = renderOverview(await fetchOverview());
    if (overviewShown) el.innerHTML = html;
  });
}

// nodes added by any route (the API on window.policygraph included) uncover the graph
graph.cy.on('add', () => { if (overviewShown) overview(); });

function counts() {
  overview();
  if (nothingShown()) {
    status('概览：单击年份、地区或文件进入关系图');
    return;
  }
  const visible = graph.visible();
  const groups = visible.nodes('[type = "group"]').length;
  status(`${visible.nodes().length} 个节点 · ${visible.edges().length} 条关系${graph.size !== visible.nodes().length ? `（共 ${graph.size}）` : ''}`
    + `${groups ? ` · ${groups} 个任务组` : ''}${graph.hidden.size ? ` · 已隐藏 ${graph.hidden.size} 个` : ''}`);
  $('#show-hidden').hidden = graph.hidden.size === 0;
  $('#show-hidden').textContent = `显示隐藏（${graph.hidden.size}）`;
  if (tableShown) showTable(tableShown);
}

function clearGraph() {
  graph.clear();
  undo.clear();
}

// -----------------------------------------------------------------------------------------------
// URL state

function writeHash() {
  state.layout = graph.layoutName;
  Object.assign(state, graph.filters);
  state.group = graph.grouping.by;
  state.hidden = [...graph.hidden];
  const hash = toHash(state);
  lastHash = hash;
  if (location.hash !== hash) history.replaceState(null, '', hash || '#');
  $('#share-url').value = location.href;
}

async function restore(s) {
  yoyShown = false;
  state = { ...emptyState(), ...s };
  lastHash = toHash(state);
  $('#search').value = state.q || '';
  clearGraph();
  graph.setLayout(state.layout);
  graph.filters = { hide: state.hide, level: state.level, role: state.role, doc: state.doc, year: state.year };
  syncControls();
  if (!state.ask) hideAsk();
  await work(async () => {
    if (state.preset) await loadPreset(preset(state.preset), { fresh: false });
    if (state.ask) await loadAsk(state.ask, chipsFromHash(state.chips), state.chips.length > 0);
    const fragments = await Promise.all(state.nodes.map((n) => neighbourhood(n).catch(() => null)));
    fragments.forEach((f, i) => {
      if (f) {
        graph.merge(f);
        graph.markSeed(state.nodes[i]);
      }
    });
    // the URL's grouping, none when it has none (a view opened from a link is not grouped)
    if (state.group || graph.grouping.by) graph.setGrouping(state.group);
    $('#group-select').value = graph.grouping.by;
    if (state.hidden.length) graph.hide(state.hidden);
    refreshFacets();
    await graph.layout();
    counts();
    if (state.sel && graph.has(state.sel)) {
      graph.select(state.sel);
      panel.show(state.sel, graph.node(state.sel));
    } else if (!state.preset && !state.ask) {
      panel.clear();
    }
  });
  writeHash();
}

// -----------------------------------------------------------------------------------------------
// Actions

/** A fresh view from one node: it and its neighbours. */
async function startFrom(nodeId, text = '') {
  yoyShown = false;
  state = { ...emptyState(), layout: graph.layoutName, ...graph.filters, q: text, nodes: [nodeId], sel: nodeId };
  hideAsk();
  clearGraph();
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

/** Adds the node's neighbours to the graph; a group node shows its tasks instead. */
async function expand(nodeId) {
  if (graph.isGroup(nodeId)) {
    await expandGroup(nodeId);
    return;
  }
  remember('展开关联');
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

/**
 * Selects a node, adding it (with its neighbours) first when it is not in the graph, expanding its group
 * when it is collapsed and showing it when it was hidden.
 */
async function open(nodeId) {
  const group = graph.collapsedInto(nodeId);
  if (group) await expandGroup(group);
  if (graph.hidden.has(nodeId)) {
    remember('显示节点');
    graph.hidden.delete(nodeId);
    graph.setFilters({});
    counts();
  }
  if (!graph.has(nodeId)) {
    await expand(nodeId);
  }
  select(nodeId);
  graph.focus(nodeId);
}

/** Selects a node and shows it in the panel; `additive` (a tap with Shift or Ctrl) keeps the other selected nodes. */
function select(nodeId, additive = false) {
  if (!additive) graph.select(nodeId);
  state.sel = nodeId || '';
  if (nodeId && graph.isGroup(nodeId)) showGroup(nodeId);
  else if (nodeId) panel.show(nodeId, graph.node(nodeId));
  writeHash();
}

/** The panel of a group node: what it holds, its tasks, and a button that expands it. */
function showGroup(groupId) {
  const g = graph.node(groupId);
  const members = g.memberIds.map((memberId) => graph.node(memberId)).filter(Boolean);
  panel.clear(`<div class="panel-head"><span class="type-badge" style="background:${TYPES.task.color}">任务组</span>
      <button class="expand" data-node="${esc(groupId)}" title="显示此组的任务（也可双击组节点）">展开此组</button></div>
    <h2>${esc(g.name)}</h2><p class="group-count">${g.count} 项任务（按${GROUPINGS[g.groupBy]}折叠）</p>
    <ul class="plain group-members">${members.map((m) => `<li><a href="#" class="node-link" data-node="${esc(m.id)}">
      <span class="dot" style="background:${TYPES.task.color}"></span>${esc(m.label || m.id)}</a></li>`).join('')}</ul>`);
}

// -----------------------------------------------------------------------------------------------
// Changes to the view that can be undone: pin, hide, collapse and expand, layouts, expanding neighbours

/** The view as it is now, to come back to. */
function viewNow() {
  return { graph: graph.snapshot(), nodes: [...state.nodes], sel: state.sel };
}

function remember(what, before = viewNow()) {
  undo.push(what, before);
}

function showUndo(stack) {
  const button = $('#undo');
  button.disabled = !stack.last;
  button.title = stack.last ? `撤销：${stack.last.what}（Ctrl+Z）` : '撤销（Ctrl+Z）';
}

function undoLast() {
  if (busy) return;
  const step = undo.pop();
  if (!step) {
    status('没有可撤销的操作');
    return;
  }
  const { graph: before, nodes, sel } = step.before;
  graph.restoreSnapshot(before);
  state.nodes = nodes;
  state.sel = graph.has(sel) ? sel : '';
  syncControls();
  counts();
  if (state.sel && !graph.isGroup(state.sel)) panel.show(state.sel, graph.node(state.sel));
  writeHash();
  status(`${$('#status').textContent} · 已撤销：${step.what}`);
}

function pinned(nodeId, before) {
  if (before) remember('固定节点', { graph: before, nodes: [...state.nodes], sel: state.sel });
  status(`${$('#status').textContent} · 已固定“${(graph.node(nodeId) || {}).label || nodeId}”（布局不再移动它）`);
}

function unpinSelected() {
  const selected = graph.selectedIds();
  const before = viewNow();
  const count = graph.unpin(selected);
  if (!count) {
    status('没有固定的节点（拖动节点即可固定）');
    return;
  }
  remember('取消固定', before);
  counts();
  status(`${$('#status').textContent} · 已取消固定 ${count} 个节点`);
}

function hideSelected() {
  const selected = graph.selectedIds();
  if (!selected.length) {
    status('先单击选中要隐藏的节点（按住 Shift 可多选）');
    return;
  }
  remember(`隐藏 ${selected.length} 个节点`);
  graph.hide(selected);
  state.sel = '';
  panel.clear();
  counts();
  writeHash();
}

function showHidden() {
  remember('显示隐藏的节点');
  graph.showHidden();
  counts();
  writeHash();
}

async function collapse(by) {
  remember(by ? `按${GROUPINGS[by]}折叠任务` : '展开全部任务组');
  await work(async () => {
    graph.setGrouping(by);
    await graph.layout();
    counts();
  });
  $('#group-select').value = graph.grouping.by;
  writeHash();
}

async function expandGroup(groupId) {
  remember('展开任务组');
  await work(async () => {
    graph.expandGroup(groupId);
    await graph.layout({ fit: graph.size < 400 });
    counts();
  });
  if (state.sel === groupId) {
    state.sel = '';
    panel.clear();
  }
  writeHash();
}

async function relayout() {
  remember('重新布局');
  await work(() => graph.layout());
}

async function loadPreset(p, { fresh = true } = {}) {
  if (!p) return;
  if (fresh) {
    state = { ...emptyState(), layout: graph.layoutName, ...graph.filters, preset: p.id };
    hideAsk();
    clearGraph();
  }
  const answer = await runPreset(p);
  drawAnswer(answer);
  panel.clear(answerPanel('预设', p.question,
    `<pre class="query">tasks(where: ${esc(JSON.stringify(p.where).replace(/"([A-Za-z]+)":/g, '$1: ').replace(/"([A-Z_]+)"/g, '$1').replace(/,/g, ', '))})</pre>`,
    answer));
  $('#preset-select').value = p.id;
}

/** Draws an answer's tasks with their neighbourhoods, the tasks marked as seeds. */
function drawAnswer(answer) {
  graph.merge(answer);
  for (const t of answer.tasks) graph.markSeed(`task:${t.key}`);
}

/** The panel listing an answer's tasks under its question and query. */
function answerPanel(badge, question, queryHtml, answer) {
  const list = answer.tasks.map((t) => `<li><a href="#" class="node-link" data-node="${esc(`task:${t.key}`)}">
      <span class="dot" style="background:${TYPES.task.color}"></span>${esc(t.label || '')}${esc(t.title || '')}</a>
      <span class="muted">${esc(t.document.docNumber || t.document.title || '')}</span></li>`).join('');
  return `<div class="preset-answer"><span class="type-badge" style="background:#555">${esc(badge)}</span>
    <h2>${esc(question)}</h2>${queryHtml}
    <p>${answer.totalCount} 个任务${answer.tasks.length < answer.totalCount ? `（显示前 ${answer.tasks.length} 个）` : ''}：</p>
    <ul class="plain answer-list">${list || '<li class="muted">无</li>'}</ul></div>`;
}

// -----------------------------------------------------------------------------------------------
// Questions in Chinese: chips above the graph, the answer drawn like a preset's

const NO_ANSWER = { tasks: [], totalCount: 0, nodes: [], edges: [] };

/** Asks a fresh question; when nothing of it is understood and the search box had a best suggestion, opens that. */
async function askQuestion(question, fallback = null) {
  state = { ...emptyState(), layout: graph.layoutName, ...graph.filters, q: question, ask: question };
  clearGraph();
  const understood = await work(async () => {
    await loadAsk(question, [], false, fallback);
    if (!asked) return false;
    refreshFacets();
    await graph.layout();
    counts();
    return true;
  });
  if (understood === false && fallback) {
    await startFrom(fallback.id, question);
    status(`${$('#status').textContent} · 未能把“${question}”解读为问题，已打开最接近的结果`);
    return;
  }
  writeHash();
}

/**
 * Asks the question and draws its answer. With `edited`, the chips are the ones kept in the URL (their
 * words taken from the interpretation), and the answer is that of the kept chips.
 */
async function loadAsk(question, chips, edited, fallback = null) {
  const answer = await ask(question);
  const interpreted = answer.interpretation.filters;
  if (!interpreted.length && fallback) {
    asked = null;
    return;
  }
  let shown = answer;
  if (edited) {
    chips = chips.map((c) => interpreted.find((i) => i.field === c.field && i.value === c.value) || c);
    if (!sameChips(chips, interpreted)) shown = chips.length ? await answerChips(chips) : NO_ANSWER;
  } else {
    chips = interpreted;
  }
  asked = {
    question,
    interpreted,
    chips,
    notUnderstood: answer.interpretation.notUnderstood,
    alternatives: answer.interpretation.alternatives,
  };
  state.chips = chipsToHash(chips);
  if (!state.chips.length) state.chips = ['-'];
  await nameRegions(chips);
  showAnswer(shown);
}

function showAnswer(answer) {
  asked.totalCount = answer.totalCount;
  drawAnswer(answer);
  askBar.show({ ...asked, edited: !sameChips(asked.chips, asked.interpreted) });
  graph.cy.resize();
  const query = asked.chips.length
    ? `<div class="query-head"><span class="muted">等价的 GraphQL 查询：</span>
        <button type="button" class="copy-query" title="复制查询">复制</button>
        <a href="graphiql" class="tool-link" target="_blank" rel="noopener">GraphiQL</a></div>
      <pre class="query ask-query">${esc(graphqlOf(asked.chips))}</pre>`
    : '<p class="muted">没有筛选条件：不回答全部任务。</p>';
  panel.clear(answerPanel('提问', asked.question, query, answer));
  $('#search').value = asked.question;
}

/** Removes one chip and answers the remaining ones with tasks(where:). */
async function removeChip(index) {
  if (!asked) return;
  const chips = asked.chips.filter((_, i) => i !== index);
  asked.chips = chips;
  state.chips = chips.length ? chipsToHash(chips) : ['-'];
  state.nodes = [];
  state.sel = '';
  clearGraph();
  await work(async () => {
    showAnswer(chips.length ? await answerChips(chips) : NO_ANSWER);
    refreshFacets();
    await graph.layout();
    counts();
  });
  writeHash();
}

function hideAsk() {
  if (!asked && $('#ask-bar').hidden) return;
  asked = null;
  askBar.hide();
  graph.cy.resize();
}

/** Draws a year-over-year comparison in place of the graph (the panel keeps the form and the lists). */
async function drawYearOverYear(fragment) {
  state = { ...emptyState(), layout: graph.layoutName, ...graph.filters };
  hideAsk();
  clearGraph();
  yoyShown = true;
  graph.merge(fragment);
  refreshFacets();
  await graph.layout();
  counts();
  writeHash();
}

function clearView() {
  yoyShown = false;
  clearGraph();
  hideAsk();
  state = { ...emptyState(), layout: graph.layoutName, ...graph.filters };
  panel.clear();
  counts();
  writeHash();
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
  $('#legend').innerHTML = Object.entries(TYPES).map(([type, t]) => `<label class="legend-item" data-type="${type}">
      <input type="checkbox" data-type="${type}" checked>${t.name}</label>`).join('')
    + `<div class="legend-edges"><span class="edge-key lead"></span>牵头 <span class="edge-key partner"></span>配合
       <span class="edge-key pilot"></span>试点（按级别着色）</div>`;
  // the swatches are drawn by Cytoscape's own shape code, so they look like the nodes
  document.querySelectorAll('#legend label.legend-item').forEach((label) => {
    const t = TYPES[label.dataset.type];
    label.querySelector('input').after(swatch(graph.cy, t.shape, t.color));
  });
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
    remember('切换布局');
    graph.setLayout(e.target.value);
    work(() => graph.layout());
    writeHash();
  });
  $('#group-select').addEventListener('change', (e) => collapse(e.target.value));
  $('#hide-selected').addEventListener('click', hideSelected);
  $('#show-hidden').addEventListener('click', showHidden);
  $('#unpin').addEventListener('click', unpinSelected);
  $('#undo').addEventListener('click', undoLast);
  document.addEventListener('keydown', (e) => {
    // keys typed into a text field are the field's own (Ctrl+Z there undoes typing); a toolbar select keeps none
    if (e.target.closest && e.target.closest('input, textarea, [contenteditable="true"]')) return;
    if (document.body.classList.contains('doc-open')) return;
    if (e.key === 'Delete') {
      e.preventDefault();
      hideSelected();
    } else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      undoLast();
    }
  });
  $('#fit').addEventListener('click', () => graph.fit());
  $('#zoom-in').addEventListener('click', () => graph.zoom(1.25));
  $('#zoom-out').addEventListener('click', () => graph.zoom(0.8));
  $('#relayout').addEventListener('click', relayout);
  $('#clear').addEventListener('click', clearView);
  $('#yoy').addEventListener('click', () => showYearOverYear(panel, work, drawYearOverYear));
  $('#panel').addEventListener('click', async (e) => {
    if (!e.target.closest('button.copy-query')) return;
    const pre = $('#panel pre.ask-query');
    try {
      await navigator.clipboard.writeText(pre.textContent);
      status('已复制 GraphQL 查询');
    } catch (err) {
      getSelection().selectAllChildren(pre);
      status('已选中 GraphQL 查询，按 Ctrl+C 复制');
    }
  });
  $('#export-select').addEventListener('change', (e) => {
    const format = e.target.value;
    e.target.value = '';
    if (format) work(() => exportAs(format));
  });
  $('#show-table').addEventListener('click', () => (tableShown ? hideTable() : showTable('tasks')));
  $('#table-view').addEventListener('click', (e) => {
    const tab = e.target.closest('button[data-table]');
    if (tab) showTable(tab.dataset.table);
    if (e.target.closest('#table-csv')) saveText(`policygraph-${tableShown}.csv`, exportCsv(tableShown), 'text/csv;charset=utf-8');
    if (e.target.closest('#table-xlsx')) work(() => exportAs(`${tableShown}${XLSX_SUFFIX}`));
    if (e.target.closest('#table-close')) hideTable();
    const link = e.target.closest('.node-link');
    if (link) {
      e.preventDefault();
      hideTable();
      open(link.dataset.node);
    }
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
    // a link, or a task's block in the document text (unless text is being selected in it)
    const selecting = !getSelection().isCollapsed;
    const link = e.target.closest('.node-link') || (!selecting && e.target.closest('.doc-task[data-node]'));
    if (link) {
      e.preventDefault();
      history.replaceState(null, '', lastHash || '#');
      showGraph();
      open(link.dataset.node);
    }
  });
}

// -----------------------------------------------------------------------------------------------
// Export and the table view

/** What the view shows, in words: the question, the preset or the opened nodes. */
function viewTitle() {
  if (asked) return asked.question;
  const p = state.preset && preset(state.preset);
  if (p) return p.question;
  const names = state.nodes.map((n) => (graph.node(n) || {}).label || n);
  return names.length ? `${names.join('、')} 的关联` : 'PolicyGraph 政策关系图';
}

/** The query behind the view: the GraphQL of the question or preset, or the nodes opened. */
function viewQuery() {
  if (asked && asked.chips.length) return graphqlOf(asked.chips);
  const p = state.preset && preset(state.preset);
  if (p) return `tasks(where: ${JSON.stringify(p.where)})`;
  return state.nodes.length ? `展开：${state.nodes.join('，')}` : '';
}

function legendOfView() {
  const shown = new Set(graph.visible().nodes().map((n) => n.data('type')));
  const levels = new Set(graph.visible().edges('[?pilotEdge]').map((e) => e.data('level')));
  return {
    legend: Object.entries(TYPES).filter(([type]) => shown.has(type)).map(([, t]) => t),
    edges: [
      { name: '牵头', color: '#2e9d4a' }, { name: '配合', color: '#9fd3ab' },
      ...Object.entries(LEVEL_NAMES).filter(([l]) => levels.has(l))
        .map(([l, name]) => ({ name: `${name}试点`, color: LEVEL_COLORS[l], dashed: true })),
    ],
  };
}

function exportCsv(which) {
  const t = table(graph.cy, which);
  return csv(t.columns, t.rows);
}

/** The table as an Excel workbook (a Blob). */
function exportXlsx(which) {
  const t = table(graph.cy, which);
  return xlsx(TABLES[which].name, t.columns, t.rows);
}

/** The export menu's table formats: 'tasks' is CSV, 'tasks-xlsx' Excel. */
const XLSX_SUFFIX = '-xlsx';

async function exportAs(format) {
  const stamp = 'policygraph';
  if (format === 'png') {
    download(`${stamp}.png`, await picture(graph.cy, { title: viewTitle(), query: viewQuery(), ...legendOfView() }));
  } else if (format === 'json') {
    saveText(`${stamp}.json`, JSON.stringify(graph.json(), null, 2), 'application/json');
  } else if (format === 'gexf') {
    saveText(`${stamp}.gexf`, gexf(graph.exportable(), viewTitle()), 'application/gexf+xml');
  } else if (format === 'graphml') {
    saveText(`${stamp}.graphml`, graphml(graph.exportable()), 'application/graphml+xml');
  } else if (TABLES[format]) {
    saveText(`${stamp}-${format}.csv`, exportCsv(format), 'text/csv;charset=utf-8');
  } else if (format.endsWith(XLSX_SUFFIX) && TABLES[format.slice(0, -XLSX_SUFFIX.length)]) {
    const which = format.slice(0, -XLSX_SUFFIX.length);
    saveBlob(`${stamp}-${which}.xlsx`, await exportXlsx(which));
  }
  status(`已导出 ${format.toUpperCase()}`);
}

let tableShown = '';

function showTable(which) {
  tableShown = which;
  const t = table(graph.cy, which);
  const sizes = tableSizes(graph.cy);
  const tabs = Object.entries(TABLES).map(([k, x]) => `<button type="button" data-table="${k}"
      class="${k === which ? 'active' : ''}">${x.name}（${sizes[k]}）</button>`).join('');
  const head = t.columns.map((c) => `<th>${esc(c)}</th>`).join('');
  // A row's first cell links to its node. It holds the value the CSV and Excel hold, nothing else: an empty
  // one (a pilot without programme, an indicator without subject) shows 无 by CSS only, not the node's id.
  const body = t.rows.map((row, i) => `<tr>${row.map((v, j) => (j === 0
    ? `<td><a href="#" class="node-link${v ? '' : ' empty'}" data-node="${esc(t.ids[i])}">${esc(v ?? '')}</a></td>`
    : `<td>${esc(v ?? '')}</td>`)).join('')}</tr>`).join('');
  const view = $('#table-view');
  view.innerHTML = `<div class="table-bar">${tabs}<span class="muted">当前视图中可见的${TABLES[which].name}</span>
      <button type="button" id="table-csv" title="UTF-8 带 BOM，Excel 可直接打开">导出 CSV</button>
      <button type="button" id="table-xlsx" title="Excel 工作簿（.xlsx）">导出 Excel</button>
      <button type="button" id="table-close">关闭表格</button></div>
    <div class="table-scroll"><table class="result-table"><thead><tr>${head}</tr></thead>
    <tbody>${body || `<tr><td colspan="${t.columns.length}" class="muted">没有可见的${TABLES[which].name}</td></tr>`}</tbody></table></div>`;
  view.hidden = false;
  $('#show-table').classList.add('active');
}

function hideTable() {
  tableShown = '';
  $('#table-view').hidden = true;
  $('#show-table').classList.remove('active');
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
  $('#group-select').value = graph.grouping.by;
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
showUndo(undo);
panel.clear();
window.addEventListener('hashchange', route);
window.policygraph = {
  graph, cy: graph.cy, panel, search: searchBox, state: () => state, asked: () => asked, parseId,
  table: (which) => table(graph.cy, which), csv: exportCsv, xlsx: exportXlsx, undo: undoLast, gexf: () => gexf(graph.exportable(), viewTitle()),
  graphml: () => graphml(graph.exportable()),
  picture: () => picture(graph.cy, { title: viewTitle(), query: viewQuery(), ...legendOfView() }),
};
route().then(() => {
  document.body.dataset.ready = 'true';
  counts();
});
