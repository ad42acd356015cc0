// Which departments work together: pairs assigned to the same tasks, most shared tasks first.
// params: {minShared: 3}
// minShared: the least number of shared tasks for a pair to be listed.
MATCH (a:Department)<-[:ASSIGNED_TO]-(task:Task)-[:ASSIGNED_TO]->(b:Department)
WHERE a.key < b.key
WITH a, b, count(DISTINCT task) AS shared
WHERE shared >= $minShared
RETURN a.name AS department, b.name AS partner, shared
ORDER BY shared DESC, department, partner;
