// Departments' workload: how many tasks each department leads and how many it supports as a partner.
// A department is one body in one region (省卫生健康委 of Gansu, 市医保局 of Baiyin, ...).
// params: {level: null}
// level: PROVINCE, CITY, ... to keep the departments of one administrative level; null keeps all.
MATCH (task:Task)-[a:ASSIGNED_TO]->(dep:Department)
WHERE $level IS NULL OR dep.level = $level
WITH dep,
     count(DISTINCT CASE WHEN a.role = 'LEAD' THEN task END) AS leads,
     count(DISTINCT CASE WHEN a.role = 'PARTNER' THEN task END) AS partners,
     count(DISTINCT task) AS tasks
RETURN dep.name AS department, dep.level AS level, dep.regionCode AS regionCode, leads, partners, tasks
ORDER BY tasks DESC, leads DESC, department;
