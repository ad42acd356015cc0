// Cities that are pilots of several programmes: a city counts for a programme when the city
// itself, one of its counties, or an institution located in either is a site of one of its pilots.
// params: {minProgrammes: 2}
// minProgrammes: the least number of distinct programmes a city must take part in.
MATCH (pilot:Pilot)-[:OF_PROGRAMME]->(programme:Programme)
MATCH (pilot)-[:AT_SITE]->(site)
OPTIONAL MATCH (site)-[:LOCATED_IN]->(located:Region)
WITH programme, coalesce(located, site) AS place
MATCH (place:Region)-[:PART_OF*0..1]->(city:Region {level: 'CITY'})
WITH city, collect(DISTINCT programme.name) AS programmes
WHERE size(programmes) >= $minProgrammes
RETURN city.name AS city, city.code AS code, size(programmes) AS programmeCount,
       apoc.coll.sort(programmes) AS programmes
ORDER BY programmeCount DESC, code;
