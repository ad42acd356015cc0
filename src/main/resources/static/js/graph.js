// The Cytoscape.js graph: styles by node type, merging fragments, layouts, filters and export.
/* global cytoscape */
import { gridForce } from './layout.js';

export const TYPES = {
  document: { name: '文件', color: '#1f5fa8', shape: 'round-rectangle' },
  section: { name: '章节', color: '#6aa6dc', shape: 'rectangle' },
  task: { name: '任务', color: '#f08a24', shape: 'ellipse' },
  department: { name: '部门', color: '#2e9d4a', shape: 'diamond' },
  region: { name: '地区', color: '#7b4fb8', shape: 'hexagon' },
  pilot: { name: '试点', color: '#d43d3d', shape: 'star' },
  programme: { name: '试点项目', color: '#d873b8', shape: 'tag' },
  institution: { name: '机构', color: '#8a5a3c', shape: 'barrel' },
  indicator: { name: '指标', color: '#1aa3b5', shape: 'vee' },
};

/** "rgb(31,95,168)" as "#1f5fa8". */
function rgbHex(css) {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  return m ? `#${m.slice(1).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}` : css;
}

export const LEVEL_COLORS = { NATIONAL: '#7f0000', PROVINCE: '#d43d3d', CITY: '#f07b3f', COUNTY: '#e8b23a', NONE: '#999' };
const LARGE = 600;
/** Up to this many visible nodes labels keep their size on screen and make room for each other. */
const LABELLED = 1000;
const LABEL_PX = 11;

function style() {
  const s = [
    {
      selector: 'node',
      style: {
        label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
        'text-wrap': 'ellipsis', 'text-max-width': 140, width: 22, height: 22, color: '#222',
        'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
        'min-zoomed-font-size': 7, 'border-width': 1, 'border-color': '#fff',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4, 'line-color': '#b9bfc8', 'target-arrow-color': '#b9bfc8', 'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7, 'curve-style': 'bezier', 'font-size': 9, color: '#555', 'min-zoomed-font-size': 8,
        'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8,
      },
    },
    { selector: 'edge[?pilotEdge]', style: { label: 'data(label)', width: 2.2, 'line-style': 'dashed' } },
    { selector: 'edge[rel = "ASSIGNED_TO"]', style: { label: 'data(label)' } },
    { selector: 'edge[role = "LEAD"]', style: { 'line-color': '#2e9d4a', 'target-arrow-color': '#2e9d4a', width: 2.4 } },
    { selector: 'edge[role = "PARTNER"]', style: { 'line-color': '#9fd3ab', 'target-arrow-color': '#9fd3ab' } },
    { selector: 'edge[rel = "CONTAINS"]', style: { 'line-color': '#c9b6e6', 'target-arrow-color': '#c9b6e6' } },
    { selector: 'node[type = "document"]', style: { width: 34, height: 26, 'font-weight': 'bold' } },
    { selector: 'node[type = "task"]', style: { width: 20, height: 20 } },
    { selector: 'node[type = "pilot"]', style: { 'text-wrap': 'wrap' } },
    { selector: 'node[?stub]', style: { 'background-opacity': 0.45, 'border-style': 'dashed', 'border-color': '#1f5fa8' } },
    { selector: 'node.seed', style: { 'border-width': 3, 'border-color': '#333' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffcc00', 'overlay-opacity': 0 } },
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: 'node.label-hidden', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  for (const [type, t] of Object.entries(TYPES)) {
    s.push({ selector: `node[type = "${type}"]`, style: { 'background-color': t.color, shape: t.shape } });
  }
  for (const [level, color] of Object.entries(LEVEL_COLORS)) {
    s.push({ selector: `edge[?pilotEdge][level = "${level}"]`, style: { 'line-color': color, 'target-arrow-color': color } });
    s.push({ selector: `node[type = "pilot"][level = "${level}"]`, style: { 'background-color': color } });
  }
  // year over year: kept, added, dropped tasks; "only" when the other year has no document (over the type colours)
  s.push(
    { selector: 'node[yoy = "kept"]', style: { 'background-color': '#8c96a3', 'border-width': 3, 'border-color': '#5b6570' } },
    { selector: 'node[yoy = "added"]', style: { 'background-color': '#2e9d4a', 'border-width': 3, 'border-color': '#1b6b30', shape: 'round-triangle' } },
    { selector: 'node[yoy = "dropped"]', style: { 'background-color': '#fff', 'border-width': 3, 'border-color': '#d43d3d', 'border-style': 'dashed' } },
    { selector: 'node[yoy = "only"]', style: { 'background-color': '#c9ced6', 'border-width': 1, 'border-color': '#8c96a3' } },
    { selector: 'edge[rel = "CONTINUES"]', style: { label: 'data(label)', 'line-color': '#5b6570', 'target-arrow-color': '#5b6570', width: 2.4 } },
  );
  // style rules are ordered: selection and filters must win
  const tail = s.filter((x) => ['node:selected', '.faded', '.filtered', 'node.seed', 'node.label-hidden'].includes(x.selector));
  return [...s.filter((x) => !tail.includes(x)), ...tail];
}

export class Graph {
  constructor(container, handlers) {
    this.handlers = handlers;
    this.layoutName = 'force';
    this.filters = { hide: [], level: [], role: [], doc: '', year: '' };
    this.cy = cytoscape({
      container,
      style: style(),
      minZoom: 0.05,
      maxZoom: 4,
      textureOnViewport: false,
      motionBlur: false,
    });
    this.cy.on('tap', 'node', (e) => handlers.onSelect(e.target.id()));
    this.cy.on('dbltap', 'node', (e) => handlers.onExpand(e.target.id()));
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) handlers.onSelect(null);
    });
    this.cy.on('layoutstop select unselect', () => this.scheduleLabels());
    // panning moves no label relative to another; only a change of zoom does
    this.cy.on('viewport', () => {
      if (Math.abs(this.cy.zoom() / (this.labelZoom || 1) - 1) > 0.02) this.scheduleLabels();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Labels: level of detail by zoom

  scheduleLabels() {
    clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => this.placeLabels(), 80);
  }

  /**
   * Keeps labels near LABEL_PX on screen whatever the zoom, and hides a label where it would overlap one
   * placed before it: the selected node first, then seeds, documents and the better-connected nodes.
   * Zoomed out, only the important labels fit; zooming in makes room for the rest.
   */
  placeLabels() {
    const cy = this.cy;
    const nodes = cy.nodes().not('.filtered');
    if (nodes.length > LABELLED) {
      cy.batch(() => cy.nodes().removeClass('label-hidden').removeStyle('font-size text-max-width'));
      return;
    }
    this.labelZoom = cy.zoom();
    const scale = 1 / Math.min(3, Math.max(0.3, cy.zoom()));
    const rank = (n) => (n.selected() ? 1e9 : 0) + (n.hasClass('seed') ? 1e8 : 0)
      + (n.data('type') === 'document' ? 1e7 : 0) + n.degree(false);
    const ordered = nodes.sort((a, b) => rank(b) - rank(a));
    cy.batch(() => {
      nodes.style({ 'font-size': LABEL_PX * scale, 'text-max-width': 140 * scale });
      nodes.removeClass('label-hidden');
    });
    const cell = 80 * scale;
    const grid = new Map();
    const hidden = [];
    ordered.forEach((n) => {
      if (!n.data('label')) return;
      const box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      if (!(box.w > 0)) return;
      const cells = [];
      for (let gx = Math.floor(box.x1 / cell); gx <= Math.floor(box.x2 / cell); gx++) {
        for (let gy = Math.floor(box.y1 / cell); gy <= Math.floor(box.y2 / cell); gy++) cells.push(`${gx},${gy}`);
      }
      const overlaps = cells.some((c) => (grid.get(c) || []).some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2));
      if (overlaps) {
        hidden.push(n);
        return;
      }
      for (const c of cells) {
        if (!grid.has(c)) grid.set(c, []);
        grid.get(c).push(box);
      }
    });
    cy.batch(() => hidden.forEach((n) => n.addClass('label-hidden')));
  }

  get size() {
    return this.cy.nodes().length;
  }

  clear() {
    this.cy.elements().remove();
  }

  has(nodeId) {
    return this.cy.getElementById(nodeId).nonempty();
  }

  node(nodeId) {
    const n = this.cy.getElementById(nodeId);
    return n.nonempty() ? n.data() : null;
  }

  /** Merges a fragment; new nodes start next to `near` (a node id) when given. Returns the ids added. */
  merge(fragment, near) {
    const added = [];
    const anchor = near && this.cy.getElementById(near).nonempty() ? this.cy.getElementById(near).position() : null;
    this.cy.batch(() => {
      for (const n of fragment.nodes) {
        const existing = this.cy.getElementById(n.id);
        if (existing.nonempty()) {
          existing.data({ ...existing.data(), ...n });
        } else {
          const position = anchor
            ? { x: anchor.x + (Math.random() - 0.5) * 120, y: anchor.y + (Math.random() - 0.5) * 120 }
            : { x: Math.random() * 400, y: Math.random() * 400 };
          this.cy.add({ group: 'nodes', data: n, position });
          added.push(n.id);
        }
      }
      for (const e of [...fragment.edges, ...this.impliedEdges(added)]) {
        if (this.cy.getElementById(e.id).empty()
            && this.cy.getElementById(e.source).nonempty() && this.cy.getElementById(e.target).nonempty()) {
          this.cy.add({ group: 'edges', data: e });
        }
      }
      this.tuneForSize();
      this.applyFilters();
    });
    this.scheduleLabels();
    return added;
  }

  /**
   * Edges the nodes' own data imply, so that fragments loaded apart still connect: an institution lies
   * in its region, a department belongs to its region (either end may be new).
   */
  impliedEdges(added) {
    const edges = [];
    const link = (source, target, rel, label) => edges.push({ id: `${source}|${rel}|${target}`, source, target, rel, label });
    const addedSet = new Set(added);
    this.cy.nodes('[type = "institution"], [type = "department"]').forEach((n) => {
      const code = n.data('regionCode');
      if (!code) return;
      const regionId = `region:${code}`;
      if (!addedSet.has(n.id()) && !addedSet.has(regionId)) return;
      if (n.data('type') === 'institution') link(n.id(), regionId, 'LOCATED_IN', '位于');
      else link(n.id(), regionId, 'OF_REGION', '所属');
    });
    return edges;
  }

  /** Puts the given (new) nodes on rings around `anchorId`, leaving every other node where it is. */
  placeAround(anchorId, ids) {
    const anchor = this.cy.getElementById(anchorId);
    if (anchor.empty() || !ids.length) return;
    const { x, y } = anchor.position();
    let ring = 1;
    let slot = 0;
    let perRing = 12;
    this.cy.batch(() => {
      for (const nodeId of ids) {
        const angle = (2 * Math.PI * slot) / perRing;
        this.cy.getElementById(nodeId).position({ x: x + Math.cos(angle) * 80 * ring, y: y + Math.sin(angle) * 80 * ring });
        if (++slot === perRing) {
          ring++;
          slot = 0;
          perRing = 12 * ring;
        }
      }
    });
  }

  markSeed(nodeId) {
    this.cy.getElementById(nodeId).addClass('seed');
  }

  tuneForSize() {
    const large = this.cy.elements().length > LARGE;
    // renderer options that Cytoscape only takes at start; its canvas renderer keeps them as fields
    const renderer = this.cy.renderer && this.cy.renderer();
    if (renderer) {
      renderer.hideEdgesOnViewport = large;
      renderer.textureOnViewport = large;
    }
    this.cy.edges().style('curve-style', large ? 'haystack' : 'bezier');
  }

  select(nodeId) {
    this.cy.elements().unselect();
    this.cy.elements().removeClass('faded');
    if (!nodeId) return;
    const n = this.cy.getElementById(nodeId);
    if (n.empty()) return;
    n.select();
  }

  focus(nodeId) {
    const n = this.cy.getElementById(nodeId);
    if (n.nonempty()) this.cy.animate({ center: { eles: n }, duration: 300 });
  }

  neighbourIds(nodeId) {
    return this.cy.getElementById(nodeId).neighborhood('node').map((n) => n.id());
  }

  // -------------------------------------------------------------------------------------------
  // Layouts

  setLayout(name) {
    this.layoutName = name === 'tree' ? 'tree' : 'force';
  }

  /** Runs the current layout over the visible elements. */
  layout({ fit = true } = {}) {
    const eles = this.cy.elements().not('.filtered');
    if (eles.empty()) return Promise.resolve();
    const count = eles.nodes().length;
    const animate = count < 250;
    let options;
    if (this.layoutName === 'tree') {
      // Hierarchy: region containment, document → section → task → facts.
      const roots = eles.nodes().filter((n) => {
        const type = n.data('type');
        if (type === 'document') return !n.data('stub');
        // the top of each drawn containment tree; a region without children hangs under its tasks
        if (type === 'region') {
          return n.incomers('edge[rel = "CONTAINS"]').not('.filtered').empty()
            && n.outgoers('edge[rel = "CONTAINS"]').not('.filtered').nonempty();
        }
        return false;
      });
      options = {
        name: 'breadthfirst', directed: true, roots: roots.nonempty() ? roots : undefined, spacingFactor: 1.1,
        avoidOverlap: count < 1500, animate, animationDuration: 400, fit, padding: 30, grid: false,
        nodeDimensionsIncludeLabels: false,
      };
    } else if (count > 600) {
      const positions = gridForce(eles);
      options = {
        name: 'preset', positions: (n) => positions[n.id()], fit, padding: 30, animate: false,
      };
    } else {
      options = {
        name: 'cose', animate: animate ? 'end' : false, animationDuration: 400, fit, padding: 30,
        randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, edgeElasticity: () => 80,
        gravity: 0.4, numIter: 1000, nodeDimensionsIncludeLabels: false,
        componentSpacing: 60,
      };
    }
    const layout = eles.layout(options);
    const done = new Promise((resolve) => layout.one('layoutstop', resolve));
    layout.run();
    return done;
  }

  fit() {
    this.cy.fit(this.cy.elements().not('.filtered'), 30);
  }

  zoom(factor) {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  // -------------------------------------------------------------------------------------------
  // Filters: node type, pilot level, document, year, department role

  setFilters(filters) {
    this.filters = { ...this.filters, ...filters };
    this.cy.batch(() => this.applyFilters());
    this.scheduleLabels();
  }

  applyFilters() {
    const { hide, level, role, doc, year } = this.filters;
    this.cy.elements().removeClass('filtered');
    this.cy.nodes().forEach((n) => {
      const d = n.data();
      let out = hide.includes(d.type);
      if (!out && level.length && d.type === 'pilot') out = !level.includes(d.level);
      if (!out && doc && d.docKey && d.type !== 'document') out = d.docKey !== doc;
      if (!out && doc && d.type === 'document' && !d.stub) out = d.key !== doc;
      if (!out && year && d.year != null) out = String(d.year) !== String(year);
      if (out) n.addClass('filtered');
    });
    if (role.length) {
      this.cy.edges('[rel = "ASSIGNED_TO"]').forEach((e) => {
        if (!role.includes(e.data('role'))) e.addClass('filtered');
      });
      // departments left with no visible assignment disappear with their edges
      this.cy.nodes('[type = "department"]').forEach((n) => {
        const assignments = n.connectedEdges('[rel = "ASSIGNED_TO"]');
        if (assignments.nonempty() && assignments.not('.filtered').empty()) n.addClass('filtered');
      });
    }
    // a hidden node hides its edges: they must not count, export or lay out as visible
    this.cy.nodes('.filtered').connectedEdges().addClass('filtered');
  }

  /** The visible nodes and edges. */
  visible() {
    return this.cy.elements().not('.filtered');
  }

  /** Values present in the graph, for the filter controls. */
  facets() {
    const docs = new Map();
    const years = new Set();
    this.cy.nodes().forEach((n) => {
      const d = n.data();
      if (d.type === 'document' && !d.stub) docs.set(d.key, d.docNumber || d.title || d.key);
      if (d.year != null) years.add(d.year);
    });
    return { docs: [...docs.entries()], years: [...years].sort() };
  }

  // -------------------------------------------------------------------------------------------
  // Export

  png() {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  }

  json() {
    const visible = this.visible();
    return {
      nodes: visible.nodes().map((n) => ({ ...n.data(), position: n.position() })),
      edges: visible.edges().map((e) => e.data()),
    };
  }

  /** The visible graph for GEXF and GraphML: type names, colours and positions included. */
  exportable() {
    const visible = this.visible();
    return {
      nodes: visible.nodes().map((n) => {
        const d = n.data();
        const t = TYPES[d.type];
        const { x, y } = n.position();
        return {
          ...d, typeName: t ? t.name : d.type, color: n.style('background-color') && rgbHex(n.style('background-color')), x, y,
        };
      }),
      edges: visible.edges().map((e) => e.data()),
    };
  }
}
