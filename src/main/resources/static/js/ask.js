// Questions in Chinese (白银市卫健委牵头的省级试点任务有哪些？): the search box hands a question to GraphQL
// ask(question:); its interpretation is shown as removable chips above the graph, one per filter, with the
// words it came from, the words that were not understood and the alternatives of ambiguous places.
// Removing a chip re-runs tasks(where:) with the remaining chips; the equivalent GraphQL is shown to copy.
//
// When the search box asks (docs/ask.md, "In the explorer"):
//   - the text reads as a question: it ends with ？ or ?, or contains 哪些, 什么, 有没有, 是否, 吗, 多少,
//     哪个 or 哪里 — Enter asks, and the suggestion list offers only "按问题解读";
//   - otherwise Enter opens an entity when the text names one (a suggestion's label equals it, or it is
//     the only suggestion) or when the text is short (under 5 characters: the best suggestion, as before);
//     longer text is asked, and when nothing of it is understood the best suggestion is opened instead.
import { gql, TASK_FULL, taskAnswer, tasksWhere, LEVEL_NAMES, ROLE_NAMES } from './api.js';
import { esc } from './panel.js';

const QUESTION_WORDS = /哪些|什么|有没有|是否|吗|多少|哪个|哪里/;

/** Whether the text reads as a question. */
export function looksLikeQuestion(text) {
  const t = (text || '').trim();
  return !!t && (/[？?]$/.test(t) || QUESTION_WORDS.test(t));
}

/** Text under this many characters that is not a question is taken as a name. */
export const PHRASE_LENGTH = 5;

/** Chinese labels of the TaskWhere fields. */
export const FIELD_LABELS = {
  department: '部门',
  departmentFunction: '部门职能',
  departmentRegion: '部门所属地区',
  role: '部门角色',
  region: '地区',
  mentionsRegion: '提及地区',
  pilotLevel: '试点级别',
  pilotProgramme: '试点项目',
  pilotRegion: '试点地区',
  pilotInstitution: '试点机构',
  indicatorDeadline: '指标期限',
  year: '年份',
  documentRegion: '发文地区',
  documentLevel: '文件级别',
  issuer: '发文机关',
  docNumber: '文号',
  ordinal: '任务序号',
  titleContains: '标题包含',
  text: '全文',
  theme: '主题',
  themeTerm: '主题词',
  hasPilot: '有试点',
  hasIndicator: '有指标',
  indicatorUnit: '指标单位',
  indicatorValue: '指标数值',
  allOf: '并且',
  anyOf: '或者',
};

const ENUM_NAMES = { role: ROLE_NAMES, pilotLevel: LEVEL_NAMES, documentLevel: LEVEL_NAMES };
const INT_FIELDS = ['year', 'ordinal', 'indicatorValue'];
const BOOLEAN_FIELDS = ['hasPilot', 'hasIndicator'];
// a chip of these holds one nested TaskWhere as JSON; several chips of the field add up to a list
const NESTED_FIELDS = ['allOf', 'anyOf'];
const REGION_FIELDS = ['region', 'mentionsRegion', 'pilotRegion', 'departmentRegion', 'documentRegion'];
// the order of the fields in the shown query, as the server writes it
const FIELD_ORDER = Object.keys(FIELD_LABELS);

/** Asks the question: {interpretation: {filters, graphql, notUnderstood, alternatives}, tasks, totalCount, nodes, edges}. */
export async function ask(question, first = 100) {
  const data = await gql(`query($question: String!, $first: Int) { ask(question: $question, first: $first) {
      interpretation { filters { field value words } graphql notUnderstood alternatives }
      tasks { totalCount edges { node { ${TASK_FULL} } } } } }`, { question, first });
  const a = data.ask;
  return { interpretation: a.interpretation, ...taskAnswer(a.tasks) };
}

/** The TaskWhere object of the chips: chip.field is the field, chip.value its value (enums by name, year as a number). */
export function whereOf(chips) {
  const where = {};
  for (const c of chips) {
    if (NESTED_FIELDS.includes(c.field)) (where[c.field] ||= []).push(JSON.parse(c.value));
    else if (BOOLEAN_FIELDS.includes(c.field)) where[c.field] = c.value === 'true';
    else where[c.field] = INT_FIELDS.includes(c.field) ? Number(c.value) : c.value;
  }
  return where;
}

/** A TaskWhere value as a GraphQL input literal: enums bare, nested wheres and lists written out. */
function literal(field, v) {
  if (Array.isArray(v)) return `[${v.map((x) => literal(field, x)).join(', ')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.entries(v).map(([f, x]) => `${f}: ${literal(f, x)}`).join(', ')}}`;
  }
  return (ENUM_NAMES[field] || typeof v === 'number' || typeof v === 'boolean') ? String(v) : JSON.stringify(v);
}

/** The tasks the chips select, drawn like a preset's answer. */
export function answerChips(chips, first = 100) {
  return tasksWhere(whereOf(chips), first);
}

/** The equivalent GraphQL of the chips, to copy into GraphiQL. */
export function graphqlOf(chips) {
  const where = whereOf(chips);
  const fields = Object.keys(where).sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))
    .map((f) => `${f}: ${literal(f, where[f])}`);
  return `{
  tasks(where: {${fields.join(', ')}}) {
    totalCount
    edges { node { key ordinal title document { docNumber title } } }
  }
}`;
}

// ---------------------------------------------------------------------------------------------
// URL state: chips as "field:value" in the hash list `chips`

export const chipsToHash = (chips) => chips.map((c) => `${c.field}:${c.value}`);

export function chipsFromHash(list) {
  return (list || []).map((s) => {
    const at = s.indexOf(':');
    return at > 0 ? { field: s.slice(0, at), value: s.slice(at + 1), words: '' } : null;
  }).filter((c) => c && c.field in FIELD_LABELS);
}

export const sameChips = (a, b) => a.length === b.length && a.every((c, i) => c.field === b[i].field && c.value === b[i].value);

// ---------------------------------------------------------------------------------------------
// Display values: enum names in Chinese, region codes as names

const regionNames = new Map();

/** Resolves the region codes among the chips' values to names (cached). */
export async function nameRegions(chips) {
  const codes = [...new Set(chips.filter((c) => REGION_FIELDS.includes(c.field) && /^\d{6}$/.test(c.value))
    .map((c) => c.value).filter((code) => !regionNames.has(code)))];
  if (!codes.length) return;
  const query = codes.map((code, i) => `r${i}: region(code: ${JSON.stringify(code)}) { code name }`).join('\n');
  try {
    const data = await gql(`{ ${query} }`);
    for (const r of Object.values(data)) if (r) regionNames.set(r.code, r.name);
  } catch (err) {
    console.warn('region names', err);
  }
}

export function displayValue(chip) {
  const names = ENUM_NAMES[chip.field];
  if (names) return names[chip.value] || chip.value;
  if (REGION_FIELDS.includes(chip.field)) return regionNames.get(chip.value) || chip.value;
  if (NESTED_FIELDS.includes(chip.field)) return literal(chip.field, JSON.parse(chip.value));
  if (BOOLEAN_FIELDS.includes(chip.field)) return chip.value === 'true' ? '是' : '否';
  return chip.value;
}

// ---------------------------------------------------------------------------------------------
// The chip bar above the graph

export class AskBar {
  /** handlers: onRemove(index), onClose() */
  constructor(element, handlers) {
    this.el = element;
    element.addEventListener('click', (e) => {
      const remove = e.target.closest('button[data-remove]');
      if (remove) handlers.onRemove(Number(remove.dataset.remove));
      if (e.target.closest('button.ask-close')) handlers.onClose();
    });
  }

  /** Shows the question's chips; view: {question, chips, notUnderstood, alternatives, totalCount, edited}. */
  show(view) {
    const chips = view.chips.map((c, i) => `<span class="chip" data-field="${esc(c.field)}" data-value="${esc(c.value)}"
        title="${esc(`${c.field}: ${c.value}`)}"><b>${esc(FIELD_LABELS[c.field] || c.field)}:</b>
        <span class="chip-value">${esc(displayValue(c))}</span>${c.words ? `<span class="chip-words">「${esc(c.words)}」</span>` : ''}
        <button type="button" data-remove="${i}" title="去掉这个条件" aria-label="去掉 ${esc(FIELD_LABELS[c.field] || c.field)}">×</button></span>`).join('');
    const missing = (view.notUnderstood || []).map((w) => `<span class="chip not-understood">${esc(w)}</span>`).join('');
    const alternatives = (view.alternatives || []).map((a) => `<li>${esc(a)}</li>`).join('');
    this.el.innerHTML = `<div class="ask-row">
        <span class="ask-label">问题</span><span class="ask-question">${esc(view.question)}</span>
        <span class="ask-count">${view.chips.length ? `${missing ? '部分理解：' : ''}${view.totalCount} 个任务` : ''}${view.edited ? '（已修改条件）' : ''}</span>
        <button type="button" class="ask-close" title="关闭问题">关闭</button></div>
      <div class="ask-row chips">${chips || '<span class="muted">没有可用的筛选条件，因此没有结果。</span>'}</div>
      ${missing ? `<div class="ask-row"><span class="ask-label">未理解</span>${missing}</div>` : ''}
      ${alternatives ? `<div class="ask-row"><span class="ask-label">也可能指</span><ul class="alternatives">${alternatives}</ul></div>` : ''}`;
    this.el.hidden = false;
  }

  hide() {
    this.el.hidden = true;
    this.el.innerHTML = '';
  }
}
