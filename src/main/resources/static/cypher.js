// Cypher console: posts {query, parameters} to api/cypher and shows the rows as a table, and the nodes
// and relationships of the result as a graph drawn by the explorer's own graph code.
import { Graph, TYPES } from './js/graph.js';
import { LEVEL_NAMES, ROLE_NAMES, indicatorValue } from './js/api.js';
import { csv, saveText } from './js/export.js';

const $ = (sel) => document.querySelector(sel);
const form = $('#console');
const queryInput = $('#query');
const parametersInput = $('#parameters');
const status = $('#status');
const result = $('#result');

/** Neo4j labels as the explorer's node types (colours and shapes). */
const LABEL_TYPES = {
  Document: 'document', Section: 'section', Task: 'task', Department: 'department', Region: 'region',
  Pilot: 'pilot', Programme: 'programme', Institution: 'institution', Indicator: 'indicator',
};
const LABEL_NAMES = { Theme: '主题' };

const REASONS = {
  REJECTED: '不允许执行', TIMED_OUT: '超时', TOO_LARGE: '结果过大', BUSY: '繁忙', FAILED: '查询有误',
};

const EXAMPLES = [
  {
    title: '某部门牵头的任务（关系图）',
    query: "MATCH (task:Task)-[a:ASSIGNED_TO {role: 'LEAD'}]->(dep:Department {name: $department})\nRETURN task, a, dep\nLIMIT 50",
    parameters: '{"department": "省医保局"}',
  },
  {
    title: '各部门牵头的任务数',
    query: "MATCH (t:Task)-[:ASSIGNED_TO {role: 'LEAD'}]->(d:Department)\nRETURN d.name AS 部门, count(t) AS 牵头任务数\nORDER BY 牵头任务数 DESC\nLIMIT 20",
    parameters: '',
  },
  {
    title: '试点及其地区或单位（关系图）',
    query: 'MATCH (t:Task)-[d:DESIGNATES]->(p:Pilot)-[s:AT_SITE]->(site)\nRETURN t, d, p, s, site\nLIMIT 80',
    parameters: '',
  },
  {
    title: '指标及其数值',
    query: 'MATCH (t:Task)-[:SETS]->(i:Indicator)\nRETURN t.title AS 任务, i.subject AS 指标, i.comparator AS 比较, i.value AS 数值, i.unit AS 单位\nORDER BY 任务\nLIMIT 50',
    parameters: '',
  },
  {
    title: '任务引用的文件（关系图）',
    query: 'MATCH (t:Task)-[c:CITES]->(d:Document)\nRETURN t, c, d\nLIMIT 50',
    parameters: '',
  },
];

/** What the database's or the service's (English) message means, in a few Chinese words; the message follows as it is. */
const GLOSSES = [
  [/^Invalid input '([^']*)'/, (m) => `语法错误：此处不应出现“${m[1]}”`],
  [/^Invalid input/, () => '语法错误'],
  [/Variable `([^`]+)` not defined/, (m) => `变量 ${m[1]} 未定义`],
  [/Expected parameter\(s\): (.+)/, (m) => `缺少参数 ${m[1]}，请在参数框中给出`],
  [/Unknown function '([^']+)'/, (m) => `未知函数 ${m[1]}`],
  [/procedure .* is not on the list|function .* is not on the list/, () => '此过程或函数不在允许名单上'],
  [/only read-only|is an administration command|writes to the graph|USE is not allowed|LOAD CSV|IN TRANSACTIONS/,
    () => '只允许读取数据的查询'],
  [/query options/, () => '不允许查询选项（CYPHER …）'],
  [/send one query at a time/, () => '一次只能发送一条查询'],
  [/ran longer than/, () => '运行超过时间上限，已停止；请用标签、LIMIT 缩小范围'],
  [/larger than .* bytes|needs more memory/, () => '结果过大，已停止；请加 LIMIT 或先聚合'],
  [/query slots are taken/, () => '同时运行的查询已满，请稍后再试'],
  [/characters long|nests brackets|nest more than|nested too deeply/, () => '查询过长或嵌套过深'],
  [/the query is empty/, () => '查询为空'],
];

function gloss(message) {
  for (const [pattern, say] of GLOSSES) {
    const m = pattern.exec(message || '');
    if (m) return say(m);
  }
  return '';
}

let last = null;
let graph = null;
let view = 'table';

function showStatus(text, isError) {
  status.textContent = text;
  status.className = isError ? 'error' : '';
}

// ---------------------------------------------------------------------------------------------
// Values: nodes and relationships by their label and key properties, never as raw JSON

const isNode = (v) => v && typeof v === 'object' && Array.isArray(v.labels) && v.properties && v.id;
const isRelationship = (v) => v && typeof v === 'object' && typeof v.type === 'string' && v.start && v.end && v.properties;
const isPath = (v) => v && typeof v === 'object' && Array.isArray(v.nodes) && Array.isArray(v.relationships);

function short(s, n = 24) {
  return s && s.length > n ? `${s.slice(0, n)}…` : s || '';
}

function nodeType(node) {
  for (const label of node.labels) if (LABEL_TYPES[label]) return LABEL_TYPES[label];
  return null;
}

function typeName(node) {
  const type = nodeType(node);
  if (type) return TYPES[type].name;
  return node.labels.map((l) => LABEL_NAMES[l] || l).join('/') || '节点';
}

/** The words a researcher knows a node by. */
function nodeName(node) {
  const p = node.properties;
  if (node.labels.includes('Task')) return `${p.label || ''}${p.title || p.key || ''}`;
  if (node.labels.includes('Section')) return `${p.label || ''}${p.title || ''}`;
  if (node.labels.includes('Document')) return p.title || p.docNumber || p.key || '';
  if (node.labels.includes('Pilot')) return `${p.programme || '试点'}（${LEVEL_NAMES[p.level] || '级别未定'}）`;
  if (node.labels.includes('Indicator')) return `${short(p.subject, 20)} ${indicatorValue(p)}`.trim();
  return String(p.name ?? p.title ?? p.key ?? p.code ?? node.labels.join(':'));
}

/** A second line: the key or number that identifies it. */
function nodeKey(node) {
  const p = node.properties;
  if (node.labels.includes('Document')) return p.docNumber && p.title ? p.docNumber : '';
  if (node.labels.includes('Region')) return p.code || '';
  if (node.labels.includes('Department')) return [LEVEL_NAMES[p.level], p.regionCode].filter(Boolean).join(' ');
  if (p.key && p.key !== nodeName(node)) return p.key;
  return '';
}

function relationshipName(r) {
  const p = r.properties;
  const extra = p.role ? ROLE_NAMES[p.role] || p.role : p.score != null ? `相似度 ${Number(p.score).toFixed(2)}` : '';
  return extra ? `${r.type}（${extra}）` : r.type;
}

function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Plain text of a value, for CSV. */
function cellText(value) {
  if (value === null || value === undefined) return '';
  if (isNode(value)) return nodeName(value);
  if (isRelationship(value)) return relationshipName(value);
  if (isPath(value)) return value.nodes.map(nodeName).join(' → ');
  if (Array.isArray(value)) return value.map(cellText).join('；');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${cellText(v)}`).join('；');
  return String(value);
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function propertiesTitle(properties) {
  return Object.entries(properties).map(([k, v]) => `${k}: ${scalar(v)}`).join('\n');
}

/** A value as DOM, every text set as text (no markup from the data is ever parsed). */
function render(value) {
  if (value === null || value === undefined) return el('span', 'null', 'null');
  if (isNode(value)) {
    const type = nodeType(value);
    const box = el('span', 'entity');
    const tag = el('span', 'type-tag', typeName(value));
    tag.style.background = type ? TYPES[type].color : '#888';
    box.append(tag, el('span', 'name', nodeName(value)));
    const key = nodeKey(value);
    if (key) box.append(el('span', 'key', key));
    box.title = propertiesTitle(value.properties);
    return box;
  }
  if (isRelationship(value)) {
    const box = el('span', 'entity relationship', `[:${relationshipName(value)}]`);
    box.title = propertiesTitle(value.properties);
    return box;
  }
  if (isPath(value)) {
    const box = el('span', 'path');
    value.nodes.forEach((n, i) => {
      if (i > 0) box.append(el('span', 'arrow', ` —[:${value.relationships[i - 1] ? value.relationships[i - 1].type : ''}]→ `));
      box.append(render(n));
    });
    return box;
  }
  if (Array.isArray(value)) {
    const list = el('span', 'list');
    if (!value.length) list.textContent = '[]';
    for (const v of value) {
      const item = el('span', 'item');
      item.append(render(v));
      list.append(item);
    }
    return list;
  }
  if (typeof value === 'object') {
    const map = el('span', 'map');
    for (const [k, v] of Object.entries(value)) {
      const line = el('span', 'item');
      line.append(el('span', 'key', `${k}: `), render(v));
      map.append(line);
    }
    return map;
  }
  return document.createTextNode(String(value));
}

function showTable(data) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const column of data.columns) head.appendChild(el('th', null, column));
  const body = table.createTBody();
  for (const row of data.rows) {
    const tr = body.insertRow();
    for (const value of row) {
      const td = tr.insertCell();
      if (value === null || value === undefined) td.className = 'null';
      td.append(render(value));
    }
  }
  result.replaceChildren(table);
}

// ---------------------------------------------------------------------------------------------
// Graph view

function graphFragment(data) {
  const nodes = data.graph.nodes.map((n) => {
    const type = nodeType(n) || 'other';
    return {
      id: n.id, type, label: short(nodeName(n), 18), level: n.properties.level, key: n.properties.key,
      typeName: typeName(n), labels: n.labels, properties: n.properties,
    };
  });
  const edges = data.graph.relationships.map((r) => {
    const p = r.properties;
    const pilotEdge = r.type === 'DESIGNATES' || r.type === 'AT_SITE';
    return {
      id: r.id, source: r.start, target: r.end, rel: r.type, role: p.role,
      label: p.role ? ROLE_NAMES[p.role] || p.role : r.type, properties: p, ...(pilotEdge ? { pilotEdge: true } : {}),
    };
  });
  // pilot edges take the pilot's level, as in the explorer
  const levels = new Map(nodes.filter((n) => n.type === 'pilot').map((n) => [n.id, n.level || 'NONE']));
  for (const e of edges) {
    if (e.pilotEdge) {
      e.level = levels.get(e.target) || levels.get(e.source) || 'NONE';
      e.label = LEVEL_NAMES[e.level] || e.rel;
    }
  }
  return { nodes, edges };
}

function showDetails(nodeId) {
  const details = $('#details');
  const n = nodeId && graph.node(nodeId);
  if (!n) {
    details.replaceChildren(el('p', 'muted', '单击节点查看其属性。'));
    return;
  }
  const table = el('table', 'properties');
  for (const [k, v] of Object.entries(n.properties)) {
    const tr = table.insertRow();
    tr.append(el('th', null, k), el('td', null, scalar(v)));
  }
  details.replaceChildren(el('h3', null, n.typeName), el('p', 'name', nodeName({ labels: n.labels, properties: n.properties })), table);
}

async function drawGraph(data) {
  if (!graph) {
    graph = new Graph($('#cy'), { onSelect: (nodeId) => { graph.select(nodeId); showDetails(nodeId); }, onExpand: () => {} });
    window.policygraphConsole.graph = graph;
  }
  graph.clear();
  graph.cy.resize();
  graph.merge(graphFragment(data));
  showDetails(null);
  await graph.layout();
}

function setView(name) {
  view = name;
  document.querySelectorAll('#views button[data-view]').forEach((b) => b.classList.toggle('active', b.dataset.view === name));
  result.hidden = name !== 'table';
  $('#graph-view').hidden = name !== 'graph';
  if (name === 'graph' && last) drawGraph(last);
}

// ---------------------------------------------------------------------------------------------
// Running

/** Moves the caret to where the database places the error: "(line 1, column 23 (offset: 22))". */
function pointAtError(message) {
  const m = /\(offset: (\d+)\)/.exec(message || '');
  if (!m) return null;
  const offset = Math.min(Number(m[1]), queryInput.value.length);
  queryInput.focus();
  queryInput.setSelectionRange(offset, Math.min(offset + 1, queryInput.value.length));
  return offset;
}

function run(event) {
  if (event) event.preventDefault();
  let parameters = {};
  const parametersText = parametersInput.value.trim();
  if (parametersText) {
    try {
      parameters = JSON.parse(parametersText);
    } catch (e) {
      showStatus(`参数不是合法的 JSON 对象：${e.message}`, true);
      return Promise.resolve();
    }
    if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) {
      showStatus('参数必须是 JSON 对象，如 {"department": "省医保局"}', true);
      return Promise.resolve();
    }
  }
  showStatus('运行中…', false);
  document.body.dataset.busy = '1';
  return fetch('api/cypher', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query: queryInput.value, parameters }),
  }).then((response) => response.json().catch(() => ({})).then((body) => {
    if (!response.ok) {
      const error = new Error((body && body.error) || `HTTP ${response.status}`);
      error.reason = body && body.reason;
      throw error;
    }
    return body;
  })).then(async (data) => {
    last = data;
    showTable(data);
    const graphable = data.graph && data.graph.nodes.length > 0;
    $('#views').hidden = false;
    document.querySelector('#views button[data-view="graph"]').disabled = !graphable;
    showStatus(`${data.rows.length} 行，${data.graph.nodes.length} 个节点、${data.graph.relationships.length} 条关系，用时 ${data.durationMillis} 毫秒`
      + (data.truncated ? '（已截断：超过行数上限）' : ''), false);
    setView(graphable && view === 'graph' ? 'graph' : 'table');
  }).catch((error) => {
    last = null;
    result.replaceChildren();
    $('#views').hidden = true;
    $('#graph-view').hidden = true;
    const reason = REASONS[error.reason] || '出错';
    const meaning = gloss(error.message);
    showStatus(meaning ? `${reason}：${meaning}\n${error.message}` : `${reason}：${error.message}`, true);
    pointAtError(error.message);
  }).finally(() => {
    document.body.dataset.busy = '0';
  });
}

function exportCsv() {
  if (!last) return '';
  return csv(last.columns, last.rows.map((row) => row.map(cellText)));
}

$('#examples').innerHTML += EXAMPLES.map((e, i) => `<option value="${i}">${e.title.replace(/[<>&]/g, '')}</option>`).join('');
$('#examples').addEventListener('change', (e) => {
  const example = EXAMPLES[e.target.value];
  e.target.value = '';
  if (!example) return;
  queryInput.value = example.query;
  parametersInput.value = example.parameters;
  run();
});
$('#views').addEventListener('click', (e) => {
  const b = e.target.closest('button[data-view]');
  if (b && !b.disabled) setView(b.dataset.view);
  if (e.target.closest('#export-csv')) saveText('cypher-result.csv', exportCsv(), 'text/csv;charset=utf-8');
});
form.addEventListener('submit', run);
queryInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run(event);
});
window.policygraphConsole = { run, csv: exportCsv, setView, graph: null, last: () => last };
document.body.dataset.ready = 'true';
