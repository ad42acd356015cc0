package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A citation is keyed as the cited document is (GraphLoader.documentKey): brackets and blanks do not matter. */
class CitationKeyTest {

    private static final String KEY = "甘政办发〔2022〕84号";

    @Test
    void aCitedNumberIsKeyedInItsCanonicalForm() {
        assertThat(GraphLoader.citation("t", "《甘肃省深化医改实施方案》（甘政办发〔2022〕84号）").get("key")).isEqualTo(KEY);
        assertThat(GraphLoader.citation("t", "甘政办发[2022]84号").get("key")).isEqualTo(KEY);
        assertThat(GraphLoader.citation("t", "依据甘政办发 〔2022〕 84 号").get("key")).isEqualTo(KEY);
    }

    @Test
    void aCitationWithoutNumberIsKeyedByTitle() {
        assertThat(GraphLoader.citation("t", "《“健康中国2030”规划纲要》").get("key"))
                .isEqualTo("title:“健康中国2030”规划纲要");
    }
}
