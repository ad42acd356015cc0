// The tasks of one department with its role and the words of the text that assign it
// (provenance: the ASSIGNED_TO span, as offsets into the task text that starts at task.start).
// params: {department: "省医保局"}
// department: the department's name as written in the documents.
MATCH (task:Task)-[a:ASSIGNED_TO]->(dep:Department {name: $department})
RETURN task.docKey AS document, task.ordinal AS task, task.title AS title, a.role AS role,
       a.position AS position,
       CASE WHEN a.start IS NULL THEN null
            ELSE substring(task.text, a.start - task.start, a.end - a.start) END AS evidence
ORDER BY document, task;
