// The search box: suggestions over documents, departments, regions, programmes, institutions and task text;
// text that reads as a question is asked instead (the rule is in ask.js).
import { search } from './api.js';
import { TYPES } from './graph.js';
import { esc } from './panel.js';
import { looksLikeQuestion, PHRASE_LENGTH } from './ask.js';

export class SearchBox {
  /** onChoose(item, text) opens a suggestion; onAsk(question, fallback) asks, fallback being the best suggestion or null. */
  constructor(input, list, onChoose, onAsk) {
    this.input = input;
    this.list = list;
    this.onChoose = onChoose;
    this.onAsk = onAsk;
    this.navigated = false;
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
    this.navigated = false;
    if (!text.trim()) {
      this.items = [];
      this.close();
      return [];
    }
    if (looksLikeQuestion(text)) {
      // a question is not looked up word by word: the only suggestion is to ask it
      this.items = [{ type: 'ask', label: text.trim() }];
      this.searched = text;
      this.active = 0;
      this.render();
      return this.items;
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
    this.items = [...items];
    if ([...text.trim()].length >= PHRASE_LENGTH) this.items.push({ type: 'ask', label: text.trim() });
    this.searched = text;
    this.active = this.items.length ? 0 : -1;
    this.render();
    return items;
  }

  render() {
    if (!this.items.length) {
      this.list.innerHTML = '<li class="muted">无结果</li>';
      return;
    }
    this.list.innerHTML = this.items.map((it, i) => {
      if (it.type === 'ask') {
        return `<li data-index="${i}" data-ask="true" class="ask-item${i === this.active ? ' active' : ''}">
          <span class="type-badge" style="background:#555">提问</span>
          <span class="s-label">按问题解读：${esc(it.label)}</span><span class="s-detail">回车</span></li>`;
      }
      const t = TYPES[it.type];
      return `<li data-index="${i}" data-node="${esc(it.id)}" class="${i === this.active ? 'active' : ''}">
        <span class="type-badge" style="background:${t.color}">${t.name}</span>
        <span class="s-label">${esc(it.label)}</span><span class="s-detail">${esc(it.detail || '')}</span>${it.context
  ? `<div class="s-kwic">${esc(it.context.before)}<mark>${esc(it.context.hit)}</mark>${esc(it.context.after)}</div>` : ''}</li>`;
    }).join('');
    this.open();
  }

  key(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.items.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.items.length) % this.items.length;
      this.navigated = true;
      this.render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(this.timer);
      const text = this.input.value;
      if (!text.trim()) return;
      if (looksLikeQuestion(text)) {
        this.seq++;
        this.close();
        this.onAsk(text.trim(), null);
      } else if (text === this.searched && this.navigated && this.active >= 0) {
        this.choose(this.active);
      } else {
        // the suggestions for exactly this text (searching now when they have not come yet)
        const ready = text === this.searched ? Promise.resolve(this.items) : this.run(text);
        ready.then((items) => {
          if (this.input.value === text) this.enter(text.trim(), items.filter((it) => it.type !== 'ask'));
        });
      }
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  /** Enter on text that is not a question: a named entity is opened, a longer phrase is asked. */
  enter(text, entities) {
    const named = entities.find((it) => it.label === text) || (entities.length === 1 ? entities[0] : null);
    if (named) {
      this.close();
      this.onChoose(named, text);
    } else if ([...text].length >= PHRASE_LENGTH) {
      this.close();
      this.onAsk(text, entities[0] || null);
    } else if (entities.length) {
      this.close();
      this.onChoose(entities[0], text);
    }
  }

  choose(index) {
    const item = this.items[index];
    if (!item) return;
    this.close();
    if (item.type === 'ask') this.onAsk(item.label, null);
    else this.onChoose(item, this.input.value.trim());
  }

  open() {
    this.list.classList.add('open');
  }

  close() {
    this.list.classList.remove('open');
  }
}
