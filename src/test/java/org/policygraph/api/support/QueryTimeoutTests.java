package org.policygraph.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policygraph.api.ApiTestSupport;
import org.policygraph.graph.GraphSessions;
import org.policygraph.graph.query.ApiException;
import org.policygraph.graph.query.ApiProperties;
import org.policygraph.graph.query.ReadQueries;
import org.springframework.beans.factory.annotation.Autowired;

class QueryTimeoutTests extends ApiTestSupport {

    @Autowired
    GraphSessions sessions;

    @Test
    void shouldStopAReadAtTheQueryTimeout() {
        ApiProperties properties = new ApiProperties(10, 1000, 10, 10, Duration.ofMillis(200), 0, 2000, 15000, 50000, 200,
                100000, 4, Duration.ofSeconds(10));
        ReadQueries queries = new ReadQueries(sessions, properties);
        long started = System.nanoTime();
        assertThatThrownBy(() -> queries.list("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)",
                Map.of())).isInstanceOf(ApiException.QueryTimedOut.class).hasMessageContaining("200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void shouldClassifyATimeoutAsTimeout() {
        DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .mergedField(MergedField.newMergedField(Field.newField("tasks").build()).build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("tasks")).build())
                .build();
        GraphQLError error = new ApiErrors().resolveToSingleError(
                new ApiException.QueryTimedOut(Duration.ofSeconds(10)), env);
        assertThat(error.getErrorType()).isEqualTo(ApiErrorType.TIMEOUT);
        assertThat(error.getMessage()).contains("policygraph.graphql.query-timeout");
        assertThat(error.toSpecification()).containsEntry("extensions", Map.of("classification", "TIMEOUT"));
    }
}
