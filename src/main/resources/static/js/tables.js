// The current result as tables (tasks, pilots, indicators) of the visible graph, for reading and CSV.
export const TABLES = {
  tasks: { name: '任务', type: 'task' },
  pilots: { name: '试点', type: 'pilot' },
  indicators: { name: '指标', type: 'indicator' },
};

/** A node of the view: drawn, or a task folded into a drawn group. */
const inView = (n) => !n.hasClass('filtered') || n.hasClass('folded');
/** A relationship of the view: drawn, or one of a folded task, with both ends in the view and its role not filtered out. */
const edgeInView = (e) => !e.hasClass('filtered')
  || (e.hasClass('collapsed') && !e.hasClass('role-out') && inView(e.source()) && inView(e.target()));

const names = (eles) => [...new Set(eles.map((n) => n.data('name') || n.data('label') || n.id()))].join('、');

/**
 * {columns, rows, ids}: one row per node of the table's type in the view (visible, or a task collapsed into
 * a visible group), sorted by document and task.
 */
export function table(cy, which) {
  const taskTitle = (taskKey) => {
    const t = cy.getElementById(`task:${taskKey}`);
    return t.nonempty() ? t.data('title') || '' : '';
  };
  const nodes = cy.nodes(`[type = "${TABLES[which].type}"]`).filter(inView).sort((a, b) => {
    const x = `${a.data('docKey') || ''}\u0000${String(a.data('ordinal') ?? '').padStart(4, '0')}\u0000${a.data('key')}`;
    const y = `${b.data('docKey') || ''}\u0000${String(b.data('ordinal') ?? '').padStart(4, '0')}\u0000${b.data('key')}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const out = (n, rel) => n.connectedEdges(`[rel = "${rel}"]`).filter((e) => edgeInView(e) && e.source().same(n));
  let columns;
  let rows;
  if (which === 'tasks') {
    columns = ['文件', '序号', '任务', '牵头部门', '配合部门', '试点', '指标', '年份'];
    rows = nodes.map((n) => {
      const assigned = out(n, 'ASSIGNED_TO');
      const byRole = (role) => names(assigned.filter((e) => e.data('role') === role).targets());
      return [n.data('docKey'), n.data('ordinal'), n.data('title'), byRole('LEAD'), byRole('PARTNER'),
        names(out(n, 'DESIGNATES').targets()), names(out(n, 'SETS').targets()), n.data('year')];
    });
  } else if (which === 'pilots') {
    columns = ['试点项目', '级别', '试点地区或单位', '任务', '文件', '年份'];
    rows = nodes.map((n) => [n.data('programme') || '', n.data('levelName') || '', (n.data('sites') || []).join('、'),
      taskTitle(n.data('taskKey')), n.data('docKey'), n.data('year')]);
  } else {
    columns = ['指标', '数值', '原文', '任务', '文件', '年份'];
    rows = nodes.map((n) => [n.data('subject') || '', n.data('value') || '', n.data('text') || '',
      taskTitle(n.data('taskKey')), n.data('docKey'), n.data('year')]);
  }
  return { columns, rows, ids: nodes.map((n) => n.id()) };
}

/** The three tables' sizes, for the tabs. */
export function tableSizes(cy) {
  const shown = cy.nodes().filter(inView);
  return Object.fromEntries(Object.entries(TABLES).map(([k, t]) => [k, shown.filter(`[type = "${t.type}"]`).length]));
}
