package org.policygraph.graph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.policygraph.api.ApiTestSupport;
import org.policygraph.api.ResearchQuestionsTests;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task list starts from the index of its most selective filter, and leaves out of its WHERE the
 * condition that start ensures; neither may change the answer: for each anchor, the anchored statement
 * finds exactly the tasks that testing every task against every condition finds, and finds some. (A
 * text search is left out: the full-text index is the filter itself, not only where the statement
 * starts.) Pilot lists with a region start from it the same way.
 */
class TaskAnchorTests extends ApiTestSupport {

    @Autowired
    TaskFilters filters;

    @Autowired
    ReadQueries queries;

    @Autowired
    RegionNames regionNames;

    static List<Map<String, Object>> anchoredFilters() {
        return List.of(
                Map.of("docNumber", ResearchQuestionsTests.GANSU),
                Map.of("pilotInstitution", "庆阳市中医院"),
                Map.of("pilotRegion", "白银市", "pilotLevel", "PROVINCE"),
                Map.of("pilotRegion", "甘肃省", "pilotLevel", "NATIONAL"),
                Map.of("mentionsRegion", "甘南州"),
                Map.of("region", "白银市"),
                Map.of("region", "甘肃省"),
                Map.of("department", "省医保局", "role", "LEAD"),
                Map.of("department", "省卫生健康委", "role", "PARTNER"),
                Map.of("department", "省卫生健康委"),
                Map.of("department", "市卫生健康委", "departmentRegion", "白银市"),
                Map.of("pilotRegion", "甘肃省", "pilotLevel", "PROVINCE", "department", "省卫生健康委"),
                Map.of("region", "白银市", "documentLevel", "CITY"),
                Map.of("departmentRegion", "白银市"),
                Map.of("theme", "带量采购"),
                Map.of("issuer", "白银市人民政府办公室"),
                Map.of("indicatorDeadline", "年底前"),
                Map.of("documentRegion", "甘肃省"));
    }

    @ParameterizedTest
    @MethodSource("anchoredFilters")
    void shouldFindTheSameTasksFromTheAnchorAsFromEveryTask(Map<String, Object> fields) throws Exception {
        TaskWhere where = where(fields);
        TaskFilters.Start start = filters.start(where);
        assertThat(start.match()).doesNotStartWith("MATCH (t:Task)");

        Set<String> anchored = keys(start.match(), filters.filter(where, start));
        TaskFilters.Start everyTask = TaskFilters.Start.EVERY_TASK;
        Set<String> scanned = keys(everyTask.match(), filters.filter(where, everyTask));

        assertThat(anchored).isNotEmpty().isEqualTo(scanned);
    }

    /** The pilot list starts from its region too, and tests no region condition on the pilots it reaches. */
    @ParameterizedTest
    @ValueSource(strings = {"白银市", "甘肃省", "庆阳市", "景泰县"})
    void shouldFindTheSamePilotsFromTheRegionAsFromEveryPilot(String region) {
        List<String> listed = graphQlTester.document(
                "query($region: String!) { pilots(where: {region: $region}, first: 100) { edges { node { key } } } }")
                .variable("region", region).execute()
                .path("pilots.edges[*].node.key").entityList(String.class).get();
        String scan = "MATCH (p:Pilot) WHERE " + Filter.inside("(p)-[:AT_SITE]->()-[:LOCATED_IN*0..1]->(:Region)", "region")
                + " RETURN p.key AS key";
        Set<String> scanned = queries.list(scan, Map.of("region", regionNames.codes(region))).stream()
                .map(r -> r.get("key").asString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(listed)).isNotEmpty().isEqualTo(scanned);
    }

    private Set<String> keys(String match, Filter filter) {
        String cypher = match + "\n" + filter.where() + "\nRETURN t.key AS key";
        return queries.list(cypher, filter.parameters()).stream().map(r -> r.get("key").asString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static TaskWhere where(Map<String, Object> fields) throws Exception {
        RecordComponent[] components = TaskWhere.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Map<String, Object> unused = new HashMap<>(fields);
        for (int i = 0; i < components.length; i++) {
            values[i] = unused.remove(components[i].getName());
            types[i] = components[i].getType();
        }
        assertThat(unused).as("fields TaskWhere does not have").isEmpty();
        return TaskWhere.class.getDeclaredConstructor(types).newInstance(values);
    }
}
