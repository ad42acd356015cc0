package org.policygraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** The limits of policygraph.graphql.* as configured in application.yml, each a BAD_REQUEST naming itself. */
class QueryLimitsTests extends ApiTestSupport {

    @Test
    void shouldRefuseAPageLargerThanTheMaximum() {
        graphQlTester.documentName("taskPage").variable("first", 101).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getExtensions()).containsEntry("limit", "max-page-size");
                    assertThat(errors.get(0).getMessage()).contains("at most 100");
                    assertThat(errors.get(0).getPath()).isEqualTo("tasks");
                });
    }

    @Test
    void shouldRefuseANegativePageSize() {
        graphQlTester.documentName("taskPage").variable("first", -1).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }

    /** Twice: the second time its parsed document comes from the cache, and the limit still holds. */
    @Test
    void shouldRefuseAQueryDeeperThanTheMaximum() {
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQlTester.documentName("tooDeep").execute()
                    .errors().satisfy(errors -> {
                        assertThat(errors).hasSize(1);
                        assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat(errors.get(0).getExtensions()).containsEntry("limit", "max-depth");
                        assertThat(errors.get(0).getMessage()).contains("at most 10");
                    });
        }
    }

    @Test
    void shouldRefuseAQueryMoreComplexThanTheMaximum() {
        graphQlTester.documentName("tooComplex").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getExtensions()).containsEntry("limit", "max-complexity");
                });
    }

    @Test
    void shouldRefuseABlankSearchText() {
        graphQlTester.documentName("fullTextSearch").variable("text", "  ").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }

    @Test
    void shouldTakeSearchTextLiterally() {
        // Lucene syntax stays text: no match-all; the analyzer drops the stop word and the punctuation.
        int plain = graphQlTester.documentName("fullTextSearch").variable("text", "医保").execute()
                .path("tasks.totalCount").entity(Integer.class).get();
        assertThat(plain).isBetween(1, 48);
        graphQlTester.documentName("fullTextSearch").variable("text", "医保\" OR *:*").execute()
                .path("tasks.totalCount").entity(Integer.class).isEqualTo(plain);
    }
}
