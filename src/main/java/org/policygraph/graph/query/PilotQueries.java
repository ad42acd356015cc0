package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pilots, their programmes and sites, and the institutions designated as sites (see {@link TaskQueries}
 * for the arguments).
 */
@Component
public class PilotQueries {

    /** The schema's PilotWhere input. */
    public record PilotWhere(String level, String programme, String region, String docNumber) {}

    /** The schema's ProgrammeWhere input. */
    public record ProgrammeWhere(String name, String nameContains, String pilotLevel) {}

    /** The schema's InstitutionWhere input. */
    public record InstitutionWhere(String name, String nameContains, String region) {}

    private final ReadQueries queries;
    private final RegionNames regionNames;

    PilotQueries(ReadQueries queries, RegionNames regionNames) {
        this.queries = queries;
        this.regionNames = regionNames;
    }

    public Connection<Pilot> pilots(PilotWhere where, List<Sort> sort, Pages.PageRequest page,
            Selection selection, Prefetch prefetch) {
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
        String match = where == null || where.region() == null ? "MATCH (p:Pilot)"
                : where.level() != null ? Filter.pilotsOfLevelWithSitesUnder("region", "level", "p") + "\nWITH DISTINCT p"
                : Filter.pilotsWithSitesUnder("region", "p") + "\nWITH DISTINCT p";
        return queries.connection(new ListStatement(match, filter, "p", orderBy), page, "Pilot", Pilot::of,
                selection, prefetch);
    }

    public Connection<Programme> programmes(ProgrammeWhere where, List<Sort> sort, Pages.PageRequest page,
            Selection selection, Prefetch prefetch) {
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.name(), "name", "g.name = $name")
                    .when(where.nameContains(), "nameContains", Filter.contains("g.name", "nameContains"))
                    .when(where.pilotLevel(), "pilotLevel",
                            "EXISTS { MATCH (g)<-[:OF_PROGRAMME]-(p:Pilot) WHERE p.level = $pilotLevel }");
        }
        String orderBy = ListStatement.orderBy(sort, Map.of("NAME", "g.name"), "g.name", "g.name");
        return queries.connection(new ListStatement("MATCH (g:Programme)", filter, "g", orderBy), page,
                "Programme", Programme::of, selection, prefetch);
    }

    public Connection<Institution> institutions(InstitutionWhere where, List<Sort> sort, Pages.PageRequest page,
            Selection selection, Prefetch prefetch) {
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.name(), "name", "i.name = $name")
                    .when(where.nameContains(), "nameContains", Filter.contains("i.name", "nameContains"))
                    .when(regionNames.codes(where.region()), "region", Filter.inside("(i)-[:LOCATED_IN]->(:Region)", "region"));
        }
        String orderBy = ListStatement.orderBy(sort, Map.of("NAME", "i.name"), "i.key", "i.key");
        return queries.connection(new ListStatement("MATCH (i:Institution)", filter, "i", orderBy), page,
                "Institution", Institution::of, selection, prefetch);
    }

    public Map<Pilot, Task> task(List<Pilot> pilots) {
        return queries.one(pilots, Pilot::key, Relations.PILOT_TASK);
    }

    /** Each pilot's sites: {@link Region}s and {@link Institution}s. */
    public Map<Pilot, List<Object>> sites(List<Pilot> pilots) {
        return queries.many(pilots, Pilot::key, Relations.PILOT_SITES);
    }

    public Map<Pilot, Evidence> evidence(List<Pilot> pilots) {
        return queries.one(pilots, Pilot::key, Relations.PILOT_EVIDENCE);
    }

    public Map<Programme, List<Pilot>> programmePilots(List<Programme> programmes) {
        return queries.many(programmes, Programme::name, Relations.PROGRAMME_PILOTS);
    }

    public Map<Institution, Region> institutionRegion(List<Institution> institutions) {
        return queries.one(institutions, Institution::key, Relations.INSTITUTION_REGION);
    }

    public Map<Institution, List<Pilot>> institutionPilots(List<Institution> institutions) {
        return queries.many(institutions, Institution::key, Relations.INSTITUTION_PILOTS);
    }
}
