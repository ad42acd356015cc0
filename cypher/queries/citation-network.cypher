// The citation network: which document cites which, through which task. Cited documents that
// are not in the graph are stubs (stub: true) named by their doc number or title.
// params: {}
MATCH (citing:Document)-[:HAS_TASK]->(task:Task)-[c:CITES]->(cited:Document)
RETURN citing.key AS citing, task.ordinal AS task, c.text AS citation, cited.key AS cited,
       cited.stub AS citedIsStub
ORDER BY citing, task, cited;
