// Documents in the graph by issuer and year, with their level, region and task count.
// Stub documents (known only because something cites them) have no issuer and are left out.
// params: {}
MATCH (doc:Document {stub: false})
OPTIONAL MATCH (doc)-[:ISSUED_IN]->(region:Region)
OPTIONAL MATCH (doc)-[:HAS_TASK]->(task:Task)
RETURN doc.issuer AS issuer, doc.year AS year, doc.level AS level, region.name AS region,
       doc.key AS document, doc.title AS title, count(task) AS tasks
ORDER BY year, issuer;
