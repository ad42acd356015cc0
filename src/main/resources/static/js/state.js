// The view's state in the URL hash, so that a view can be shared and a reload restores it.
//   #q=<search>&preset=<id>&ask=<question>&chips=<field>:<value>,..&nodes=<id>,<id>&sel=<id>&layout=force|tree
//    &hide=<type>,..&level=..&doc=..&year=..&role=..&group=document|section&hidden=<id>,..
// nodes lists, in order, the nodes whose neighbourhoods were opened; replaying them rebuilds the graph.
// ask is a question in Chinese and chips the filters of its answer that are kept (TaskWhere field:value);
// a question whose chips were all removed keeps an empty chips list as chips=- .
// group collapses the tasks by document or section (groups expanded one by one are not kept); hidden
// lists the nodes hidden by hand.
// A document view has its own route: #/document/<key>?task=<ordinal>

const LIST_KEYS = ['nodes', 'hide', 'level', 'role', 'chips', 'hidden'];

export function emptyState() {
  return {
    q: '', preset: '', ask: '', chips: [], nodes: [], sel: '', layout: 'force', hide: [], level: [], role: [], doc: '', year: '',
    group: '', hidden: [],
  };
}

/** The route of a hash: {view: 'document', key, task} or {view: 'graph', state}. */
export function parseHash(hash) {
  const h = (hash || '').replace(/^#/, '');
  if (h.startsWith('/document/')) {
    const rest = h.slice('/document/'.length);
    const q = rest.indexOf('?');
    const key = decodeURIComponent(q < 0 ? rest : rest.slice(0, q));
    const params = new URLSearchParams(q < 0 ? '' : rest.slice(q + 1));
    const task = params.get('task');
    return { view: 'document', key, task: task ? Number(task) : null };
  }
  const params = new URLSearchParams(h);
  const state = emptyState();
  for (const [k, v] of params) {
    if (!(k in state)) continue;
    state[k] = LIST_KEYS.includes(k) ? v.split(',').filter(Boolean).map(decodeURIComponent) : v;
  }
  return { view: 'graph', state };
}

/** The hash of a graph state; empty fields are left out. */
export function toHash(state) {
  const parts = [];
  for (const [k, v] of Object.entries(state)) {
    if (Array.isArray(v)) {
      if (v.length) parts.push(`${k}=${v.map((x) => encodeURIComponent(x).replace(/%2C/gi, '%252C')).join(',')}`);
    } else if (v !== '' && v != null && !(k === 'layout' && v === 'force')) {
      parts.push(`${k}=${encodeURIComponent(v)}`);
    }
  }
  return `#${parts.join('&')}`;
}

export function documentHash(key, ordinal) {
  return `#/document/${encodeURIComponent(key)}${ordinal != null ? `?task=${ordinal}` : ''}`;
}
