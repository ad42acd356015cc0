// Tasks per section of each document, with how many of them have a lead department.
// params: {}
MATCH (doc:Document)-[:HAS_SECTION]->(section:Section)
OPTIONAL MATCH (section)-[:HAS_TASK]->(task:Task)
WITH doc, section, task,
     exists((task)-[:ASSIGNED_TO {role: 'LEAD'}]->()) AS led
RETURN doc.key AS document, section.ordinal AS section, section.title AS title,
       count(task) AS tasks, count(CASE WHEN led THEN task END) AS withLead
ORDER BY document, section;
