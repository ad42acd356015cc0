package org.policygraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.corpus.CorpusLifecycle;
import org.policygraph.corpus.DocumentIngester;
import org.policygraph.upload.SampleDocuments;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Links across documents through GraphQL, on the sample graph with the Baiyin sample also loaded as
 * if issued in 2022 (a task implements only tasks of its year or earlier: Baiyin 2021 takes up
 * nothing of Gansu 2022, Baiyin 2022 does). The 2022 copy is deleted after each test.
 */
class LinkQueriesTests extends ApiTestSupport {

    static final String BAIYIN_2022 = "市政办发〔2022〕100号";

    @Autowired
    DocumentIngester ingester;

    @Autowired
    CorpusLifecycle corpus;

    @BeforeEach
    void baiyinIn2022() {
        String text = SampleDocuments.inGansuYear(SampleDocuments.text(SampleDocuments.BAIYIN));
        assertThat(ingester.ingest("baiyin-2022.txt", text.getBytes(StandardCharsets.UTF_8)).ok()).isTrue();
    }

    @AfterEach
    void onlyTheSamples() {
        corpus.delete(BAIYIN_2022);
    }

    @Test
    void shouldLinkABaiyinTaskToTheGansuTaskItTakesUpWithSharedTermsAsEvidence() {
        var response = graphQlTester.document("""
                { tasks(where: {docNumber: "市政办发〔2022〕100号", ordinal: 9}) { edges { node {
                    title
                    implements { rank score sharedTerms task { ordinal document { docNumber } } }
                    themes { name terms evidence { text } } } } } }
                """).execute();
        response.path("tasks.edges[0].node.implements[0].task.document.docNumber").entity(String.class)
                .isEqualTo("甘政办发〔2022〕84号");
        response.path("tasks.edges[0].node.implements[0].task.ordinal").entity(Integer.class).isEqualTo(2);
        response.path("tasks.edges[0].node.implements[0].rank").entity(Integer.class).isEqualTo(1);
        List<String> shared = response.path("tasks.edges[0].node.implements[0].sharedTerms").entityList(String.class).get();
        assertThat(shared).isNotEmpty();
        List<String> themes = response.path("tasks.edges[0].node.themes[*].name").entityList(String.class).get();
        assertThat(themes).contains("带量采购");
        List<String> quoted = response.path("tasks.edges[0].node.themes[*].evidence.text").entityList(String.class).get();
        List<String> terms = response.path("tasks.edges[0].node.themes[*].terms[0]").entityList(String.class).get();
        assertThat(quoted).isEqualTo(terms);
    }

    @Test
    void shouldFindTheTasksThatTakeUpAProvincialTaskAndFilterByTheme() {
        graphQlTester.document("""
                { tasks(where: {docNumber: "甘政办发〔2022〕84号", ordinal: 2}) { edges { node {
                    implementedBy { task { ordinal document { docNumber } } } } } } }
                """).execute()
                .path("tasks.edges[0].node.implementedBy[*].task.document.docNumber").entityList(String.class)
                .contains(BAIYIN_2022).doesNotContain("市政办发〔2021〕100号");
        graphQlTester.document("{ tasks(where: {theme: \"带量采购\"}) { totalCount } }")
                .execute().path("tasks.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
        graphQlTester.document("{ themes { name tasks } }").execute()
                .path("themes[*].name").entityList(String.class).contains("带量采购");
    }

    @Test
    void shouldCompareOneIssuerAcrossYears() {
        var response = graphQlTester.document("""
                { yearOverYear(region: "甘肃省", level: PROVINCE, fromYear: 2021, toYear: 2022) {
                    fromDocuments toDocuments added { ordinal } dropped { ordinal } kept { score } } }
                """).execute();
        response.path("yearOverYear.fromDocuments").entityList(String.class).hasSize(0);
        response.path("yearOverYear.toDocuments").entityList(String.class).containsExactly("甘政办发〔2022〕84号");
        // No document of 2021: nothing was added or dropped, there is nothing to compare.
        response.path("yearOverYear.added").entityList(Object.class).hasSize(0);
        response.path("yearOverYear.dropped").entityList(Object.class).hasSize(0);
        response.path("yearOverYear.kept").entityList(Object.class).hasSize(0);

        var baiyin = graphQlTester.document("""
                { yearOverYear(region: "白银市", level: CITY, fromYear: 2021, toYear: 2022) {
                    fromDocuments toDocuments added { ordinal } dropped { ordinal } kept { score } } }
                """).execute();
        baiyin.path("yearOverYear.fromDocuments").entityList(String.class).containsExactly("市政办发〔2021〕100号");
        baiyin.path("yearOverYear.toDocuments").entityList(String.class).containsExactly(BAIYIN_2022);
        baiyin.path("yearOverYear.kept").entityList(Object.class).hasSize(26);
        baiyin.path("yearOverYear.added").entityList(Object.class).hasSize(0);
    }
}
