// The year-over-year view ("年度对比") in the side panel: one issuer's documents compared across two years.
import { LEVEL_NAMES, fetchYearOverYear, id } from './api.js';
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

export function renderResult(r) {
  const indicators = list(r.indicators, (i) => `<span class="change change-${esc(i.change)}">${esc(CHANGE_NAMES[i.change] || i.change)}</span>
      ${esc(i.toSubject || i.fromSubject || '')}：${esc(i.comparator || '')}${esc(num(i.fromValue))} → ${esc(num(i.toValue))}${esc(i.unit || '')}`);
  return `<div class="yoy-result">
    <div class="meta">${esc(r.fromYear)} 年：${esc(r.fromDocuments.join('、') || '无文件')}<br>
      ${esc(r.toYear)} 年：${esc(r.toDocuments.join('、') || '无文件')}</div>
    <div class="yoy-counts">
      <span class="yoy-count yoy-kept">延续 <b>${r.kept.length}</b></span>
      <span class="yoy-count yoy-added">新增 <b>${r.added.length}</b></span>
      <span class="yoy-count yoy-dropped">删除 <b>${r.dropped.length}</b></span>
      <span class="yoy-count yoy-indicators">指标变化 <b>${r.indicators.filter((i) => i.change !== 'UNCHANGED').length}</b></span>
    </div>
    <h3>指标变化（${r.indicators.length}）</h3>${indicators}
    <h3>延续（${r.kept.length}）</h3>${list(r.kept, (k) => `${taskRef(k.from)} → ${taskRef(k.to)} <span class="link-score">${Number(k.score).toFixed(2)}</span>`)}
    <h3>新增（${r.added.length}）</h3><div class="yoy-added-list">${list(r.added, taskRef)}</div>
    <h3>删除（${r.dropped.length}）</h3><div class="yoy-dropped-list">${list(r.dropped, taskRef)}</div>
  </div>`;
}

/** Shows the form in the panel; `work` wraps the request (busy marker, spinner). */
export function showYearOverYear(panel, work = (f) => f()) {
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
      } catch (err) {
        out.innerHTML = `<div class="error">无法加载：${esc(err.message)}</div>`;
      }
    });
  });
}
