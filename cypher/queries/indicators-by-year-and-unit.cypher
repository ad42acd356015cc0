// How many quantified targets each year's documents set, per unit, and how many have a deadline.
// params: {}
MATCH (owner)-[:SETS]->(ind:Indicator)
OPTIONAL MATCH (doc:Document)-[:HAS_TASK]->(owner)
WITH ind, coalesce(doc, owner) AS document
RETURN document.year AS year, ind.unit AS unit, count(ind) AS indicators,
       count(ind.deadline) AS withDeadline
ORDER BY year, indicators DESC, unit;
