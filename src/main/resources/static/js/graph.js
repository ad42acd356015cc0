// The Cytoscape.js graph: styles by node type, merging fragments, layouts, filters, grouping, pinning,
// hiding, snapshots for undo, and export.
/* global cytoscape */
import { gridForce, layered } from './layout.js';
import {
  GROUPINGS, aggregateEdges, collectGroups, groupLabel, isGroupId,
} from './grouping.js';

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
/** A node is pinned (kept in place by the layouts) when dragged: a pushpin drawn on it says so. */
const PIN_IMAGE = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#fff" stroke="#222" stroke-width="1.5" '
  + 'd="M9 2h6l-1 6 4 4H6l4-4zM12 12v10"/></svg>')}`;
/** Names of the node types that are not in the legend: group nodes stand for collapsed tasks. */
const GROUP_TYPE_NAMES = { group: '任务组' };
/** Group nodes (collapsed tasks): the colour of tasks, lighter, with a dashed task-coloured border. */
const GROUP_COLOR = '#fbd3a6';

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
    {
      selector: 'node[type = "group"]',
      style: {
        shape: 'round-rectangle', 'background-color': GROUP_COLOR, 'border-width': 2, 'border-style': 'dashed',
        'border-color': TYPES.task.color, width: 'mapData(count, 1, 60, 26, 44)', height: 'mapData(count, 1, 60, 22, 36)',
        'text-wrap': 'wrap', 'font-weight': 'bold',
      },
    },
    { selector: 'edge[?aggregated]', style: { label: 'data(label)', width: 'mapData(count, 1, 20, 1.6, 5)' } },
    {
      selector: 'node[?pinned]',
      style: {
        'background-image': PIN_IMAGE, 'background-width': '80%', 'background-height': '80%', 'background-clip': 'none',
        'border-width': 2, 'border-color': '#222',
      },
    },
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
    /** Tasks collapsed by document or section ('' for none), but for the groups expanded since. */
    this.grouping = { by: '', expanded: new Set() };
    /** Ids of the nodes the user hid. */
    this.hidden = new Set();
    this.cy = cytoscape({
      container,
      style: style(),
      minZoom: 0.05,
      maxZoom: 4,
      textureOnViewport: false,
      motionBlur: false,
    });
    // with Shift, Ctrl or ⌘ held a tap adds to the selection (Cytoscape's own behaviour)
    this.cy.on('tap', 'node', (e) => {
      const o = e.originalEvent || {};
      handlers.onSelect(e.target.id(), !!(o.shiftKey || o.ctrlKey || o.metaKey));
    });
    // dragging a node pins it where it is dropped; the graph as it was before the drag is kept for undo
    this.cy.on('grab', 'node', () => { this.beforeDrag = this.snapshot(); });
    this.cy.on('dragfree', 'node', (e) => {
      const before = this.beforeDrag;
      this.beforeDrag = null;
      e.target.data('pinned', true);
      if (handlers.onPinned) handlers.onPinned(e.target.id(), before);
    });
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

  /** The number of nodes, group nodes not counted (their tasks are). */
  get size() {
    return this.cy.nodes().not('[type = "group"]').length;
  }

  clear() {
    this.cy.elements().remove();
    this.grouping.expanded.clear();
    this.hidden.clear();
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
      if (this.grouping.by) this.regroup();
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

  /**
   * Runs the current layout over the visible elements. Pinned nodes stay where they are: the layouts of
   * our own skip them, and Cytoscape's force layout finds them locked while it runs.
   */
  layout({ fit = true } = {}) {
    const eles = this.cy.elements().not('.filtered');
    if (eles.empty()) return Promise.resolve();
    const count = eles.nodes().length;
    const animate = count < 250;
    const pinned = eles.nodes('[?pinned]');
    const fixed = new Set(pinned.map((n) => n.id()));
    const pinnedAt = new Map(pinned.map((n) => [n.id(), { ...n.position() }]));
    let options;
    if (this.layoutName === 'tree') {
      // Hierarchy: document → section → task → facts, layers top-down, each wrapped into rows.
      const positions = layered(eles, { fixed });
      options = {
        name: 'preset', positions: (n) => positions[n.id()], fit, padding: 30, animate, animationDuration: 400,
      };
    } else if (count > 600) {
      const positions = gridForce(eles, { fixed });
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
    pinned.lock();
    const layout = eles.layout(options);
    const done = new Promise((resolve) => layout.one('layoutstop', resolve)).then(() => {
      pinned.unlock();
      // whatever a layout did, a pinned node is where it was pinned
      pinned.forEach((n) => { n.position(pinnedAt.get(n.id())); });
    });
    layout.run();
    return done;
  }

  // -------------------------------------------------------------------------------------------
  // Pinning: a dragged node stays where it was dropped until unpinned

  pinnedIds() {
    return this.cy.nodes('[?pinned]').map((n) => n.id());
  }

  /** Unpins the given nodes (all pinned ones when none given); returns how many were pinned. */
  unpin(nodeIds) {
    const nodes = nodeIds && nodeIds.length
      ? this.cy.nodes('[?pinned]').filter((n) => nodeIds.includes(n.id())) : this.cy.nodes('[?pinned]');
    nodes.data('pinned', false);
    return nodes.length;
  }

  // -------------------------------------------------------------------------------------------
  // Hiding nodes by hand; a hidden node hides its relationships (they leave the counts and exports)

  selectedIds() {
    return this.cy.nodes(':selected').map((n) => n.id());
  }

  hide(nodeIds) {
    nodeIds.forEach((nodeId) => this.hidden.add(nodeId));
    this.cy.batch(() => {
      this.cy.nodes().filter((n) => this.hidden.has(n.id())).unselect();
      this.applyFilters();
    });
    this.scheduleLabels();
  }

  showHidden() {
    this.hidden.clear();
    this.cy.batch(() => this.applyFilters());
    this.scheduleLabels();
  }

  // -------------------------------------------------------------------------------------------
  // Grouping: the tasks of each document (or section) collapsed into one group node

  /** Collapses the tasks by 'document' or 'section', or expands every group (''). */
  setGrouping(by) {
    this.grouping = { by: GROUPINGS[by] ? by : '', expanded: new Set() };
    this.cy.batch(() => {
      this.regroup();
      this.tuneForSize();
      this.applyFilters();
    });
    this.scheduleLabels();
  }

  isGroup(nodeId) {
    return isGroupId(nodeId) && this.has(nodeId);
  }

  /** The group node a task is collapsed into, or null. */
  collapsedInto(nodeId) {
    const group = this.cy.nodes('[type = "group"]').filter((g) => g.data('memberIds').includes(nodeId));
    return group.nonempty() ? group[0].id() : null;
  }

  /** Shows a group's tasks again, around the place of the group node, as they lay when it was made. */
  expandGroup(groupId) {
    const group = this.cy.getElementById(groupId);
    if (group.empty() || group.data('type') !== 'group') return;
    const at = group.position();
    const from = group.data('centre');
    this.cy.batch(() => {
      for (const memberId of group.data('memberIds')) {
        const m = this.cy.getElementById(memberId);
        const p = m.position();
        m.position({ x: at.x + p.x - from.x, y: at.y + p.y - from.y });
      }
      this.grouping.expanded.add(groupId);
      this.regroup();
      this.tuneForSize();
      this.applyFilters();
    });
    this.scheduleLabels();
  }

  /**
   * Rebuilds the group nodes and their aggregated relationships from the tasks in the graph (call in a
   * batch, then applyFilters): the member tasks and the relationships they replace get the class
   * 'collapsed', which the filters treat as hidden.
   */
  regroup() {
    const cy = this.cy;
    const placed = new Map(cy.nodes('[type = "group"]').map((g) => [g.id(), { ...g.position() }]));
    cy.remove('node[type = "group"]');
    cy.elements('.collapsed').removeClass('collapsed');
    cy.nodes('[groupId]').removeData('groupId');
    const { by, expanded } = this.grouping;
    if (!by) return;
    const groups = collectGroups(cy, by, expanded);
    const groupOfTask = new Map();
    for (const g of groups.values()) {
      const xs = g.members.map((m) => m.position());
      const centre = {
        x: xs.reduce((sum, p) => sum + p.x, 0) / xs.length, y: xs.reduce((sum, p) => sum + p.y, 0) / xs.length,
      };
      cy.add({
        group: 'nodes',
        position: placed.get(g.id) || centre,
        data: {
          id: g.id, type: 'group', groupBy: by, label: groupLabel(g.name, g.members.length), name: g.name,
          count: g.members.length, memberIds: g.members.map((m) => m.id()), docKey: g.docKey, year: g.year, centre,
        },
      });
      for (const m of g.members) {
        m.addClass('collapsed').unselect().data('groupId', g.id);
        groupOfTask.set(m.id(), g.id);
      }
    }
    const { edges, replaced } = aggregateEdges(cy, groupOfTask);
    replaced.forEach((e) => e.addClass('collapsed'));
    edges.forEach((data) => cy.add({ group: 'edges', data }));
  }

  // -------------------------------------------------------------------------------------------
  // Snapshots for undo: every element with its data, position, classes and selection

  snapshot() {
    return {
      elements: this.cy.elements().jsons(),
      grouping: { by: this.grouping.by, expanded: [...this.grouping.expanded] },
      hidden: [...this.hidden],
      filters: JSON.parse(JSON.stringify(this.filters)),
      layoutName: this.layoutName,
    };
  }

  restoreSnapshot(snapshot) {
    this.cy.stop();
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(snapshot.elements);
      this.grouping = { by: snapshot.grouping.by, expanded: new Set(snapshot.grouping.expanded) };
      this.hidden = new Set(snapshot.hidden);
      this.filters = snapshot.filters;
      this.layoutName = snapshot.layoutName;
      this.tuneForSize();
      this.applyFilters();
    });
    this.scheduleLabels();
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
    this.cy.elements().removeClass('filtered folded role-out');
    this.cy.edges('.collapsed').addClass('filtered');
    this.cy.nodes().forEach((n) => {
      const d = n.data();
      let out = hide.includes(d.type) || this.hidden.has(d.id);
      if (!out && level.length && d.type === 'pilot') out = !level.includes(d.level);
      if (!out && doc && d.docKey && d.type !== 'document') out = d.docKey !== doc;
      if (!out && doc && d.type === 'document' && !d.stub) out = d.key !== doc;
      if (!out && year && d.year != null) out = String(d.year) !== String(year);
      // a collapsed task is not drawn, but folded into its group it is still part of the view (the table lists it)
      if (!out && n.hasClass('collapsed')) n.addClass('folded');
      if (out || n.hasClass('collapsed')) n.addClass('filtered');
    });
    this.cy.nodes('.folded').forEach((n) => {
      if (this.cy.getElementById(n.data('groupId')).hasClass('filtered')) n.removeClass('folded');
    });
    if (role.length) {
      this.cy.edges('[rel = "ASSIGNED_TO"]').forEach((e) => {
        if (!role.includes(e.data('role'))) e.addClass('filtered role-out');
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
          ...d, typeName: t ? t.name : GROUP_TYPE_NAMES[d.type] || d.type, color: n.style('background-color') && rgbHex(n.style('background-color')), x, y,
        };
      }),
      edges: visible.edges().map((e) => e.data()),
    };
  }
}
