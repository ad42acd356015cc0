package org.policygraph.api.pilots;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.policygraph.api.support.GraphRequests;
import org.policygraph.graph.query.Connection;
import org.policygraph.graph.query.Evidence;
import org.policygraph.graph.query.Institution;
import org.policygraph.graph.query.Pages;
import org.policygraph.graph.query.Pilot;
import org.policygraph.graph.query.PilotQueries;
import org.policygraph.graph.query.PilotQueries.InstitutionWhere;
import org.policygraph.graph.query.PilotQueries.PilotWhere;
import org.policygraph.graph.query.PilotQueries.ProgrammeWhere;
import org.policygraph.graph.query.Programme;
import org.policygraph.graph.query.Region;
import org.policygraph.graph.query.Sort;
import org.policygraph.graph.query.Task;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Pilots, their programmes and sites, and the institutions designated as sites. */
@Controller
class PilotController {

    private final PilotQueries queries;
    private final Pages pages;

    PilotController(PilotQueries queries, Pages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @QueryMapping
    Connection<Pilot> pilots(@Argument PilotWhere where, @Argument List<Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env, GraphQLContext context) {
        return queries.pilots(where, sort, pages.request(first, after), GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @QueryMapping
    Connection<Programme> programmes(@Argument ProgrammeWhere where, @Argument List<Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env, GraphQLContext context) {
        return queries.programmes(where, sort, pages.request(first, after), GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @QueryMapping
    Connection<Institution> institutions(@Argument InstitutionWhere where, @Argument List<Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env, GraphQLContext context) {
        return queries.institutions(where, sort, pages.request(first, after), GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    /** The programme is a property of the pilot: no read needed. */
    @SchemaMapping
    Programme programme(Pilot pilot) {
        return pilot.programmeName() == null ? null : new Programme(pilot.programmeName());
    }

    @BatchMapping(typeName = "Pilot", field = "task")
    Map<Pilot, Task> pilotTask(List<Pilot> pilots) {
        return queries.task(pilots);
    }

    @BatchMapping
    Map<Pilot, List<Object>> sites(List<Pilot> pilots) {
        return queries.sites(pilots);
    }

    @BatchMapping(typeName = "Pilot", field = "evidence")
    Map<Pilot, Evidence> pilotEvidence(List<Pilot> pilots) {
        return queries.evidence(pilots);
    }

    @BatchMapping(typeName = "Programme", field = "pilots")
    Map<Programme, List<Pilot>> programmePilots(List<Programme> programmes) {
        return queries.programmePilots(programmes);
    }

    @BatchMapping(typeName = "Institution", field = "region")
    Map<Institution, Region> institutionRegion(List<Institution> institutions) {
        return queries.institutionRegion(institutions);
    }

    @BatchMapping(typeName = "Institution", field = "pilots")
    Map<Institution, List<Pilot>> institutionPilots(List<Institution> institutions) {
        return queries.institutionPilots(institutions);
    }
}
