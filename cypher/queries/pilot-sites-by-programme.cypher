// Pilot sites by programme, with the pilot's level and where each site lies.
// A site is a Region (a city or county) or an Institution (a hospital, located in a Region);
// its city and province come from the division hierarchy (PART_OF*0..).
// params: {programme: null}
// programme: keep one programme by its exact name; null lists every programme.
MATCH (pilot:Pilot)-[:OF_PROGRAMME]->(programme:Programme)
WHERE $programme IS NULL OR programme.name = $programme
MATCH (pilot)-[:AT_SITE]->(site)
OPTIONAL MATCH (site)-[:LOCATED_IN]->(located:Region)
WITH pilot, programme, site, coalesce(located, site) AS place
WHERE place:Region
OPTIONAL MATCH (place)-[:PART_OF*0..2]->(city:Region {level: 'CITY'})
OPTIONAL MATCH (place)-[:PART_OF*0..2]->(province:Region {level: 'PROVINCE'})
RETURN programme.name AS programme, pilot.level AS pilotLevel, site.name AS site,
       CASE WHEN site:Institution THEN 'Institution' ELSE site.level END AS siteKind,
       city.name AS city, province.name AS province
ORDER BY programme, site;
