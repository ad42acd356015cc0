// The tasks of one department with its role and where the text assigns it (provenance).
// ASSIGNED_TO.start/end, like Task.start/end, are character offsets [start, end) into the source
// file as decoded (Document.sourceName). Task.source holds the task's span exactly as it reads there,
// so the evidence is cut from it (Task.text has line breaks inside names removed and may be shorter).
// params: {department: "省医保局"}
// department: the department's name as written in the documents.
MATCH (doc:Document)-[:HAS_TASK]->(task:Task)-[a:ASSIGNED_TO]->(dep:Department {name: $department})
RETURN doc.key AS document, task.ordinal AS task, task.title AS title, a.role AS role,
       a.position AS position, doc.sourceName AS source, a.start AS start, a.end AS end,
       substring(task.source, a.start - task.start, a.end - a.start) AS evidence
ORDER BY document, task;
