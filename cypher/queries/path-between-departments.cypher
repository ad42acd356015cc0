// The shortest paths between two departments through the tasks they share: department - task -
// department - ... Shows how far apart two bodies are in the division of labour. Every shortest
// path is listed (allShortestPaths; shortestPath would pick one of them arbitrarily).
// params: {from: "市残联", to: "市委网信办"}
// from, to: department names (e.g. 市卫生健康委; a name is unique within one region).
MATCH (a:Department {name: $from}), (b:Department {name: $to})
MATCH path = allShortestPaths((a)-[:ASSIGNED_TO*..10]-(b))
WITH length(path) / 2 AS tasksOnPath,
     [n IN nodes(path) | CASE WHEN n:Task THEN n.docKey + '#' + n.ordinal ELSE n.name END] AS steps
RETURN tasksOnPath, steps
ORDER BY steps;
