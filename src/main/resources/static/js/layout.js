// A force-directed layout for large graphs (Fruchterman–Reingold with grid-limited repulsion): each
// iteration costs time linear in the number of nodes and edges, where Cytoscape's 'cose' is quadratic.

/**
 * Positions {id: {x, y}} for the nodes of `eles` (a Cytoscape collection), starting from their current ones.
 * The nodes whose ids are in `fixed` (pinned) push and pull the others but stay where they are.
 */
export function gridForce(eles, { iterations = 120, k = 60, fixed = new Set() } = {}) {
  const nodes = eles.nodes();
  const n = nodes.length;
  const index = new Map();
  const stays = new Uint8Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const spread = Math.sqrt(n) * k;
  nodes.forEach((node, i) => {
    index.set(node.id(), i);
    stays[i] = fixed.has(node.id()) ? 1 : 0;
    const p = node.position();
    x[i] = Number.isFinite(p.x) ? p.x : Math.random() * spread;
    y[i] = Number.isFinite(p.y) ? p.y : Math.random() * spread;
  });
  // jitter coincident starts so they can separate
  for (let i = 0; i < n; i++) {
    if (stays[i]) continue;
    x[i] += (Math.random() - 0.5) * k * 0.1;
    y[i] += (Math.random() - 0.5) * k * 0.1;
  }
  const links = [];
  eles.edges().forEach((e) => {
    const s = index.get(e.data('source'));
    const t = index.get(e.data('target'));
    if (s !== undefined && t !== undefined && s !== t) links.push(s, t);
  });
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cell = 2 * k;
  const k2 = k * k;
  let temperature = spread / 4;
  const cooling = temperature / (iterations + 1);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    const grid = new Map();
    for (let i = 0; i < n; i++) {
      const key = `${Math.floor(x[i] / cell)},${Math.floor(y[i] / cell)}`;
      let bucket = grid.get(key);
      if (!bucket) grid.set(key, (bucket = []));
      bucket.push(i);
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(x[i] / cell);
      const cy = Math.floor(y[i] / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          const bucket = grid.get(`${gx},${gy}`);
          if (!bucket) continue;
          for (const j of bucket) {
            if (j <= i) continue;
            let ex = x[i] - x[j];
            let ey = y[i] - y[j];
            let d2 = ex * ex + ey * ey;
            if (d2 > cell * cell) continue;
            if (d2 < 0.01) {
              ex = Math.random() - 0.5;
              ey = Math.random() - 0.5;
              d2 = 0.01;
            }
            const f = k2 / d2; // (k²/d) along the unit vector
            dx[i] += ex * f;
            dy[i] += ey * f;
            dx[j] -= ex * f;
            dy[j] -= ey * f;
          }
        }
      }
    }
    for (let l = 0; l < links.length; l += 2) {
      const s = links[l];
      const t = links[l + 1];
      const ex = x[s] - x[t];
      const ey = y[s] - y[t];
      const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
      const f = d / k; // (d²/k) along the unit vector
      dx[s] -= ex * f;
      dy[s] -= ey * f;
      dx[t] += ex * f;
      dy[t] += ey * f;
    }
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    for (let i = 0; i < n; i++) {
      // weak gravity keeps components together
      dx[i] += (mx - x[i]) * 0.02;
      dy[i] += (my - y[i]) * 0.02;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (d > 0 && !stays[i]) {
        const step = Math.min(d, temperature);
        x[i] += (dx[i] / d) * step;
        y[i] += (dy[i] / d) * step;
      }
    }
    temperature = Math.max(k * 0.05, temperature - cooling);
  }
  const positions = {};
  nodes.forEach((node, i) => {
    positions[node.id()] = { x: x[i], y: y[i] };
  });
  return positions;
}

// -----------------------------------------------------------------------------------------------
// The hierarchical layout: layers top-down by node type, each layer wrapped into rows

/** The layer of each node type, top to bottom: document → section → task → the task's facts → their sites. */
export const LAYER_OF_TYPE = {
  document: 0,
  section: 1,
  task: 2,
  group: 2,
  department: 3,
  region: 3,
  pilot: 3,
  indicator: 3,
  programme: 4,
  institution: 4,
};
/** A cited document (a stub, not loaded) hangs among the facts of the tasks that cite it. */
const CITED_DOCUMENT_LAYER = 3;
/** Rows never hold more nodes than this: 500 nodes fit at 1280×720 with nodes still 9 px wide (docs/explorer.md). */
export const MAX_PER_ROW = 30;
const MIN_PER_ROW = 8;
/** Between node centres in a row: more than the widest node (a group node, 44). */
export const COLUMN_GAP = 60;
/** Between the rows a layer wraps into: more than the tallest node. */
export const ROW_GAP = 50;
/** Between the last row of a layer and the first of the next. */
export const LAYER_GAP = 110;
/** The shape the whole drawing aims at (width over height), near that of the graph pane. */
const DRAWING_ASPECT = 1.6;

/** How many nodes a row holds for a graph of `count` nodes: rows and columns in about DRAWING_ASPECT. */
export function nodesPerRow(count) {
  const balanced = Math.round(Math.sqrt((count * DRAWING_ASPECT * ROW_GAP) / COLUMN_GAP));
  return Math.min(MAX_PER_ROW, Math.max(MIN_PER_ROW, balanced));
}

function layerOf(node) {
  const type = node.data('type');
  if (type === 'document' && node.data('stub')) return CITED_DOCUMENT_LAYER;
  return LAYER_OF_TYPE[type] ?? CITED_DOCUMENT_LAYER;
}

const byKey = (a, b) => {
  const x = `${a.data('year') ?? ''}\u0000${a.data('docKey') || ''}\u0000${String(a.data('ordinal') ?? '').padStart(4, '0')}\u0000${a.id()}`;
  const y = `${b.data('year') ?? ''}\u0000${b.data('docKey') || ''}\u0000${String(b.data('ordinal') ?? '').padStart(4, '0')}\u0000${b.id()}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Positions {id: {x, y}} that lay the nodes of `eles` out in layers by type (LAYER_OF_TYPE), top-down.
 * A layer wider than nodesPerRow wraps into rows; within a layer a node sits near the mean place of its
 * neighbours in the layers above (the barycentre), so a document's tasks stay together under it. Nodes
 * whose ids are in `fixed` (pinned) keep their places and take no slot.
 */
export function layered(eles, { fixed = new Set() } = {}) {
  const nodes = eles.nodes().filter((n) => !fixed.has(n.id()));
  const perRow = nodesPerRow(nodes.length);
  const layers = new Map();
  nodes.forEach((n) => {
    const layer = layerOf(n);
    if (!layers.has(layer)) layers.set(layer, []);
    layers.get(layer).push(n);
  });
  const laidOut = new Set(eles.map((e) => e.id()));
  const rank = new Map(); // node id → its order (0..1) across the layer it was placed in
  const positions = {};
  let top = 0;
  for (const layer of [...layers.keys()].sort((a, b) => a - b)) {
    const members = layers.get(layer);
    const barycentre = new Map();
    for (const n of members) {
      const above = n.connectedEdges().filter((e) => laidOut.has(e.id())).connectedNodes()
        .filter((m) => m.id() !== n.id() && rank.has(m.id()));
      barycentre.set(n.id(), above.length ? above.reduce((sum, m) => sum + rank.get(m.id()), 0) / above.length : Infinity);
    }
    members.sort((a, b) => (barycentre.get(a.id()) - barycentre.get(b.id())) || byKey(a, b));
    const rows = Math.ceil(members.length / perRow);
    members.forEach((n, i) => {
      const row = Math.floor(i / perRow);
      const inRow = row < rows - 1 ? perRow : members.length - row * perRow;
      const column = i % perRow;
      positions[n.id()] = { x: (column - (inRow - 1) / 2) * COLUMN_GAP, y: top + row * ROW_GAP };
      rank.set(n.id(), members.length > 1 ? i / (members.length - 1) : 0.5);
    });
    top += (rows - 1) * ROW_GAP + LAYER_GAP;
  }
  eles.nodes().forEach((n) => {
    if (fixed.has(n.id())) positions[n.id()] = { ...n.position() };
  });
  return positions;
}
