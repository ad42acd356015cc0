// The tasks of one department with its role and where the text assigns it (provenance).
// ASSIGNED_TO.start/end, like Task.start/end, are character offsets [start, end) into the source
// file as decoded (Document.sourceName); the graph does not keep the whole source text. Task.text
// has line breaks inside names removed, so it can be shorter than the span: cut the evidence from
// the source file, not from task.text.
// params: {department: "省医保局"}
// department: the department's name as written in the documents.
MATCH (doc:Document)-[:HAS_TASK]->(task:Task)-[a:ASSIGNED_TO]->(dep:Department {name: $department})
RETURN doc.key AS document, task.ordinal AS task, task.title AS title, a.role AS role,
       a.position AS position, doc.sourceName AS source, a.start AS start, a.end AS end
ORDER BY document, task;
