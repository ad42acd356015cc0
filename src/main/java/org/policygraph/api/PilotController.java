package org.policygraph.api;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.MapAccessor;
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
            @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Pages.PageRequest page = pages.request(first, after);
        Filter filter = new Filter();
        if (where != null) {
            // A region is not a condition: the statement starts from it and walks down to its pilots.
            filter.when(where.level(), "level", "p.level = $level")
                    .when(where.programme(), "programme", "p.programme = $programme")
                    .when(regionNames.codes(where.region()), "region", null)
                    .when(where.docNumber(), "docNumber", "EXISTS { MATCH (doc:Document)-[:HAS_TASK]->(:Task)"
                            + "-[:DESIGNATES]->(p) WHERE doc.docNumber = $docNumber }");
        }
        String orderBy = ListStatement.orderBy(sort, Map.of("NAME", "p.programme"), "p.key", "p.key");
        // With a region, start from it and walk down to the sites' pilots instead of testing every pilot.
        String match = where != null && where.region() != null
                ? Filter.pilotsWithSitesUnder("region", "p") + "\nWITH DISTINCT p"
                : "MATCH (p:Pilot)";
        return queries.connection(new ListStatement(match, filter, "p", orderBy), page, "Pilot", Pilot::of,
                selection, context);
    }

    @QueryMapping
    Connection<Programme> programmes(@Argument ProgrammeWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Pages.PageRequest page = pages.request(first, after);
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.name(), "name", "g.name = $name")
                    .when(where.nameContains(), "nameContains", Filter.contains("g.name", "nameContains"))
                    .when(where.pilotLevel(), "pilotLevel",
                            "EXISTS { MATCH (g)<-[:OF_PROGRAMME]-(p:Pilot) WHERE p.level = $pilotLevel }");
        }
        String orderBy = ListStatement.orderBy(sort, Map.of("NAME", "g.name"), "g.name", "g.name");
        return queries.connection(new ListStatement("MATCH (g:Programme)", filter, "g", orderBy), page,
                "Programme", Programme::of, selection, context);
    }

    @QueryMapping
    Connection<Institution> institutions(@Argument InstitutionWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Pages.PageRequest page = pages.request(first, after);
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.name(), "name", "i.name = $name")
                    .when(where.nameContains(), "nameContains", Filter.contains("i.name", "nameContains"))
                    .when(regionNames.codes(where.region()), "region", Filter.inside("(i)-[:LOCATED_IN]->(:Region)", "region"));
        }
        String orderBy = ListStatement.orderBy(sort, Map.of("NAME", "i.name"), "i.key", "i.key");
        return queries.connection(new ListStatement("MATCH (i:Institution)", filter, "i", orderBy), page,
                "Institution", Institution::of, selection, context);
    }

    /** The programme is a property of the pilot: no read needed. */
    @SchemaMapping
    Programme programme(Pilot pilot) {
        return pilot.programmeName() == null ? null : new Programme(pilot.programmeName());
    }

    @BatchMapping(typeName = "Pilot", field = "task")
    Map<Pilot, Task> pilotTask(List<Pilot> pilots, GraphQLContext context) {
        return queries.one(pilots, Pilot::key, Relations.PILOT_TASK, context);
    }

    @BatchMapping
    Map<Pilot, List<Object>> sites(List<Pilot> pilots, GraphQLContext context) {
        return queries.many(pilots, Pilot::key, Relations.PILOT_SITES, context);
    }

    @BatchMapping(typeName = "Pilot", field = "evidence")
    Map<Pilot, Evidence> pilotEvidence(List<Pilot> pilots, GraphQLContext context) {
        return queries.one(pilots, Pilot::key, Relations.PILOT_EVIDENCE, context);
    }

    @BatchMapping(typeName = "Programme", field = "pilots")
    Map<Programme, List<Pilot>> programmePilots(List<Programme> programmes, GraphQLContext context) {
        return queries.many(programmes, Programme::name, Relations.PROGRAMME_PILOTS, context);
    }

    @BatchMapping(typeName = "Institution", field = "region")
    Map<Institution, Region> institutionRegion(List<Institution> institutions, GraphQLContext context) {
        return queries.one(institutions, Institution::key, Relations.INSTITUTION_REGION, context);
    }

    @BatchMapping(typeName = "Institution", field = "pilots")
    Map<Institution, List<Pilot>> institutionPilots(List<Institution> institutions, GraphQLContext context) {
        return queries.many(institutions, Institution::key, Relations.INSTITUTION_PILOTS, context);
    }

    static Object site(MapAccessor r) {
        return r.get("isRegion").asBoolean() ? Region.of(r.get("node")) : Institution.of(r.get("node"));
    }
}
