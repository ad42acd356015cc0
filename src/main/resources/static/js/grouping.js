// Collapsing tasks into group nodes: the tasks of each document (or of each section) become one node that
// says how many it holds; their relationships go to the group instead, one per kind and other end, with a
// count. Nothing is removed: the member tasks and their own relationships stay in the graph, hidden, so
// expanding a group shows them again as they were.

import { id } from './api.js';

/** The ways to group, with the word for what a group stands for. */
export const GROUPINGS = { document: '文件', section: '章节' };

const GROUP_PREFIX = 'group:';

export const isGroupId = (nodeId) => String(nodeId || '').startsWith(GROUP_PREFIX);

const short = (s, n) => (s && s.length > n ? `${s.slice(0, n)}…` : s || '');
/** Characters of a document's or section's name kept in its group's label. */
const GROUP_NAME_CHARS = 14;

/**
 * The group a task falls into when grouping `by`: {id, docKey, year, name}. By section, a task whose
 * section is not drawn falls into its document's group.
 */
export function groupOf(cy, task, by) {
  const docKey = task.data('docKey');
  if (by === 'section') {
    const section = task.incomers('node[type = "section"]')[0];
    if (section) {
      return {
        id: `${GROUP_PREFIX}section:${section.data('key')}`, docKey, year: task.data('year'),
        name: section.data('label') || section.data('title') || section.data('key'),
      };
    }
  }
  const doc = cy.getElementById(id.document(docKey));
  return {
    id: `${GROUP_PREFIX}document:${docKey}`, docKey, year: task.data('year'),
    name: doc.nonempty() ? doc.data('docNumber') || doc.data('title') || docKey : docKey,
  };
}

/** The label of a group node: what it stands for, and how many tasks it holds. */
export function groupLabel(name, count) {
  return `${short(name, GROUP_NAME_CHARS)}\n${count} 项任务`;
}

/**
 * The groups of the graph's tasks `by` document or section, leaving out those in `expanded`:
 * Map group id → {id, docKey, year, name, members: [task nodes]}.
 */
export function collectGroups(cy, by, expanded) {
  const groups = new Map();
  cy.nodes('[type = "task"]').forEach((task) => {
    const g = groupOf(cy, task, by);
    if (expanded.has(g.id)) return;
    if (!groups.has(g.id)) groups.set(g.id, { ...g, members: [] });
    groups.get(g.id).members.push(task);
  });
  return groups;
}

/**
 * The relationships of the graph redirected from collapsed tasks to their groups and aggregated: one edge
 * per (source, kind, role or level, target) with the number of relationships it stands for. `groupOfTask`
 * maps a collapsed task's id to its group's id. Returns {edges: [edge data], replaced: [edges]}, the
 * replaced ones being all relationships with a collapsed end (those inside one group included).
 */
export function aggregateEdges(cy, groupOfTask) {
  const aggregated = new Map();
  const replaced = [];
  cy.edges().forEach((e) => {
    if (e.data('aggregated')) return;
    const source = groupOfTask.get(e.data('source')) || e.data('source');
    const target = groupOfTask.get(e.data('target')) || e.data('target');
    if (source === e.data('source') && target === e.data('target')) return;
    replaced.push(e);
    if (source === target) return;
    const d = e.data();
    const key = `${source}|${d.rel}|${d.role || ''}|${d.level || ''}|${target}`;
    const found = aggregated.get(key);
    if (found) {
      found.count++;
    } else {
      aggregated.set(key, {
        id: `${GROUP_PREFIX}edge:${key}`, source, target, rel: d.rel, role: d.role, level: d.level,
        pilotEdge: d.pilotEdge, baseLabel: d.label || '', count: 1, aggregated: true,
      });
    }
  });
  const edges = [...aggregated.values()].map((e) => ({
    ...e, label: e.count > 1 ? `${e.baseLabel} ×${e.count}`.trim() : e.baseLabel,
  }));
  return { edges, replaced };
}
