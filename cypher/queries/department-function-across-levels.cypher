// One function (e.g. 卫生健康委, 医保局) across administrative levels, side by side: for each
// level, the departments whose name ends with the function and the tasks they lead or support.
// params: {function: "卫生健康委"}
// function: the end of the department name that names the function (省卫生健康委, 市卫生健康委).
MATCH (dep:Department)<-[a:ASSIGNED_TO]-(task:Task)
WHERE right(dep.name, size($function)) = $function  // not ENDS WITH: Neo4j 5.26 refuses a suffix seek on the RANGE index department_name
WITH dep.level AS level,
     CASE dep.level WHEN 'NATIONAL' THEN 0 WHEN 'PROVINCE' THEN 1 WHEN 'CITY' THEN 2 ELSE 3 END AS depth,
     collect(DISTINCT dep.name) AS departments,
     count(DISTINCT CASE WHEN a.role = 'LEAD' THEN task END) AS leads,
     count(DISTINCT CASE WHEN a.role = 'PARTNER' THEN task END) AS partners,
     apoc.coll.sort(collect(DISTINCT CASE WHEN a.role = 'LEAD' THEN task.title END)) AS ledTasks
RETURN level, departments, leads, partners, ledTasks
ORDER BY depth;
