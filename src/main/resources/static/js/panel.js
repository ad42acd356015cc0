// The side panel for the selected node, and the document view (#/document/<key>?task=<ordinal>).
import {
  LEVEL_NAMES, ROLE_NAMES, parseId, fetchTask, fetchDepartment, fetchRegion, fetchInstitution, fetchDocument, gql, id,
  fetchTaskLinks,
} from './api.js';
import { TYPES } from './graph.js';
import { documentHash } from './state.js';

export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

const level = (l) => LEVEL_NAMES[l] || '';

function nodeLink(nodeId, label, type) {
  const t = TYPES[type || parseId(nodeId).type];
  return `<a href="#" class="node-link" data-node="${esc(nodeId)}"><span class="dot" style="background:${t ? t.color : '#999'}"></span>${esc(label)}</a>`;
}

// ---------------------------------------------------------------------------------------------
// Evidence: API spans are offsets into the whole document; the task text is cut from the document
// starting at task.evidence.start. A stored text may differ slightly from the document slice
// (e.g. removed line-break markup), so each span is checked against what it should say and,
// failing that, re-found next to its expected place.

function occurrences(text, needle) {
  const out = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** [from, to) in the task text for a document span, or null. */
export function locate(task, evidence, expected = []) {
  const text = task.text || '';
  const base = task.evidence ? task.evidence.start : null;
  const spanLength = task.evidence ? task.evidence.end - task.evidence.start : text.length;
  const rel = evidence && base != null ? evidence.start - base : null;
  const len = evidence ? evidence.end - evidence.start : 0;
  const wanted = [evidence && evidence.text, ...expected].filter(Boolean);
  if (rel != null && rel >= 0 && wanted.some((w) => text.substr(rel, w.length) === w)) {
    const w = wanted.find((x) => text.substr(rel, x.length) === x);
    return [rel, rel + w.length];
  }
  for (const w of wanted) {
    const hits = occurrences(text, w);
    if (hits.length) {
      const best = rel == null ? hits[0] : hits.reduce((a, b) => (Math.abs(b - rel) < Math.abs(a - rel) ? b : a));
      return [best, best + w.length];
    }
  }
  if (rel == null || rel < 0 || len <= 0) return null;
  // no text to check: scale the offset by the difference in length
  const drift = spanLength - text.length;
  const from = Math.max(0, Math.min(text.length, rel - Math.round((drift * rel) / Math.max(1, spanLength))));
  return [from, Math.min(text.length, from + len)];
}

/** The task's highlight spans: [{from, to, kind, title}]. */
export function taskSpans(task) {
  const spans = [];
  const add = (range, kind, title) => {
    if (range && range[1] > range[0]) spans.push({ from: range[0], to: range[1], kind, title });
  };
  for (const a of task.departments || []) {
    add(locate(task, a.evidence, [a.department.name]), a.role === 'LEAD' ? 'lead' : 'partner',
      `${a.department.name}（${ROLE_NAMES[a.role] || '部门'}）`);
  }
  for (const r of task.regions || []) {
    const names = [r.name, r.name.replace(/(省|市|县|区|州)$/, '')].filter((n) => [...n].length >= 2);
    for (const n of names) {
      const hits = occurrences(task.text || '', n);
      if (hits.length) {
        for (const h of hits) add([h, h + n.length], 'region', `地区：${r.name}`);
        break;
      }
    }
  }
  for (const p of task.pilots || []) {
    add(locate(task, p.evidence), 'pilot', `${level(p.level)}试点${p.programme ? `：${p.programme.name}` : ''}`);
    for (const s of p.sites || []) {
      for (const h of occurrences(task.text || '', s.name)) add([h, h + s.name.length], 'site', `试点单位：${s.name}`);
    }
  }
  for (const i of task.indicators || []) {
    add(locate(task, i.evidence, [i.text]), 'indicator', `指标：${i.subject || i.text || ''}`);
  }
  return spans;
}

const KIND_ORDER = ['pilot', 'region', 'site', 'indicator', 'partner', 'lead'];

/** The text as HTML with the spans marked; overlapping spans split the text into segments. */
export function highlight(text, spans) {
  text = text || '';
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.from);
    cuts.add(s.to);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k];
    const to = points[k + 1];
    const piece = esc(text.slice(from, to));
    const over = spans.filter((s) => s.from <= from && s.to >= to);
    if (!over.length) {
      html += piece;
      continue;
    }
    const kinds = [...new Set(over.map((s) => s.kind))].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
    const title = [...new Set(over.map((s) => s.title))].join('；');
    html += `<mark class="ev ${kinds.map((x) => `ev-${x}`).join(' ')}" title="${esc(title)}">${piece}</mark>`;
  }
  return html;
}

// ---------------------------------------------------------------------------------------------
// Panel renderers

export class Panel {
  constructor(element, handlers) {
    this.el = element;
    this.handlers = handlers;
    this.current = null;
    element.addEventListener('click', (e) => {
      const link = e.target.closest('.node-link');
      if (link) {
        e.preventDefault();
        handlers.onOpen(link.dataset.node);
      }
      const expand = e.target.closest('.expand');
      if (expand) {
        e.preventDefault();
        handlers.onExpand(expand.dataset.node);
      }
    });
  }

  clear(html = '') {
    this.current = null;
    this.el.innerHTML = html || `<div class="hint">搜索或选择一个预设视图开始；单击节点查看详情，双击节点展开其关联。</div>`;
  }

  message(html) {
    this.el.innerHTML = html;
  }

  async show(nodeId, nodeData) {
    this.current = nodeId;
    const { type, key } = parseId(nodeId);
    this.el.innerHTML = '<div class="loading">加载中…</div>';
    try {
      const html = await (RENDERERS[type] || renderGeneric)(key, nodeData || {}, nodeId);
      if (this.current !== nodeId) return;
      const t = TYPES[type];
      this.el.innerHTML = `<div class="panel-head"><span class="type-badge" style="background:${t.color}">${t.name}</span>
        <button class="expand" data-node="${esc(nodeId)}" title="在图中展开关联节点">展开关联</button></div>${html}`;
    } catch (err) {
      if (this.current === nodeId) this.el.innerHTML = `<div class="error">无法加载：${esc(err.message)}</div>`;
    }
  }
}

/** Theme tags of a task; hovering one shows the terms that triggered it. */
function themeTags(themes) {
  if (!themes || !themes.length) return '';
  return `<div class="themes">${themes.map((th) => `<span class="theme-tag" title="${esc(`触发词：${(th.terms || []).join('、')}`)}"
    data-theme="${esc(th.name)}">${esc(th.name)}</span>`).join('')}</div>`;
}

/** TaskLinks (implements / implementedBy) as a list of linked tasks with score and shared terms. */
function taskLinks(links, cls) {
  if (!links || !links.length) return '<p class="muted">无</p>';
  return `<ul class="plain task-links ${cls}">${links.map((l) => {
    const t = l.task;
    const doc = t.document || {};
    return `<li class="task-link" data-task="${esc(t.key)}">
      <span class="link-doc">${esc(doc.docNumber || doc.key || '')}</span> <span class="link-ordinal">第 ${esc(t.ordinal)} 项</span>
      ${nodeLink(id.task(t.key), `${t.label || ''}${t.title || ''}`, 'task')}
      <span class="link-score" title="相似度（TF-IDF 余弦）">${Number(l.score).toFixed(2)}</span>
      ${l.sharedTerms && l.sharedTerms.length ? `<div class="shared-terms muted">共同词：${esc(l.sharedTerms.join('、'))}</div>` : ''}</li>`;
  }).join('')}</ul>`;
}

async function renderTask(key) {
  const [t, links] = await Promise.all([fetchTask(key), fetchTaskLinks(key).catch(() => null)]);
  if (!t) return '<p>未找到该任务。</p>';
  const spans = taskSpans(t);
  const depts = t.departments.map((a) => `<li><span class="role role-${esc(a.role)}">${esc(ROLE_NAMES[a.role] || '—')}</span>
      ${nodeLink(id.department(a.department.key), a.department.name, 'department')}</li>`).join('');
  const pilots = t.pilots.map((p) => `<li>${nodeLink(id.pilot(p.key), `${level(p.level) || '未定级'}试点`, 'pilot')}
      ${p.programme ? `· ${nodeLink(id.programme(p.programme.name), p.programme.name, 'programme')}` : ''}
      ${p.declaredCount ? `（${p.declaredCount} 个）` : ''}
      <div class="sites">${p.sites.map((s) => (s.__typename === 'Region'
        ? nodeLink(id.region(s.code), s.name, 'region') : nodeLink(id.institution(s.key), s.name, 'institution'))).join('、')}</div></li>`).join('');
  const indicators = t.indicators.map((i) => `<li>${esc(i.subject || '')} <b>${esc(i.text || '')}</b>
      ${i.deadline ? `<span class="muted">（${esc(i.deadline)}）</span>` : ''}</li>`).join('');
  const regions = t.regions.map((r) => nodeLink(id.region(r.code), r.name, 'region')).join('、');
  const cites = t.cites.map((d) => nodeLink(id.document(d.key), d.title || d.key, 'document')).join('<br>');
  return `<h2>${esc(t.label || '')}${esc(t.title || '')}</h2>
    <div class="meta">${nodeLink(id.document(t.document.key), t.document.title || t.document.key, 'document')}
      · ${esc(t.document.docNumber || '')} · ${esc(t.year || '')}
      ${t.section ? `<br>${nodeLink(id.section(t.section.key), `${t.section.label || ''}${t.section.title || ''}`, 'section')}` : ''}</div>
    ${links ? themeTags(links.themes) : ''}
    <p><a class="doc-link" href="${documentHash(t.document.key, t.ordinal)}">在全文中查看此任务 →</a></p>
    <div class="legend-inline"><mark class="ev ev-lead">牵头部门</mark><mark class="ev ev-partner">配合部门</mark>
      <mark class="ev ev-region">地区</mark><mark class="ev ev-pilot">试点</mark><mark class="ev ev-site">试点单位</mark>
      <mark class="ev ev-indicator">指标</mark></div>
    <div class="task-text" id="task-text">${highlight(t.text, spans)}</div>
    ${t.truncated ? '<p class="muted">（文本已截断）</p>' : ''}
    <h3>部门</h3><ul class="plain">${depts || '<li class="muted">无</li>'}</ul>
    <h3>试点</h3><ul class="plain">${pilots || '<li class="muted">无</li>'}</ul>
    <h3>指标</h3><ul class="plain">${indicators || '<li class="muted">无</li>'}</ul>
    ${links ? `<h3>承接上级任务</h3>${taskLinks(links.implements, 'implements')}
      <h3>被下级任务承接</h3>${taskLinks(links.implementedBy, 'implemented-by')}` : ''}
    ${regions ? `<h3>提及地区</h3><p>${regions}</p>` : ''}
    ${cites ? `<h3>引用文件</h3><p>${cites}</p>` : ''}`;
}

/** Tasks grouped by document, then by a group label (role, relation). */
function groupedTasks(rows) {
  const byDoc = new Map();
  for (const r of rows) {
    const doc = r.document;
    if (!byDoc.has(doc.key)) byDoc.set(doc.key, { doc, groups: new Map() });
    const groups = byDoc.get(doc.key).groups;
    if (!groups.has(r.group)) groups.set(r.group, new Map());
    groups.get(r.group).set(r.task.key, r.task);
  }
  if (!byDoc.size) return '<p class="muted">无相关任务</p>';
  let html = '';
  for (const { doc, groups } of byDoc.values()) {
    html += `<div class="doc-group"><h4>${nodeLink(id.document(doc.key), doc.title || doc.key, 'document')}
      <span class="muted">${esc(doc.docNumber || '')}</span></h4>`;
    for (const [group, tasks] of groups) {
      const items = [...tasks.values()].sort((a, b) => a.ordinal - b.ordinal)
        .map((t) => `<li>${nodeLink(id.task(t.key), `${t.label || ''}${t.title || ''}`, 'task')}</li>`).join('');
      html += `<div class="role-group"><span class="role-title">${esc(group)}（${tasks.size}）</span><ul class="plain">${items}</ul></div>`;
    }
    html += '</div>';
  }
  return html;
}

async function renderDepartment(key) {
  const d = await fetchDepartment(key);
  if (!d) return '<p>未找到该部门。</p>';
  const lead = d.tasks.filter((a) => a.role === 'LEAD').length;
  const rows = d.tasks.map((a) => ({ document: a.task.document, task: a.task, group: ROLE_NAMES[a.role] || '其他' }));
  rows.sort((a, b) => (a.group === b.group ? 0 : a.group === '牵头' ? -1 : 1));
  return `<h2>${esc(d.name)}</h2>
    <div class="meta">${esc(level(d.level))}${d.region ? ` · ${nodeLink(id.region(d.region.code), d.region.name, 'region')}` : ''}
      · 牵头 ${lead} 项，共 ${d.tasks.length} 项</div>
    <h3>任务（按文件和角色）</h3>${groupedTasks(rows)}`;
}

async function renderRegion(code) {
  const data = await fetchRegion(code);
  const r = data.region;
  if (!r) return '<p>未找到该地区。</p>';
  const rows = [];
  for (const { node: t } of data.tasks.edges) {
    const named = t.regions.some((x) => x.code === code);
    const site = t.pilots.some((p) => p.sites.some((s) => s.code === code || (s.regionCode && s.regionCode === code)));
    if (named) rows.push({ document: t.document, task: t, group: '提及本地区' });
    if (site) rows.push({ document: t.document, task: t, group: '本地区为试点' });
    if (!named && !site) rows.push({ document: t.document, task: t, group: '涉及下级地区' });
  }
  const pilots = data.pilots.edges.map(({ node: p }) => `<li>${nodeLink(id.pilot(p.key), `${level(p.level) || '未定级'}试点`, 'pilot')}
      ${p.programme ? `· ${esc(p.programme.name)}` : ''}
      <div class="sites">${p.sites.map((s) => (s.__typename === 'Region'
        ? nodeLink(id.region(s.code), s.name, 'region') : nodeLink(id.institution(s.key), s.name, 'institution'))).join('、')}</div></li>`).join('');
  return `<h2>${esc(r.name)}</h2>
    <div class="meta">${esc(level(r.level))} · ${esc(r.code)}${r.parent ? ` · 属 ${nodeLink(id.region(r.parent.code), r.parent.name, 'region')}` : ''}</div>
    ${r.children.length ? `<h3>下级地区</h3><p>${r.children.map((c) => nodeLink(id.region(c.code), c.name, 'region')).join('、')}</p>` : ''}
    <h3>试点（${data.pilots.edges.length}）</h3><ul class="plain">${pilots || '<li class="muted">无</li>'}</ul>
    ${r.institutions.length ? `<h3>机构</h3><p>${r.institutions.map((i) => nodeLink(id.institution(i.key), i.name, 'institution')).join('、')}</p>` : ''}
    <h3>任务（按文件和关系，${data.tasks.totalCount}）</h3>${groupedTasks(rows)}`;
}

async function renderDocument(key) {
  const d = await fetchDocument(key);
  if (!d) return '<p>未找到该文件。</p>';
  const tasks = d.tasks.map((t) => `<li>${nodeLink(id.task(t.key), `${t.label || ''}${t.title || ''}`, 'task')}</li>`).join('');
  return `<h2>${esc(d.title || d.key)}</h2>
    <div class="meta">${esc(d.docNumber || '')} · ${esc(d.issuer || '')} · ${esc(d.issueDate || d.year || '')}
      ${d.stub ? '<br><span class="muted">仅见于引用，未载入全文</span>' : ''}</div>
    ${d.stub ? '' : `<p><a class="doc-link" href="${documentHash(d.key)}">阅读全文 →</a></p>`}
    <h3>任务（${d.tasks.length}）</h3><ul class="plain">${tasks || '<li class="muted">无</li>'}</ul>`;
}

async function renderPilot(key) {
  const taskKey = key.slice(0, key.lastIndexOf('#'));
  const t = await fetchTask(taskKey);
  const p = t && t.pilots.find((x) => x.key === key);
  if (!p) return '<p>未找到该试点。</p>';
  const range = locate(t, p.evidence);
  const quote = range ? t.text.slice(range[0], range[1]) : (p.evidence && p.evidence.text) || '';
  return `<h2>${esc(level(p.level) || '未定级')}试点</h2>
    <div class="meta">${p.programme ? nodeLink(id.programme(p.programme.name), p.programme.name, 'programme') : ''}
      ${p.levelBasis ? `<br>级别依据：${p.levelBasis === 'STATED' ? '文中写明' : '由发文机关推定'}` : ''}
      ${p.declaredCount ? `<br>文中数量：${p.declaredCount}` : ''}</div>
    ${quote ? `<blockquote>${esc(quote)}</blockquote>` : ''}
    <h3>试点单位</h3><p>${p.sites.map((s) => (s.__typename === 'Region'
      ? nodeLink(id.region(s.code), s.name, 'region') : nodeLink(id.institution(s.key), s.name, 'institution'))).join('、')}</p>
    <h3>设立任务</h3><p>${nodeLink(id.task(t.key), `${t.label || ''}${t.title || ''}`, 'task')}</p>
    <p><a class="doc-link" href="${documentHash(t.document.key, t.ordinal)}">在全文中查看 →</a></p>`;
}

async function renderInstitution(key) {
  const i = await fetchInstitution(key);
  if (!i) return '<p>未找到该机构。</p>';
  const rows = i.pilots.map((p) => ({ document: p.task.document, task: p.task, group: `${level(p.level) || '未定级'}试点` }));
  return `<h2>${esc(i.name)}</h2>
    <div class="meta">${i.region ? nodeLink(id.region(i.region.code), i.region.name, 'region') : ''}</div>
    <h3>作为试点单位的任务</h3>${groupedTasks(rows)}`;
}

async function renderProgramme(name) {
  const data = await gql(`query($name: String) { programmes(where: { name: $name }) { edges { node { name pilots {
      key level sites { __typename ... on Region { code name } ... on Institution { key name } }
      task { key ordinal label title document { key title docNumber } } } } } } }`, { name });
  const g = data.programmes.edges[0] && data.programmes.edges[0].node;
  if (!g) return '<p>未找到该项目。</p>';
  const rows = g.pilots.map((p) => ({ document: p.task.document, task: p.task, group: `${level(p.level) || '未定级'}试点` }));
  return `<h2>${esc(g.name)}</h2><div class="meta">试点项目 · ${g.pilots.length} 个试点</div>${groupedTasks(rows)}`;
}

async function renderIndicator(key, data) {
  const taskKey = data.taskKey || key.slice(0, key.lastIndexOf('#'));
  const t = await fetchTask(taskKey).catch(() => null);
  const i = t && t.indicators.find((x) => x.key === key);
  if (!i) return `<h2>${esc(data.text || key)}</h2><p class="muted">${esc(data.subject || '')}</p>`;
  return `<h2>${esc(i.text || '')}</h2><div class="meta">${esc(i.subject || '')}</div>
    <p>数值：${esc(i.comparator || '')} ${esc(i.value ?? '')} ${esc(i.unit || '')}${i.deadline ? `，期限：${esc(i.deadline)}` : ''}</p>
    <h3>设定任务</h3><p>${nodeLink(id.task(t.key), `${t.label || ''}${t.title || ''}`, 'task')}</p>`;
}

async function renderSection(key, data) {
  return `<h2>${esc(data.title || key)}</h2><div class="meta">${nodeLink(id.document(data.docKey), data.docKey, 'document')}</div>
    <p class="muted">双击或“展开关联”显示本章节的任务。</p>`;
}

async function renderGeneric(key) {
  return `<h2>${esc(key)}</h2>`;
}

const RENDERERS = {
  task: renderTask, department: renderDepartment, region: renderRegion, document: renderDocument, pilot: renderPilot,
  institution: renderInstitution, programme: renderProgramme, indicator: renderIndicator, section: renderSection,
};

// ---------------------------------------------------------------------------------------------
// Document view

const LEGEND = `<div class="legend-inline"><mark class="ev ev-lead">牵头部门</mark><mark class="ev ev-partner">配合部门</mark>
      <mark class="ev ev-region">地区</mark><mark class="ev ev-pilot">试点</mark><mark class="ev ev-site">试点单位</mark>
      <mark class="ev ev-indicator">指标</mark></div>`;

const RICH_TASKS = `query($key: ID!) { document(key: $key) { tasks {
      key ordinal label title text evidence { start end text }
      departments { role department { key name } evidence { start end text } }
      regions { code name }
      pilots { key level programme { name } sites { __typename ... on Region { code name } ... on Institution { key name } } evidence { start end text } }
      indicators { key text subject evidence { start end text } } }
    indicators { key text subject evidence { start end text } } } }`;

/** The corpus entry of a document (GET /api/documents), or null. */
export async function fetchCorpusEntry(key) {
  const response = await fetch('api/documents', { headers: { Accept: 'application/json' } });
  if (!response.ok) return null;
  const body = await response.json();
  return (body.documents || []).find((x) => x.key === key) || null;
}

/** The canonical text the evidence spans point into (GET /api/documents/text), or null. */
export async function fetchDocumentText(key, start, end) {
  const range = start != null && end != null ? `&start=${start}&end=${end}` : '';
  const response = await fetch(`api/documents/text?key=${encodeURIComponent(key)}${range}`);
  return response.ok ? response.text() : null;
}

export function originalHref(key) {
  return `api/documents/original?key=${encodeURIComponent(key)}`;
}

/**
 * Renders the whole document into `el` and scrolls to the task `ordinal`: the real text kept at load
 * (notice, preamble, tasks, targets) with each task's span as a block and the evidence marked; the
 * text rebuilt from the tasks when the document was loaded before texts were kept.
 */
export async function renderDocumentView(el, key, ordinal) {
  el.innerHTML = '<div class="loading">加载中…</div>';
  const [d, entry] = await Promise.all([fetchDocument(key), fetchCorpusEntry(key).catch(() => null)]);
  if (!d) {
    el.innerHTML = `<p class="error">未找到文件 ${esc(key)}</p>`;
    return;
  }
  const [full, text] = await Promise.all([
    gql(RICH_TASKS, { key }),
    entry && entry.hasText ? fetchDocumentText(key).catch(() => null) : Promise.resolve(null),
  ]);
  const tasks = full.document.tasks;
  const head = `<h1>${esc(d.title || d.key)}</h1>
    <div class="meta">${esc(d.docNumber || '')} · ${esc(d.issuer || '')} · ${esc(d.issueDate || d.year || '')}</div>
    <div class="doc-actions">${entry && entry.contentHash
    ? `<a class="doc-original" href="${esc(originalHref(key))}" download="${esc(entry.sourceName || '')}">下载原文件${entry.sourceName ? `（${esc(entry.sourceName)}）` : ''}</a>` : ''}
      ${text != null ? '<span class="muted">原文全文，证据高亮；单击任务在关系图中查看</span>'
    : '<span class="muted doc-rebuilt">未保存原文全文（载入较早）：以下由任务文本拼成</span>'}</div>
    ${LEGEND}`;
  el.innerHTML = head + (text != null ? realText(text, tasks, ordinal, full.document.indicators || [])
    : rebuiltText(d, tasks, ordinal));
  if (ordinal != null) {
    const target = el.querySelector(`#task-${ordinal}`);
    if (target) target.scrollIntoView({ block: 'start' });
  }
}

/** Spans in document offsets for a task, its evidence checked against the document text. */
function documentSpans(text, t) {
  if (!t.evidence) return [];
  const base = t.evidence.start;
  const slice = { ...t, text: text.slice(base, t.evidence.end) };
  return taskSpans(slice).map((s) => ({ ...s, from: s.from + base, to: s.to + base }));
}

/**
 * Text outside tasks, escaped, with `spans` (offsets into it) marked: line by line, lines marked as
 * headings ("# …") shown as headings, their characters kept.
 */
function plainText(text, spans = []) {
  let offset = 0;
  return text.split('\n').map((line) => {
    const from = offset;
    offset += line.length + 1;
    const m = /^(#{1,6}) /.exec(line);
    const skip = m ? m[0].length : 0;
    const inLine = spans.filter((x) => x.from < from + line.length && x.to > from + skip)
      .map((x) => ({ ...x, from: Math.max(x.from - from, skip) - skip, to: Math.min(x.to - from, line.length) - skip }));
    const rest = highlight(line.slice(skip), inLine);
    return m ? `<span class="doc-h doc-h${m[1].length}"><span class="md">${m[0]}</span>${rest}</span>` : rest;
  }).join('\n');
}

/** Spans of the indicators a document sets outside its tasks, in document offsets, checked against the text. */
function indicatorSpans(text, indicators) {
  const spans = [];
  for (const i of indicators) {
    const e = i.evidence;
    if (!e || !(e.end > e.start) || e.end > text.length) continue;
    let from = e.start;
    if (e.text && text.substr(from, e.text.length) !== e.text) {
      const near = text.indexOf(e.text, Math.max(0, e.start - 200));
      if (near < 0) continue;
      from = near;
    }
    spans.push({ from, to: from + (e.text ? e.text.length : e.end - e.start), kind: 'indicator', title: `指标：${i.subject || i.text || ''}` });
  }
  return spans;
}

/**
 * Fades the marks of layout kept in the text, outside tags: "**" of bold headings and the " | " between
 * the cells of a table row. The characters stay (the offsets of the evidence count them).
 */
function soften(html) {
  return html.replace(/(\*\*| \| )(?![^<]*>)/g, '<span class="md">$1</span>');
}

/** The document text as HTML: text outside tasks escaped as is, each task a block with its evidence marked. */
function realText(text, tasks, ordinal, indicators = []) {
  const outside = indicatorSpans(text, indicators);
  const gap = (from, to) => plainText(text.slice(from, to), outside.filter((x) => x.from >= from && x.to <= to)
    .map((x) => ({ ...x, from: x.from - from, to: x.to - from })));
  const blocks = tasks.filter((t) => t.evidence && t.evidence.end > t.evidence.start && t.evidence.end <= text.length)
    .sort((a, b) => a.evidence.start - b.evidence.start);
  let html = '';
  let at = 0;
  for (const t of blocks) {
    const { start, end } = t.evidence;
    if (start < at) continue; // overlapping spans: the first one wins
    html += gap(at, start);
    const spans = documentSpans(text, t).map((s) => ({ ...s, from: s.from - start, to: s.to - start }));
    html += `<span class="doc-task${t.ordinal === ordinal ? ' target' : ''}" id="task-${t.ordinal}" data-ordinal="${t.ordinal}"
      data-node="${esc(id.task(t.key))}" title="${esc(`第 ${t.ordinal} 项：${t.label || ''}${t.title || ''}（单击在关系图中查看）`)}">${highlight(text.slice(start, end), spans)}</span>`;
    at = end;
  }
  html += gap(at, text.length);
  return `<div class="doc-text">${soften(html)}</div>`;
}

/** The document rebuilt from its tasks' texts, by section (documents loaded before texts were kept). */
function rebuiltText(d, tasks, ordinal) {
  const rich = new Map(tasks.map((t) => [t.key, t]));
  const bySection = new Map();
  for (const t of d.tasks) {
    const s = t.section ? t.section.key : '';
    if (!bySection.has(s)) bySection.set(s, []);
    bySection.get(s).push(t);
  }
  const renderTasks = (list) => list.map((t) => {
    const r = rich.get(t.key) || t;
    return `<div class="doc-task${t.ordinal === ordinal ? ' target' : ''}" id="task-${t.ordinal}" data-ordinal="${t.ordinal}">
      <div class="doc-task-head"><a href="#" class="node-link" data-node="${esc(id.task(t.key))}">${esc(t.label || '')}${esc(t.title || '')}</a></div>
      <div class="task-text">${highlight(r.text, taskSpans(r))}</div></div>`;
  }).join('');
  let body = '';
  if (bySection.has('')) body += renderTasks(bySection.get(''));
  for (const s of d.sections) {
    body += `<h3 class="doc-section">${esc(s.label || '')}${esc(s.title || '')}</h3>${renderTasks(bySection.get(s.key) || [])}`;
  }
  return body;
}
