// Tasks that name no responsible department, and tasks that name no lead, per document:
// candidates for a closer reading of the text (or for an extraction miss). A document whose every
// task has a lead shows zeros and empty lists (as both samples do).
// params: {}
MATCH (doc:Document {stub: false})-[:HAS_TASK]->(task:Task)
WITH doc, task,
     exists((task)-[:ASSIGNED_TO]->(:Department)) AS assigned,
     exists((task)-[:ASSIGNED_TO {role: 'LEAD'}]->(:Department)) AS led
RETURN doc.key AS document, count(task) AS tasks,
       [t IN collect(CASE WHEN NOT assigned THEN task END) | t.ordinal + ' ' + t.title] AS withoutDepartment,
       [t IN collect(CASE WHEN assigned AND NOT led THEN task END) | t.ordinal + ' ' + t.title] AS withoutLead
ORDER BY document;
