package org.policygraph.api;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Pilots, their programmes and sites, and the institutions designated as sites. */
@Controller
class PilotController {

    /** The schema's PilotWhere input. */
    record PilotWhere(String level, String programme, String region, String docNumber) {}

    /** The schema's ProgrammeWhere input. */
    record ProgrammeWhere(String name, String nameContains, String pilotLevel) {}

    /** The schema's InstitutionWhere input. */
    record InstitutionWhere(String name, String nameContains, String region) {}

    private final ReadQueries queries;
    private final Pages pages;
    private final RegionNames regionNames;

    PilotController(ReadQueries queries, Pages pages, RegionNames regionNames) {
        this.queries = queries;
        this.pages = pages;
        this.regionNames = regionNames;
    }

    @QueryMapping
    Connection<Pilot> pilots(@Argument PilotWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after) {
        Pages.PageRequest page = pages.request(first, after);
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.level(), "level", "p.level = $level")
                    .when(where.programme(), "programme", "p.programme = $programme")
                    .when(regionNames.codes(where.region()), "region",
                            Filter.inside("(p)-[:AT_SITE]->()-[:LOCATED_IN*0..1]->(:Region)", "region"))
                    .when(where.docNumber(), "docNumber", "EXISTS { MATCH (doc:Document)-[:HAS_TASK]->(:Task)"
                            + "-[:DESIGNATES]->(p) WHERE doc.docNumber = $docNumber }");
        }
        String orderBy = ListStatement.orderBy(sort, Map.of("NAME", "p.programme"), "p.key", "p.key");
        return queries.connection(new ListStatement("MATCH (p:Pilot)", filter, "p", orderBy), page, Pilot::of);
    }

    @QueryMapping
    Connection<Programme> programmes(@Argument ProgrammeWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after) {
        Pages.PageRequest page = pages.request(first, after);
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.name(), "name", "g.name = $name")
                    .when(where.nameContains(), "nameContains", "g.name CONTAINS $nameContains")
                    .when(where.pilotLevel(), "pilotLevel",
                            "EXISTS { MATCH (g)<-[:OF_PROGRAMME]-(p:Pilot) WHERE p.level = $pilotLevel }");
        }
        String orderBy = ListStatement.orderBy(sort, Map.of("NAME", "g.name"), "g.name", "g.name");
        return queries.connection(new ListStatement("MATCH (g:Programme)", filter, "g", orderBy), page,
                Programme::of);
    }

    @QueryMapping
    Connection<Institution> institutions(@Argument InstitutionWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after) {
        Pages.PageRequest page = pages.request(first, after);
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.name(), "name", "i.name = $name")
                    .when(where.nameContains(), "nameContains", "i.name CONTAINS $nameContains")
                    .when(regionNames.codes(where.region()), "region", Filter.inside("(i)-[:LOCATED_IN]->(:Region)", "region"));
        }
        String orderBy = ListStatement.orderBy(sort, Map.of("NAME", "i.name"), "i.key", "i.key");
        return queries.connection(new ListStatement("MATCH (i:Institution)", filter, "i", orderBy), page,
                Institution::of);
    }

    /** The programme is a property of the pilot: no read needed. */
    @SchemaMapping
    Programme programme(Pilot pilot) {
        return pilot.programmeName() == null ? null : new Programme(pilot.programmeName());
    }

    @BatchMapping(typeName = "Pilot", field = "task")
    Map<Pilot, Task> pilotTask(List<Pilot> pilots) {
        return queries.one(pilots, Pilot::key, """
                UNWIND $keys AS key
                MATCH (t:Task)-[:DESIGNATES]->(:Pilot {key: key})
                RETURN key, t {.*} AS node
                """, r -> Task.of(r.get("node")));
    }

    @BatchMapping
    Map<Pilot, List<Object>> sites(List<Pilot> pilots) {
        return queries.many(pilots, Pilot::key, """
                UNWIND $keys AS key
                MATCH (:Pilot {key: key})-[:AT_SITE]->(s)
                RETURN key, s {.*} AS node, s:Region AS isRegion
                ORDER BY coalesce(s.code, s.regionCode), s.key
                """, PilotController::site);
    }

    @BatchMapping(typeName = "Pilot", field = "evidence")
    Map<Pilot, Evidence> pilotEvidence(List<Pilot> pilots) {
        return queries.one(pilots, Pilot::key, """
                UNWIND $keys AS key
                MATCH (t:Task)-[:DESIGNATES]->(p:Pilot {key: key})
                WHERE p.start IS NOT NULL
                RETURN key, t {.*} AS task, p.start AS start, p.end AS end
                """, r -> Task.of(r.get("task")).quote(r.get("start").asInt(), r.get("end").asInt()));
    }

    @BatchMapping(typeName = "Programme", field = "pilots")
    Map<Programme, List<Pilot>> programmePilots(List<Programme> programmes) {
        return queries.many(programmes, Programme::name, """
                UNWIND $keys AS key
                MATCH (:Programme {name: key})<-[:OF_PROGRAMME]-(p:Pilot)
                RETURN key, p {.*} AS node
                ORDER BY p.key
                """, r -> Pilot.of(r.get("node")));
    }

    @BatchMapping(typeName = "Institution", field = "region")
    Map<Institution, Region> institutionRegion(List<Institution> institutions) {
        return queries.one(institutions, Institution::key, """
                UNWIND $keys AS key
                MATCH (:Institution {key: key})-[:LOCATED_IN]->(r:Region)
                RETURN key, r {.*} AS node
                """, r -> Region.of(r.get("node")));
    }

    @BatchMapping(typeName = "Institution", field = "pilots")
    Map<Institution, List<Pilot>> institutionPilots(List<Institution> institutions) {
        return queries.many(institutions, Institution::key, """
                UNWIND $keys AS key
                MATCH (:Institution {key: key})<-[:AT_SITE]-(p:Pilot)
                RETURN key, p {.*} AS node
                ORDER BY p.key
                """, r -> Pilot.of(r.get("node")));
    }

    private static Object site(Record r) {
        return r.get("isRegion").asBoolean() ? Region.of(r.get("node")) : Institution.of(r.get("node"));
    }
}
