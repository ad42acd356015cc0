// The search box: suggestions over documents, departments, regions, programmes, institutions and task text.
import { search } from './api.js';
import { TYPES } from './graph.js';
import { esc } from './panel.js';

export class SearchBox {
  constructor(input, list, onChoose) {
    this.input = input;
    this.list = list;
    this.onChoose = onChoose;
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.seq = 0;
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('focus', () => { if (this.items.length) this.open(); });
    input.addEventListener('keydown', (e) => this.key(e));
    list.addEventListener('mousedown', (e) => {
      const li = e.target.closest('li[data-index]');
      if (li) {
        e.preventDefault();
        this.choose(Number(li.dataset.index));
      }
    });
    document.addEventListener('click', (e) => {
      if (!list.contains(e.target) && e.target !== input) this.close();
    });
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(this.input.value), 220);
  }

  /** Looks the text up and shows the suggestions; resolves to them. */
  async run(text) {
    const seq = ++this.seq;
    if (!text.trim()) {
      this.items = [];
      this.close();
      return [];
    }
    this.list.innerHTML = '<li class="muted">搜索中…</li>';
    this.open();
    let items;
    try {
      items = await search(text);
    } catch (err) {
      if (seq === this.seq) this.list.innerHTML = `<li class="error">搜索失败：${esc(err.message)}</li>`;
      return [];
    }
    if (seq !== this.seq) return items;
    this.items = items;
    this.searched = text;
    this.active = items.length ? 0 : -1;
    this.render();
    return items;
  }

  render() {
    if (!this.items.length) {
      this.list.innerHTML = '<li class="muted">无结果</li>';
      return;
    }
    this.list.innerHTML = this.items.map((it, i) => {
      const t = TYPES[it.type];
      return `<li data-index="${i}" data-node="${esc(it.id)}" class="${i === this.active ? 'active' : ''}">
        <span class="type-badge" style="background:${t.color}">${t.name}</span>
        <span class="s-label">${esc(it.label)}</span><span class="s-detail">${esc(it.detail || '')}</span></li>`;
    }).join('');
    this.open();
  }

  key(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.items.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.items.length) % this.items.length;
      this.render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(this.timer);
      const fresh = this.input.value === this.searched;
      if (fresh && this.items.length && this.active >= 0) {
        this.choose(this.active);
      } else {
        // Enter before the suggestions came: search now and take the best hit
        this.run(this.input.value).then((items) => {
          if (items.length && this.input.value === this.searched) this.choose(0);
        });
      }
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  choose(index) {
    const item = this.items[index];
    if (!item) return;
    this.close();
    this.onChoose(item, this.input.value.trim());
  }

  open() {
    this.list.classList.add('open');
  }

  close() {
    this.list.classList.remove('open');
  }
}
