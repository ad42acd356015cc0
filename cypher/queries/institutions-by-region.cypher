// Institutions (pilot hospitals and the like) by the region they are located in, with the
// programmes whose pilots name them.
// params: {}
MATCH (inst:Institution)
OPTIONAL MATCH (inst)-[:LOCATED_IN]->(region:Region)
OPTIONAL MATCH (pilot:Pilot)-[:AT_SITE]->(inst)
OPTIONAL MATCH (pilot)-[:OF_PROGRAMME]->(programme:Programme)
RETURN region.name AS region, region.level AS regionLevel, inst.name AS institution,
       apoc.coll.sort(collect(DISTINCT programme.name)) AS programmes
ORDER BY region, institution;
