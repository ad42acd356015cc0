// The application's GraphQL API (POST /graphql) and the graph fragments the explorer builds from it.
// Every node id is "<type>:<key>"; every fetcher returns {nodes, edges} in the explorer's own shape.

export const LEVEL_NAMES = { NATIONAL: '国家级', PROVINCE: '省级', CITY: '市级', COUNTY: '县级' };
export const ROLE_NAMES = { LEAD: '牵头', PARTNER: '配合' };

export class ApiError extends Error {}

/** Waits before each new try of a request the server was too busy to run (policygraph.graphql.queue-timeout). */
const BUSY_RETRY_DELAYS_MS = [500, 1500, 3000];

const busy = (body) => (body.errors || []).some((e) => e.extensions && e.extensions.classification === 'BUSY');

/**
 * Runs a query; resolves to its data, or rejects with the first GraphQL error. A request the server
 * was too busy to take (BUSY) is tried again a few times: a view restored from a link sends several
 * at once, and dropping one would show part of the view as if it were all of it.
 */
export async function gql(query, variables = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch('graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    if (!response.ok) {
      throw new ApiError(`GraphQL request failed: HTTP ${response.status}`);
    }
    const body = await response.json();
    if (busy(body) && attempt < BUSY_RETRY_DELAYS_MS.length) {
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_DELAYS_MS[attempt]));
      continue;
    }
    if (body.errors && body.errors.length && !body.data) {
      throw new ApiError(body.errors.map((e) => e.message).join('; '));
    }
    return body.data;
  }
}

export const id = {
  document: (key) => `document:${key}`,
  section: (key) => `section:${key}`,
  task: (key) => `task:${key}`,
  department: (key) => `department:${key}`,
  region: (code) => `region:${code}`,
  pilot: (key) => `pilot:${key}`,
  programme: (name) => `programme:${name}`,
  institution: (key) => `institution:${key}`,
  indicator: (key) => `indicator:${key}`,
};

/** Splits "task:市政办发〔2021〕100号#14" into {type, key}. */
export function parseId(nodeId) {
  const at = nodeId.indexOf(':');
  return { type: nodeId.slice(0, at), key: nodeId.slice(at + 1) };
}

const short = (s, n = 18) => (s && s.length > n ? `${s.slice(0, n)}…` : s || '');

// ---------------------------------------------------------------------------------------------
// Fragments

const TASK_BRIEF = 'key ordinal label title year documentLevel';
const DOC_BRIEF = 'key docNumber title year level stub';
const REGION_BRIEF = 'code name level';
const SITE = `__typename ... on Region { ${REGION_BRIEF} } ... on Institution { key name regionCode }`;
const PILOT = `key level levelBasis declaredCount programme { name } sites { ${SITE} }`;
const EVIDENCE = 'evidence { start end text }';

export const TASK_FULL = `
  ${TASK_BRIEF} text truncated ${EVIDENCE}
  document { ${DOC_BRIEF} issuer }
  section { key ordinal label title }
  departments { role position department { key name level regionCode } ${EVIDENCE} }
  regions { ${REGION_BRIEF} }
  pilots { ${PILOT} ${EVIDENCE} }
  indicators { key text value unit comparator deadline subject ${EVIDENCE} }
  cites { ${DOC_BRIEF} }`;

// ---------------------------------------------------------------------------------------------
// Labels of facts: what distinguishes one pilot or indicator from the next

const COMPARATORS = { '>=': '≥', '<=': '≤', '>': '＞', '<': '＜', '=': '' };

/** "≥90%", "250个"; the text as written when there is no value. */
export function indicatorValue(i) {
  if (i.value == null) return i.text || '';
  const number = Number.isInteger(i.value) ? String(i.value) : String(Number(i.value.toFixed(4)));
  return `${COMPARATORS[i.comparator] ?? i.comparator ?? ''}${number}${i.unit || ''}`;
}

/** Subject and value: "县级就诊率 ≥90%". */
export function indicatorLabel(i) {
  const value = indicatorValue(i);
  const subject = short(i.subject, 12);
  if (!subject) return value || short(i.text || i.key, 14);
  return value && !subject.includes(value) ? `${subject} ${value}` : subject;
}

/**
 * Programme over site, on two lines: "紧密型城市医疗集团试点\n金昌市 等 4 处"; the level when either is
 * missing. Each line fits the node label's width, so neither is cut off.
 */
export function pilotLabel(p) {
  const levelName = LEVEL_NAMES[p.level] || '';
  const programme = p.programme && p.programme.name ? short(p.programme.name, 12) : `${levelName}试点`;
  const sites = (p.sites || []).map((s) => s.name);
  if (!sites.length) return p.programme ? `${programme}\n（${levelName || '试点'}）` : programme;
  return `${programme}\n${short(sites[0], 8)}${sites.length > 1 ? ` 等 ${sites.length} 处` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Graph builders

class Fragment {
  constructor() {
    this.nodes = new Map();
    this.edges = new Map();
  }

  node(nodeId, type, label, extra = {}) {
    const existing = this.nodes.get(nodeId);
    this.nodes.set(nodeId, { ...(existing || {}), id: nodeId, type, label, ...extra });
    return nodeId;
  }

  edge(source, target, rel, label = '', extra = {}) {
    const edgeId = `${source}|${rel}|${target}`;
    this.edges.set(edgeId, { id: edgeId, source, target, rel, label, ...extra });
  }

  document(d) {
    if (!d) return null;
    return this.node(id.document(d.key), 'document', short(d.title || d.key, 20), {
      key: d.key, title: d.title, docNumber: d.docNumber, year: d.year, level: d.level, stub: !!d.stub,
      docKey: d.key,
    });
  }

  section(s, docKey, year) {
    return this.node(id.section(s.key), 'section', `${s.label || ''}${short(s.title, 14)}`, {
      key: s.key, title: s.title, docKey, year,
    });
  }

  task(t, docKey) {
    const key = docKey || (t.document && t.document.key) || t.key.slice(0, t.key.lastIndexOf('#'));
    return this.node(id.task(t.key), 'task', `${t.label || ''}${short(t.title, 16)}`, {
      key: t.key, title: t.title, ordinal: t.ordinal, year: t.year, docKey: key,
    });
  }

  department(d) {
    return this.node(id.department(d.key), 'department', d.name, {
      key: d.key, name: d.name, level: d.level, regionCode: d.regionCode,
    });
  }

  region(r) {
    return this.node(id.region(r.code), 'region', r.name, { key: r.code, name: r.name, level: r.level });
  }

  institution(i) {
    return this.node(id.institution(i.key), 'institution', i.name, {
      key: i.key, name: i.name, regionCode: i.regionCode,
    });
  }

  programme(name) {
    return this.node(id.programme(name), 'programme', short(name, 16), { key: name, name });
  }

  indicator(i, taskKey, docKey, year) {
    return this.node(id.indicator(i.key), 'indicator', indicatorLabel(i), {
      key: i.key, text: i.text, subject: i.subject, value: indicatorValue(i), taskKey, docKey, year,
    });
  }

  /** A pilot with its programme and sites; the pilot edges carry the pilot's level. */
  pilot(p, taskKey, docKey, year) {
    const levelName = LEVEL_NAMES[p.level] || '试点';
    const sites = (p.sites || []).map((s) => s.name);
    const pilotId = this.node(id.pilot(p.key), 'pilot', pilotLabel(p), {
      key: p.key, level: p.level || 'NONE', levelName: LEVEL_NAMES[p.level] || '', programme: p.programme && p.programme.name,
      sites, taskKey, docKey, year,
    });
    if (p.programme) {
      this.edge(pilotId, this.programme(p.programme.name), 'OF_PROGRAMME', '项目');
    }
    for (const s of p.sites || []) {
      const siteId = s.__typename === 'Region' ? this.region(s) : this.institution(s);
      this.edge(pilotId, siteId, 'AT_SITE', levelName, { level: p.level || 'NONE', pilotEdge: true });
    }
    if (taskKey) {
      this.edge(id.task(taskKey), pilotId, 'DESIGNATES', levelName, { level: p.level || 'NONE', pilotEdge: true });
    }
    return pilotId;
  }

  /** A task with everything TASK_FULL selects. */
  fullTask(t) {
    const docKey = t.document ? t.document.key : undefined;
    const taskId = this.task(t, docKey);
    if (t.document) {
      const docId = this.document(t.document);
      if (t.section) {
        const sectionId = this.section(t.section, docKey, t.year);
        this.edge(docId, sectionId, 'HAS_SECTION');
        this.edge(sectionId, taskId, 'HAS_TASK');
      } else {
        this.edge(docId, taskId, 'HAS_TASK');
      }
    }
    for (const a of t.departments || []) {
      this.edge(taskId, this.department(a.department), 'ASSIGNED_TO', ROLE_NAMES[a.role] || '',
        { role: a.role || 'NONE' });
    }
    for (const r of t.regions || []) {
      this.edge(taskId, this.region(r), 'MENTIONS', '提及');
    }
    for (const p of t.pilots || []) {
      this.pilot(p, t.key, docKey, t.year);
    }
    for (const i of t.indicators || []) {
      this.edge(taskId, this.indicator(i, t.key, docKey, t.year), 'SETS', '指标');
    }
    for (const c of t.cites || []) {
      this.edge(taskId, this.document(c), 'CITES', '引用');
    }
    return taskId;
  }

  result(extra = {}) {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], ...extra };
  }
}

export { Fragment };

// ---------------------------------------------------------------------------------------------
// Neighbourhoods, one per node type

export async function neighbourhood(nodeId) {
  const { type, key } = parseId(nodeId);
  const loader = LOADERS[type];
  if (!loader) throw new ApiError(`Unknown node type ${type}`);
  return loader(key);
}

async function documentNeighbourhood(key) {
  const data = await gql(`query($key: ID!) { document(key: $key) {
      ${DOC_BRIEF} issuer region { ${REGION_BRIEF} }
      sections { key ordinal label title tasks { ${TASK_BRIEF} } }
      tasks { ${TASK_BRIEF} section { key } }
      indicators { key text subject value unit comparator }
    } }`, { key });
  const f = new Fragment();
  const d = data.document;
  if (!d) return f.result();
  const docId = f.document(d);
  if (d.region) f.edge(docId, f.region(d.region), 'ISSUED_IN', '发布');
  for (const s of d.sections) {
    const sectionId = f.section(s, d.key, d.year);
    f.edge(docId, sectionId, 'HAS_SECTION');
    for (const t of s.tasks) f.edge(sectionId, f.task(t, d.key), 'HAS_TASK');
  }
  for (const t of d.tasks) {
    if (!t.section) f.edge(docId, f.task(t, d.key), 'HAS_TASK');
  }
  for (const i of d.indicators) f.edge(docId, f.indicator(i, null, d.key, d.year), 'SETS', '指标');
  return f.result();
}

async function sectionNeighbourhood(key) {
  const docKey = key.slice(0, key.lastIndexOf('#'));
  const data = await gql(`query($key: ID!) { document(key: $key) {
      ${DOC_BRIEF} sections { key ordinal label title tasks { ${TASK_BRIEF} } } } }`, { key: docKey });
  const f = new Fragment();
  const d = data.document;
  if (!d) return f.result();
  const docId = f.document(d);
  for (const s of d.sections.filter((x) => x.key === key)) {
    const sectionId = f.section(s, d.key, d.year);
    f.edge(docId, sectionId, 'HAS_SECTION');
    for (const t of s.tasks) f.edge(sectionId, f.task(t, d.key), 'HAS_TASK');
  }
  return f.result();
}

export async function fetchTask(key) {
  const data = await gql(`query($key: ID!) { task(key: $key) { ${TASK_FULL} } }`, { key });
  return data.task;
}

async function taskNeighbourhood(key) {
  const t = await fetchTask(key);
  const f = new Fragment();
  if (t) f.fullTask(t);
  return f.result();
}

export async function fetchDepartment(key) {
  const bar = key.indexOf('|');
  const where = bar > 0 ? { name: key.slice(bar + 1), region: key.slice(0, bar) } : { name: key };
  const data = await gql(`query($where: DepartmentWhere) { departments(where: $where, first: 100) { edges { node {
      key name level regionCode region { ${REGION_BRIEF} }
      tasks { role position task { ${TASK_BRIEF} document { ${DOC_BRIEF} } } }
    } } } }`, { where });
  const found = data.departments.edges.map((e) => e.node);
  return found.find((d) => d.key === key) || null;
}

async function departmentNeighbourhood(key) {
  const d = await fetchDepartment(key);
  const f = new Fragment();
  if (!d) return f.result();
  const deptId = f.department(d);
  if (d.region) f.edge(deptId, f.region(d.region), 'OF_REGION', '所属');
  for (const a of d.tasks) {
    const taskId = f.task(a.task, a.task.document.key);
    f.edge(taskId, deptId, 'ASSIGNED_TO', ROLE_NAMES[a.role] || '', { role: a.role || 'NONE' });
  }
  return f.result();
}

export async function fetchRegion(code) {
  return gql(`query($code: ID!, $region: String!) {
      region(code: $code) { ${REGION_BRIEF} parent { ${REGION_BRIEF} } children { ${REGION_BRIEF} }
        institutions { key name regionCode } }
      pilots(where: { region: $region }, first: 100) { edges { node {
        ${PILOT} task { ${TASK_BRIEF} document { ${DOC_BRIEF} } } } } }
      tasks(where: { region: $region }, first: 100) { totalCount edges { node {
        ${TASK_BRIEF} document { ${DOC_BRIEF} } regions { code }
        departments { role department { key name } } pilots { key sites { ${SITE} } } } } }
      documents(where: { region: $region }, first: 50) { edges { node { ${DOC_BRIEF} region { code } } } }
    }`, { code, region: code });
}

async function regionNeighbourhood(code) {
  const data = await fetchRegion(code);
  const f = new Fragment();
  const r = data.region;
  if (!r) return f.result();
  const regionId = f.region(r);
  if (r.parent) f.edge(f.region(r.parent), regionId, 'CONTAINS', '');
  for (const c of r.children) f.edge(regionId, f.region(c), 'CONTAINS', '');
  for (const i of r.institutions) f.edge(f.institution(i), regionId, 'LOCATED_IN', '位于');
  for (const { node: p } of data.pilots.edges) {
    const docKey = p.task.document.key;
    f.task(p.task, docKey);
    f.pilot(p, p.task.key, docKey, p.task.year);
  }
  for (const { node: t } of data.tasks.edges) {
    if (t.regions.some((x) => x.code === code)) {
      f.edge(f.task(t, t.document.key), regionId, 'MENTIONS', '提及');
    }
  }
  for (const { node: d } of data.documents.edges) {
    if (d.region && d.region.code === code) f.edge(f.document(d), regionId, 'ISSUED_IN', '发布');
  }
  return f.result();
}

async function pilotNeighbourhood(key) {
  const taskKey = key.slice(0, key.lastIndexOf('#'));
  const t = await fetchTask(taskKey);
  const f = new Fragment();
  if (!t) return f.result();
  f.task(t, t.document.key);
  for (const p of t.pilots.filter((x) => x.key === key)) f.pilot(p, t.key, t.document.key, t.year);
  return f.result();
}

async function programmeNeighbourhood(name) {
  const data = await gql(`query($name: String) { programmes(where: { name: $name }) { edges { node {
      name pilots { ${PILOT} task { ${TASK_BRIEF} document { ${DOC_BRIEF} } } } } } } }`, { name });
  const f = new Fragment();
  for (const { node: g } of edgesOf(data.programmes)) {
    f.programme(g.name);
    for (const p of g.pilots) {
      f.task(p.task, p.task.document.key);
      f.pilot(p, p.task.key, p.task.document.key, p.task.year);
    }
  }
  return f.result();
}

export async function fetchInstitution(key) {
  const bar = key.indexOf('|');
  const name = bar > 0 ? key.slice(bar + 1) : key;
  const data = await gql(`query($name: String) { institutions(where: { name: $name }, first: 100) { edges { node {
      key name regionCode region { ${REGION_BRIEF} }
      pilots { ${PILOT} task { ${TASK_BRIEF} document { ${DOC_BRIEF} } } } } } } }`, { name });
  return data.institutions.edges.map((e) => e.node).find((i) => i.key === key) || null;
}

async function institutionNeighbourhood(key) {
  const i = await fetchInstitution(key);
  const f = new Fragment();
  if (!i) return f.result();
  const instId = f.institution(i);
  if (i.region) f.edge(instId, f.region(i.region), 'LOCATED_IN', '位于');
  for (const p of i.pilots) {
    f.task(p.task, p.task.document.key);
    f.pilot(p, p.task.key, p.task.document.key, p.task.year);
  }
  return f.result();
}

async function indicatorNeighbourhood(key) {
  const taskKey = key.slice(0, key.lastIndexOf('#'));
  const t = await fetchTask(taskKey);
  const f = new Fragment();
  if (!t) return f.result();
  const taskId = f.task(t, t.document.key);
  for (const i of t.indicators.filter((x) => x.key === key)) {
    f.edge(taskId, f.indicator(i, t.key, t.document.key, t.year), 'SETS', '指标');
  }
  return f.result();
}

const LOADERS = {
  document: documentNeighbourhood,
  section: sectionNeighbourhood,
  task: taskNeighbourhood,
  department: departmentNeighbourhood,
  region: regionNeighbourhood,
  pilot: pilotNeighbourhood,
  programme: programmeNeighbourhood,
  institution: institutionNeighbourhood,
  indicator: indicatorNeighbourhood,
};

// ---------------------------------------------------------------------------------------------
// Tasks matching a filter, with their full neighbourhood (presets)

export async function tasksWhere(where, first = 100) {
  const data = await gql(`query($where: TaskWhere, $first: Int) {
      tasks(where: $where, first: $first) { totalCount edges { node { ${TASK_FULL} } } } }`, { where, first });
  return taskAnswer(data.tasks);
}

/** A TaskConnection whose nodes select TASK_FULL, drawn: {tasks, totalCount, nodes, edges}. */
export function taskAnswer(connection) {
  const f = new Fragment();
  const tasks = connection.edges.map((e) => e.node);
  for (const t of tasks) f.fullTask(t);
  return f.result({ tasks, totalCount: connection.totalCount });
}

// ---------------------------------------------------------------------------------------------
// Search

let mentionedRegions = null;

async function regionsByName(q) {
  if (!mentionedRegions) {
    const data = await gql(`{ regions(where: { mentioned: true }, first: 100) { edges { node { ${REGION_BRIEF} } } } }`);
    mentionedRegions = data.regions.edges.map((e) => e.node);
  }
  const names = [q, `${q}市`, `${q}省`, `${q}县`, `${q}区`, `${q}州`];
  const aliases = names.map((n, i) => `r${i}: regions(where: { name: ${JSON.stringify(n)} }, first: 5) {
      edges { node { ${REGION_BRIEF} parent { name } } } }`).join('\n');
  const data = await gql(`{ ${aliases} }`);
  const found = new Map();
  for (const r of mentionedRegions.filter((x) => x.name.includes(q))) found.set(r.code, r);
  for (const k of Object.keys(data)) for (const e of data[k].edges) found.set(e.node.code, e.node);
  return [...found.values()];
}

/** A connection's edges; none when the field failed (the other fields of a search still count). */
const edgesOf = (connection) => (connection && connection.edges) || [];

// Department abbreviations (GET /api/reference/department-aliases, the table the question parser uses):
// 卫健委 is 卫生健康委, 发改委 is 发展改革委.
let departmentAliases = null;

/** [{function, aliases}] of reference/department-functions.tsv, fetched once; none when unavailable. */
export function fetchDepartmentAliases() {
  if (!departmentAliases) {
    departmentAliases = fetch('api/reference/department-aliases', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : { functions: [] }))
      .then((b) => b.functions || [])
      .catch(() => []);
  }
  return departmentAliases;
}

/**
 * The other ways of writing a department search: an alias in it replaced by its canonical function
 * (市卫健委 → 市卫生健康委), and a canonical function by its aliases (医保局 → 医疗保障局). The query first.
 */
export function departmentForms(q, functions) {
  const forms = [q];
  const add = (f) => { if (f && !forms.includes(f)) forms.push(f); };
  const pairs = [];
  for (const f of functions) for (const a of f.aliases) pairs.push([a, f.function, f.aliases]);
  pairs.sort((x, y) => y[0].length - x[0].length);
  for (const [alias, fn] of pairs) {
    if (alias.length >= 2 && q.includes(alias)) {
      add(q.replace(alias, fn));
      break;
    }
  }
  for (const f of functions) {
    if (f.function.length >= 2 && q.includes(f.function)) {
      for (const a of f.aliases) add(q.replace(f.function, a));
      break;
    }
  }
  return forms.slice(0, 8);
}

/** The keyword in context: {before, hit, after} around the first of `words` in `text`, or null. */
export function keywordInContext(text, words, width = 22) {
  if (!text) return null;
  for (const w of words) {
    const at = w ? text.indexOf(w) : -1;
    if (at < 0) continue;
    const from = Math.max(0, at - width);
    const to = Math.min(text.length, at + w.length + width);
    const flat = (x) => x.replace(/\s+/g, ' ');
    return {
      before: (from > 0 ? '…' : '') + flat(text.slice(from, at)),
      hit: text.slice(at, at + w.length),
      after: flat(text.slice(at + w.length, to)) + (to < text.length ? '…' : ''),
    };
  }
  return null;
}

/** Suggestions for the search box: [{id, type, label, detail, context}], at most a few per type. */
export async function search(q) {
  q = q.trim();
  if (!q) return [];
  const longEnough = [...q].length >= 2;
  const forms = departmentForms(q, await fetchDepartmentAliases());
  const canonical = forms[1] && !forms[1].includes(q) ? forms[1] : null;
  const departmentFields = forms.map((f, i) => `d${i}: departments(where: { nameContains: ${JSON.stringify(f)} }, first: 8) {
      edges { node { key name level } } }`).join('\n');
  const query = `query($q: String!, $text: String, $withText: Boolean!, $canonical: String, $withCanonical: Boolean!) {
      documents(where: { titleContains: $q }, first: 5) { edges { node { ${DOC_BRIEF} } } }
      byNumber: documents(where: { docNumber: $q }, first: 2) { edges { node { ${DOC_BRIEF} } } }
      ${departmentFields}
      programmes(where: { nameContains: $q }, first: 5) { edges { node { name } } }
      institutions(where: { nameContains: $q }, first: 5) { edges { node { key name } } }
      tasks(where: { text: $text }, first: 8) @include(if: $withText) { totalCount edges { node {
        ${TASK_BRIEF} text document { key docNumber title } } } }
      canonicalTasks: tasks(where: { text: $canonical }, first: 8) @include(if: $withCanonical) { totalCount edges { node {
        ${TASK_BRIEF} text document { key docNumber title } } } }
    }`;
  const withCanonical = longEnough && !!canonical;
  const [data, regions] = await Promise.all([
    gql(query, {
      q, text: longEnough ? q : null, withText: longEnough, canonical: withCanonical ? canonical : null, withCanonical,
    }),
    regionsByName(q).catch(() => []),
  ]);
  const departments = new Map();
  forms.forEach((f, i) => {
    for (const { node: d } of edgesOf(data[`d${i}`])) {
      if (!departments.has(d.key)) departments.set(d.key, { ...d, via: i > 0 ? f : null });
    }
  });
  data.departments = { edges: [...departments.values()].map((node) => ({ node })) };
  const tasks = new Map();
  for (const e of [...edgesOf(data.tasks), ...edgesOf(data.canonicalTasks)]) tasks.set(e.node.key, e);
  data.tasks = { edges: [...tasks.values()].slice(0, 8) };
  const out = [];
  for (const r of regions) {
    out.push({ id: id.region(r.code), type: 'region', label: r.name, detail: LEVEL_NAMES[r.level] || '' });
  }
  const docs = new Map();
  for (const e of [...edgesOf(data.byNumber), ...edgesOf(data.documents)]) docs.set(e.node.key, e.node);
  for (const d of docs.values()) {
    out.push({ id: id.document(d.key), type: 'document', label: d.title || d.key, detail: d.docNumber || (d.stub ? '引用文件' : '') });
  }
  for (const { node: d } of edgesOf(data.departments)) {
    out.push({
      id: id.department(d.key), type: 'department', label: d.name,
      detail: `${LEVEL_NAMES[d.level] || ''}${d.via ? `（${q} 即 ${d.via}）` : ''}`,
    });
  }
  for (const { node: g } of edgesOf(data.programmes)) {
    out.push({ id: id.programme(g.name), type: 'programme', label: g.name, detail: '试点项目' });
  }
  for (const { node: i } of edgesOf(data.institutions)) {
    out.push({ id: id.institution(i.key), type: 'institution', label: i.name, detail: '机构' });
  }
  {
    for (const { node: t } of edgesOf(data.tasks)) {
      out.push({
        id: id.task(t.key), type: 'task', label: `${t.label || ''}${t.title || ''}`, detail: t.document.docNumber || t.document.title,
        context: keywordInContext(t.text, forms),
      });
    }
  }
  return out;
}

export async function fetchDocument(key) {
  const data = await gql(`query($key: ID!) { document(key: $key) {
      ${DOC_BRIEF} issuer issueDate sourceName region { ${REGION_BRIEF} }
      sections { key ordinal label title }
      tasks { ${TASK_BRIEF} text section { key } }
    } }`, { key });
  return data.document;
}

// ---------------------------------------------------------------------------------------------
// Links across documents (graphql/links.graphqls): themes, implements / implementedBy, year over year

const TASK_LINK = `score sharedTerms rank task { key ordinal label title document { key docNumber title } }`;

/** {themes, implements, implementedBy} of one task, or null. */
export async function fetchTaskLinks(key) {
  const data = await gql(`query($key: ID!) { task(key: $key) {
      themes { name terms evidence { text start end } }
      implements { ${TASK_LINK} }
      implementedBy { ${TASK_LINK} } } }`, { key });
  return data.task;
}

export async function fetchYearOverYear(region, level, fromYear, toYear) {
  const ref = 'key ordinal title';
  const data = await gql(`query($region: String, $level: Level!, $fromYear: Int!, $toYear: Int!) {
      yearOverYear(region: $region, level: $level, fromYear: $fromYear, toYear: $toYear) {
        regionCode level fromYear toYear fromDocuments toDocuments
        kept { from { ${ref} } to { ${ref} } score }
        added { ${ref} } dropped { ${ref} }
        indicators { fromKey toKey fromSubject toSubject unit comparator fromValue toValue change } } }`,
  { region: region || null, level, fromYear, toYear });
  return data.yearOverYear;
}
