// National pilots with a site in one province: which programmes, at which sites.
// params: {province: "甘肃省", level: "NATIONAL"}
// province: the province's full name; level: the pilot level to keep.
MATCH (province:Region {level: 'PROVINCE', name: $province})
MATCH (pilot:Pilot {level: $level})-[:AT_SITE]->(site)
OPTIONAL MATCH (site)-[:LOCATED_IN]->(located:Region)
WITH province, pilot, site, coalesce(located, site) AS place
MATCH (place:Region)-[:PART_OF*0..2]->(province)
RETURN pilot.programme AS programme, site.name AS site, place.name AS region
ORDER BY programme, site;
