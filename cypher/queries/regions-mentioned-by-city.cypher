// Regions that tasks mention, rolled up to their city (a county counts for its city) within one
// province, with the number of tasks mentioning each city or one of its counties.
// params: {province: "甘肃省"}
// province: the province's full name.
MATCH (province:Region {level: 'PROVINCE', name: $province})
MATCH (task:Task)-[:MENTIONS]->(region:Region)-[:PART_OF*0..1]->(city:Region {level: 'CITY'})-[:PART_OF]->(province)
RETURN city.name AS city, count(DISTINCT task) AS tasks,
       apoc.coll.sort(collect(DISTINCT region.name)) AS mentioned
ORDER BY tasks DESC, city;
