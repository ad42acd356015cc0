// Client-side exports: CSV for spreadsheets, GEXF and GraphML for Gephi, legend swatches drawn by
// Cytoscape's own node shapes, and a PNG with title, legend and query. Shared by the explorer and the console.

/** UTF-8 byte order mark: without it Excel reads a CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

function csvField(value) {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV text (with BOM, CRLF line ends) of a header and rows of values. */
export function csv(columns, rows) {
  return BOM + [columns, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * An Excel workbook (.xlsx) of a header and rows, as a Blob: written by the server with Apache POI
 * (POST api/export/xlsx), one sheet named `name`, numbers kept as numbers.
 */
export async function xlsx(name, columns, rows) {
  const response = await fetch('api/export/xlsx', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, columns, rows }),
  });
  if (!response.ok) throw new Error(`Excel 导出失败（HTTP ${response.status}）`);
  return response.blob();
}

export function xmlEsc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }[c]))
    // characters XML 1.0 does not allow at all
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

const NODE_ATTRS = ['type', 'typeName', 'key', 'docKey', 'year', 'level'];
const EDGE_ATTRS = ['rel', 'role', 'level'];

function rgb(hex) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || '');
  return m ? m.slice(1).map((x) => parseInt(x, 16)) : [153, 153, 153];
}

/**
 * GEXF 1.3 of a graph {nodes: [{id, label, type, typeName, color, x, y, ...}], edges: [{id, source, target,
 * rel, label, ...}]}: directed, with the node type, key, document, year and level as attributes, and the
 * explorer's colours and positions.
 */
export function gexf(graph, title = 'PolicyGraph') {
  const attrs = (names) => names.map((n) => `      <attribute id="${n}" title="${n}" type="string"/>`).join('\n');
  const values = (d, names) => {
    const present = names.filter((n) => d[n] !== undefined && d[n] !== null && d[n] !== '');
    if (!present.length) return '';
    return `<attvalues>${present.map((n) => `<attvalue for="${n}" value="${xmlEsc(d[n])}"/>`).join('')}</attvalues>`;
  };
  const nodes = graph.nodes.map((n) => {
    const [r, g, b] = rgb(n.color);
    const position = n.x != null ? `<viz:position x="${n.x.toFixed(1)}" y="${(-n.y).toFixed(1)}" z="0"/>` : '';
    return `      <node id="${xmlEsc(n.id)}" label="${xmlEsc(n.label)}">${values(n, NODE_ATTRS)}`
      + `<viz:color r="${r}" g="${g}" b="${b}"/>${position}</node>`;
  }).join('\n');
  const edges = graph.edges.map((e) => `      <edge id="${xmlEsc(e.id)}" source="${xmlEsc(e.source)}" target="${xmlEsc(e.target)}"`
    + ` label="${xmlEsc(e.label || e.rel || '')}">${values(e, EDGE_ATTRS)}</edge>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta><creator>PolicyGraph</creator><description>${xmlEsc(title)}</description></meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node">
${attrs(NODE_ATTRS)}
    </attributes>
    <attributes class="edge">
${attrs(EDGE_ATTRS)}
    </attributes>
    <nodes>
${nodes}
    </nodes>
    <edges>
${edges}
    </edges>
  </graph>
</gexf>
`;
}

/** GraphML of the same graph, for Gephi, yEd or NetworkX. */
export function graphml(graph) {
  const keys = [
    ...['label', ...NODE_ATTRS].map((n) => `  <key id="n_${n}" for="node" attr.name="${n}" attr.type="string"/>`),
    ...['label', ...EDGE_ATTRS].map((n) => `  <key id="e_${n}" for="edge" attr.name="${n}" attr.type="string"/>`),
  ].join('\n');
  const data = (d, prefix, names) => names.filter((n) => d[n] !== undefined && d[n] !== null && d[n] !== '')
    .map((n) => `<data key="${prefix}_${n}">${xmlEsc(d[n])}</data>`).join('');
  const nodes = graph.nodes.map((n) => `    <node id="${xmlEsc(n.id)}">${data(n, 'n', ['label', ...NODE_ATTRS])}</node>`).join('\n');
  const edges = graph.edges.map((e) => `    <edge id="${xmlEsc(e.id)}" source="${xmlEsc(e.source)}" target="${xmlEsc(e.target)}">`
    + `${data(e, 'e', ['label', ...EDGE_ATTRS])}</edge>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
${keys}
  <graph id="policygraph" edgedefault="directed">
${nodes}
${edges}
  </graph>
</graphml>
`;
}

export function download(name, href) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function saveText(name, text, type) {
  saveBlob(name, new Blob([text], { type }));
}

export function saveBlob(name, blob) {
  const url = URL.createObjectURL(blob);
  download(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/**
 * Draws a node shape with the renderer's own code (the same path Cytoscape fills for a node), so a
 * legend cannot disagree with the graph.
 */
export function drawShape(cy, ctx, shape, x, y, w, h, color) {
  const shapes = cy.renderer().nodeShapes;
  const s = shapes[shape] || shapes.ellipse;
  ctx.save();
  ctx.fillStyle = color;
  ctx.beginPath();
  s.draw(ctx, x, y, w, h, 'auto');
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

/** A small canvas with the shape, for a legend entry. */
export function swatch(cy, shape, color, size = 16) {
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = Math.round(size * ratio);
  canvas.style.width = canvas.style.height = `${size}px`;
  canvas.className = 'swatch';
  canvas.dataset.shape = shape;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  drawShape(cy, ctx, shape, size / 2, size / 2, size - 2, size - 2, color);
  return canvas;
}

function loadImage(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('PNG 生成失败'));
    img.src = src;
  });
}

function wrapLines(ctx, text, width) {
  const lines = [];
  for (const paragraph of String(text || '').split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      if (ctx.measureText(line + ch).width > width && line) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The graph as a PNG data URL with a title, the query (or question) and a legend of the types shown:
 * legend is [{name, shape, color}] and edges [{name, color, dashed}].
 */
export async function picture(cy, { title = '', query = '', legend = [], edges = [] } = {}) {
  const scale = 2;
  const img = await loadImage(cy.png({ full: true, scale, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 }));
  const font = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  const pad = 16 * scale;
  const width = Math.max(img.width + 2 * pad, 640 * scale);
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${12 * scale}px ${font}`;
  const queryLines = query ? wrapLines(measure, query, width - 2 * pad).slice(0, 12) : [];
  const titleHeight = title ? 28 * scale : 0;
  const queryHeight = queryLines.length * 16 * scale + (queryLines.length ? 8 * scale : 0);
  const legendHeight = legend.length || edges.length ? 28 * scale : 0;
  const top = pad + titleHeight + queryHeight + legendHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = top + img.height + pad;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';
  let y = pad;
  if (title) {
    ctx.fillStyle = '#1f2328';
    ctx.font = `bold ${18 * scale}px ${font}`;
    ctx.fillText(title, pad, y);
    y += titleHeight;
  }
  ctx.font = `${12 * scale}px ${font}`;
  ctx.fillStyle = '#555';
  for (const line of queryLines) {
    ctx.fillText(line, pad, y);
    y += 16 * scale;
  }
  if (queryLines.length) y += 8 * scale;
  let x = pad;
  const size = 14 * scale;
  ctx.textBaseline = 'middle';
  for (const item of legend) {
    drawShape(cy, ctx, item.shape, x + size / 2, y + size / 2, size, size, item.color);
    ctx.fillStyle = '#1f2328';
    ctx.fillText(item.name, x + size + 4 * scale, y + size / 2);
    x += size + 12 * scale + ctx.measureText(item.name).width;
  }
  for (const e of edges) {
    ctx.strokeStyle = e.color;
    ctx.lineWidth = 3 * scale;
    ctx.setLineDash(e.dashed ? [5 * scale, 3 * scale] : []);
    ctx.beginPath();
    ctx.moveTo(x, y + size / 2);
    ctx.lineTo(x + 20 * scale, y + size / 2);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#1f2328';
    ctx.fillText(e.name, x + 24 * scale, y + size / 2);
    x += 36 * scale + ctx.measureText(e.name).width;
  }
  ctx.drawImage(img, pad, top);
  return canvas.toDataURL('image/png');
}
