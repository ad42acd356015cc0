// A force-directed layout for large graphs (Fruchterman–Reingold with grid-limited repulsion): each
// iteration costs time linear in the number of nodes and edges, where Cytoscape's 'cose' is quadratic.

/** Positions {id: {x, y}} for the nodes of `eles` (a Cytoscape collection), starting from their current ones. */
export function gridForce(eles, { iterations = 120, k = 60 } = {}) {
  const nodes = eles.nodes();
  const n = nodes.length;
  const index = new Map();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const spread = Math.sqrt(n) * k;
  nodes.forEach((node, i) => {
    index.set(node.id(), i);
    const p = node.position();
    x[i] = Number.isFinite(p.x) ? p.x : Math.random() * spread;
    y[i] = Number.isFinite(p.y) ? p.y : Math.random() * spread;
  });
  // jitter coincident starts so they can separate
  for (let i = 0; i < n; i++) {
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
      if (d > 0) {
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
