package org.policygraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

class PaginationTests extends ApiTestSupport {

    @Test
    void shouldWalkAllTasksPageByPage() {
        List<String> keys = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        int pages = 0;
        while (hasNext) {
            var response = graphQlTester.documentName("taskPage").variable("first", 20).variable("after", after).execute();
            response.path("tasks.totalCount").entity(Integer.class).isEqualTo(49);
            response.path("tasks.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(pages > 0);
            keys.addAll(response.path("tasks.edges[*].node.key").entityList(String.class).get());
            hasNext = response.path("tasks.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = response.path("tasks.pageInfo.endCursor").entity(String.class).get();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(keys).hasSize(49).doesNotHaveDuplicates();
        assertThat(keys.get(0)).isEqualTo("市政办发〔2021〕100号#1");
    }

    @Test
    void shouldStartAfterTheGivenCursor() {
        var first = graphQlTester.documentName("taskPage").variable("first", 2).execute();
        String second = first.path("tasks.edges[1].cursor").entity(String.class).get();
        first.path("tasks.pageInfo.endCursor").entity(String.class).isEqualTo(second);
        graphQlTester.documentName("taskPage").variable("first", 1).variable("after", second).execute()
                .path("tasks.edges[0].node.key").entity(String.class).isEqualTo("市政办发〔2021〕100号#3");
    }

    @Test
    void shouldSortByTheRequestedFields() {
        graphQlTester.document("""
                { tasks(first: 3, sort: [{field: YEAR, direction: DESC}, {field: ORDINAL, direction: DESC}]) {
                    edges { node { key } } } }
                """).execute()
                .path("tasks.edges[*].node.key").entityList(String.class)
                .containsExactly("甘政办发〔2022〕84号#23", "甘政办发〔2022〕84号#22", "甘政办发〔2022〕84号#21");
    }

    @Test
    void shouldCountEveryList() {
        var response = graphQlTester.document("""
                { documents(where: {stub: false}) { totalCount }
                  departments { totalCount }
                  regions(where: {within: "白银市"}) { totalCount }
                  pilots { totalCount }
                  programmes(where: {pilotLevel: NATIONAL}) { totalCount }
                  institutions { totalCount }
                  indicators(where: {docNumber: "市政办发〔2021〕100号"}, first: 100) { totalCount edges { cursor } } }
                """).execute();
        response.path("documents.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("departments.totalCount").entity(Integer.class).isEqualTo(40);
        response.path("regions.totalCount").entity(Integer.class).isEqualTo(5);
        response.path("pilots.totalCount").entity(Integer.class).isEqualTo(10);
        response.path("programmes.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("institutions.totalCount").entity(Integer.class).isEqualTo(10);
        response.path("indicators.totalCount").entity(Integer.class).isEqualTo(5);
        response.path("indicators.edges").entityList(Object.class).hasSize(5);
    }

    @Test
    void shouldRefuseABadCursor() {
        graphQlTester.documentName("taskPage").variable("first", 2).variable("after", "not-a-cursor").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getMessage()).contains("not a cursor");
                });
    }
}
