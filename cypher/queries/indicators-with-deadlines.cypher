// Quantified targets that carry a deadline, with the year of their document and their unit.
// An indicator hangs on the task that sets it (or on the document for document-wide targets).
// params: {year: null}
// year: keep the indicators of documents issued in this year; null keeps all.
MATCH (owner)-[:SETS]->(ind:Indicator)
WHERE ind.deadline IS NOT NULL
OPTIONAL MATCH (doc:Document)-[:HAS_TASK]->(owner)
WITH ind, owner, coalesce(doc, owner) AS document
WHERE $year IS NULL OR document.year = $year
RETURN document.year AS year, ind.deadline AS deadline, ind.unit AS unit, ind.comparator AS comparator,
       ind.value AS value, ind.text AS evidence, owner.title AS task, ind.key AS key
ORDER BY year, key;
