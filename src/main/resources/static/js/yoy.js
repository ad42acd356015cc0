// The year-over-year view ("年度对比") in the side panel: one issuer's documents compared across two years.
import { LEVEL_NAMES, Fragment, fetchYearOverYear, id } from './api.js';
import { esc } from './panel.js';
import { TYPES } from './graph.js';

const CHANGE_NAMES = { TIGHTENED: '收紧', LOOSENED: '放宽', CHANGED: '变化', UNCHANGED: '未变' };

function taskRef(t) {
  const color = TYPES.task ? TYPES.task.color : '#999';
  return `<a href="#" class="node-link" data-node="${esc(id.task(t.key))}"><span class="dot" style="background:${color}"></span>`
    + `${esc(t.key.slice(0, t.key.lastIndexOf('#')))} 第 ${esc(t.ordinal)} 项 ${esc(t.title || '')}</a>`;
}

function list(items, render) {
  return items.length ? `<ul class="plain">${items.map((x) => `<li>${render(x)}</li>`).join('')}</ul>` : '<p class="muted">无</p>';
}

function num(v) {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
}

/** Which sides of the comparison have documents: a comparison needs both. */
export function comparable(r) {
  return r.fromDocuments.length > 0 && r.toDocuments.length > 0;
}

const docsOf = (year, docs) => `${esc(year)} 年：${docs.length ? esc(docs.join('、')) : '<b class="yoy-none">无文件</b>'}`;

export function renderResult(r) {
  if (!comparable(r)) {
    const missing = [r.fromDocuments.length ? null : r.fromYear, r.toDocuments.length ? null : r.toYear].filter((y) => y != null);
    const present = r.fromDocuments.length || r.toDocuments.length;
    return `<div class="yoy-result yoy-incomparable">
      <p class="yoy-missing">${missing.map((y) => `${esc(y)} 年：无文件`).join('；')} — 无法比较</p>
      <div class="meta">${docsOf(r.fromYear, r.fromDocuments)}<br>${docsOf(r.toYear, r.toDocuments)}</div>
      <p class="muted">${present ? '没有另一年份的文件可比，不作逐项比较；图中是已有年份的文件，双击展开其任务。'
        : '两个年份都没有该发文机关的文件。'}</p>
    </div>`;
  }
  const indicators = list(r.indicators, (i) => `<span class="change change-${esc(i.change)}">${esc(CHANGE_NAMES[i.change] || i.change)}</span>
      ${esc(i.toSubject || i.fromSubject || '')}：${esc(i.comparator || '')}${esc(num(i.fromValue))} → ${esc(num(i.toValue))}${esc(i.unit || '')}`);
  return `<div class="yoy-result">
    <div class="meta">${docsOf(r.fromYear, r.fromDocuments)}<br>${docsOf(r.toYear, r.toDocuments)}</div>
    <div class="yoy-counts">
      <span class="yoy-count yoy-kept">延续 <b>${r.kept.length}</b></span>
      <span class="yoy-count yoy-added">新增 <b>${r.added.length}</b></span>
      <span class="yoy-count yoy-dropped">删除 <b>${r.dropped.length}</b></span>
      <span class="yoy-count yoy-indicators">指标变化 <b>${r.indicators.filter((i) => i.change !== 'UNCHANGED').length}</b></span>
    </div>
    <p class="muted yoy-key">图中：<span class="yoy-swatch kept"></span>延续 <span class="yoy-swatch added"></span>新增
      <span class="yoy-swatch dropped"></span>删除</p>
    <h3>指标变化（${r.indicators.length}）</h3>${indicators}
    <h3>延续（${r.kept.length}）</h3>${list(r.kept, (k) => `${taskRef(k.from)} → ${taskRef(k.to)} <span class="link-score">${Number(k.score).toFixed(2)}</span>`)}
    <h3>新增（${r.added.length}）</h3><div class="yoy-added-list">${list(r.added, taskRef)}</div>
    <h3>删除（${r.dropped.length}）</h3><div class="yoy-dropped-list">${list(r.dropped, taskRef)}</div>
  </div>`;
}

/**
 * The comparison as a graph: each year's documents with their tasks, a kept task linked to the task
 * that continues it, added and dropped tasks styled apart (node data yoy: kept / added / dropped). When a
 * year has no document there is nothing to compare: only the documents of the other year are drawn.
 */
export function yoyFragment(r) {
  const f = new Fragment();
  const ok = comparable(r);
  const docOf = (key) => key.slice(0, key.lastIndexOf('#'));
  const docs = new Map();
  for (const [year, keys] of [[r.fromYear, r.fromDocuments], [r.toYear, r.toDocuments]]) {
    for (const key of keys) docs.set(key, f.document({ key, title: `${year} 年 ${key}`, docNumber: key, year }));
  }
  const task = (t, year, kind) => {
    const nodeId = f.task({ ...t, year }, docOf(t.key));
    Object.assign(f.nodes.get(nodeId), { yoy: kind });
    const docId = docs.get(docOf(t.key));
    if (docId) f.edge(docId, nodeId, 'HAS_TASK');
    return nodeId;
  };
  for (const k of r.kept) {
    const from = task(k.from, r.fromYear, 'kept');
    const to = task(k.to, r.toYear, 'kept');
    f.edge(from, to, 'CONTINUES', `延续 ${Number(k.score).toFixed(2)}`, { yoy: 'kept' });
  }
  if (ok) {
    for (const t of r.added) task(t, r.toYear, 'added');
    for (const t of r.dropped) task(t, r.fromYear, 'dropped');
  }
  return f.result();
}

/** Shows the form in the panel; `work` wraps the request (busy marker, spinner). */
export function showYearOverYear(panel, work = (f) => f(), draw = async () => {}) {
  const levels = Object.entries(LEVEL_NAMES)
    .map(([k, v]) => `<option value="${k}"${k === 'PROVINCE' ? ' selected' : ''}>${esc(v)}</option>`).join('');
  panel.clear(`<div class="yoy">
    <h2>年度对比</h2>
    <form id="yoy-form" class="yoy-form">
      <label>地区 <input name="region" value="甘肃省"></label>
      <label>级别 <select name="level">${levels}</select></label>
      <label>从 <input name="fromYear" type="number" value="2021" min="1990" max="2100"></label>
      <label>到 <input name="toYear" type="number" value="2022" min="1990" max="2100"></label>
      <button type="submit">对比</button>
    </form>
    <div id="yoy-out"></div></div>`);
  const form = panel.el.querySelector('#yoy-form');
  const out = panel.el.querySelector('#yoy-out');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(form);
    out.innerHTML = '<div class="loading">加载中…</div>';
    work(async () => {
      try {
        const r = await fetchYearOverYear(f.get('region').trim(), f.get('level'),
          Number(f.get('fromYear')), Number(f.get('toYear')));
        out.innerHTML = renderResult(r);
        await draw(yoyFragment(r), r);
      } catch (err) {
        out.innerHTML = `<div class="error">无法加载：${esc(err.message)}</div>`;
      }
    });
  });
}
