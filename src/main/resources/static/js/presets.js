// One-click views for the example questions: each is a task filter whose answer is drawn with its
// neighbourhood (departments, pilots and their sites, indicators) and listed in the panel.
import { tasksWhere, gql, id } from './api.js';

export const PRESETS = [
  {
    id: 'baiyin-provincial-pilots',
    title: '白银的省级试点',
    question: '哪些任务在白银市设有省级试点？',
    where: { pilotLevel: 'PROVINCE', pilotRegion: '白银市' },
  },
  {
    id: 'city-health-baiyin-provincial',
    title: '市卫生健康委 × 白银省级试点',
    question: '市卫生健康委负责的任务中，哪些是白银的省级试点？',
    where: { department: '市卫生健康委', pilotLevel: 'PROVINCE', pilotRegion: '白银市' },
  },
  {
    id: 'province-health-leads',
    title: '省卫生健康委牵头什么',
    question: '省卫生健康委牵头的任务有哪些？',
    where: { department: '省卫生健康委', role: 'LEAD' },
  },
  {
    id: 'jingtai-pilots',
    title: '景泰县的试点',
    question: '景泰县是哪些任务的试点地区？',
    where: { pilotRegion: '景泰县' },
  },
  {
    id: 'insurance-leads',
    title: '省医保局牵头的任务',
    question: '省医保局牵头的任务有哪些？',
    where: { department: '省医保局', role: 'LEAD' },
  },
];

export function preset(presetId) {
  return PRESETS.find((p) => p.id === presetId) || null;
}

/** The preset's answer: {tasks, totalCount, nodes, edges}. */
export async function runPreset(p) {
  const result = await tasksWhere(p.where);
  // the region a preset is about, so the answer shows where its sites are
  if (p.where.pilotRegion || p.where.region) {
    const name = p.where.pilotRegion || p.where.region;
    const data = await gql('query($name: String) { regions(where: { name: $name }, first: 1) { edges { node { code name level } } } }', { name });
    for (const { node: r } of data.regions.edges) {
      const regionId = id.region(r.code);
      if (!result.nodes.some((n) => n.id === regionId)) {
        result.nodes.push({ id: regionId, type: 'region', label: r.name, key: r.code, name: r.name, level: r.level });
      }
    }
  }
  return result;
}
