// Pilots by level (NATIONAL, PROVINCE, CITY, ...) and by how the level was known: STATED in the
// text (国家级, 省级) or inferred from the ISSUER's level.
// params: {}
MATCH (doc:Document)-[:HAS_TASK]->(:Task)-[:DESIGNATES]->(pilot:Pilot)
RETURN doc.key AS document, pilot.level AS level, pilot.levelBasis AS basis, count(pilot) AS pilots,
       apoc.coll.sort(collect(pilot.programme)) AS programmes
ORDER BY document, level, basis;
