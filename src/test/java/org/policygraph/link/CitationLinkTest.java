package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cited documents become stubs that a later load fills in. Baiyin names Gansu's 2021 document
 * (甘政办发〔2021〕70号) only in its preamble, which the extractor does not report as a task citation,
 * so here Baiyin's task 1 cites it (instead of its 2019 local plan) in the usual forms, and a 2021
 * Gansu document with that number is composed from the 2022 sample.
 */
class CitationLinkTest extends LinkTestSupport {

    static final String GANSU_2021 = "甘政办发〔2021〕70号";
    static final String GANSU_2021_TITLE = "甘肃省深化医药卫生体制改革2021年重点工作任务";
    static final String BAIYIN_CITATION = "依据《白银市区域综合医改试点工作实施方案》（市政办发〔2019〕153号）";
    static final String BY_NUMBER = "依据甘政办发〔2021〕70号文件";
    static final String BY_TITLE = "依据《" + GANSU_2021_TITLE + "》（甘政办发〔2021〕70号）";
    static final String BY_NOTICE_TITLE = "依据《甘肃省人民政府办公厅关于印发" + GANSU_2021_TITLE + "的通知》（甘政办发〔2021〕70号）";

    @BeforeEach
    void empty() {
        clearDocuments();
    }

    static String baiyinCiting(String citation) {
        String text = sample(BAIYIN);
        assertThat(text).contains(BAIYIN_CITATION);
        return text.replace(BAIYIN_CITATION, citation);
    }

    static String gansu2021() {
        return sample(GANSU).replace("〔2022〕84号", "〔2021〕70号").replace("2022", "2021");
    }

    @ParameterizedTest
    @ValueSource(strings = {BY_NUMBER, BY_TITLE, BY_NOTICE_TITLE})
    void citedDocumentIsAStubUntilItIsLoaded(String citation) {
        load(BAIYIN, baiyinCiting(citation));
        assertThat(count("MATCH (:Task {key: '" + BAIYIN_2021 + "#1'})-[:CITES]->(d:Document {stub: true}) RETURN count(d)"))
                .isEqualTo(1);

        assertThat(load("gansu-2021-composed", gansu2021())).isEqualTo(GANSU_2021);

        assertCitesLoadedGansu2021();
    }

    @ParameterizedTest
    @ValueSource(strings = {BY_NUMBER, BY_TITLE, BY_NOTICE_TITLE})
    void citationOfALoadedDocumentResolvesAtOnce(String citation) {
        load("gansu-2021-composed", gansu2021());
        load(BAIYIN, baiyinCiting(citation));

        assertCitesLoadedGansu2021();
    }

    private void assertCitesLoadedGansu2021() {
        assertThat(count("MATCH (d:Document {key: '" + GANSU_2021 + "'}) RETURN count(d)")).isEqualTo(1);
        assertThat(count("MATCH (:Task {key: '" + BAIYIN_2021 + "#1'})-[c:CITES]->(d:Document {key: '" + GANSU_2021
                + "'}) WHERE d.stub = false AND d.title = '" + GANSU_2021_TITLE + "' AND (d)-[:HAS_TASK]->()"
                + " AND c.docKey = '" + BAIYIN_2021 + "' RETURN count(c)")).isEqualTo(1);
        assertThat(count("MATCH (d:Document {stub: true})<-[:CITES]-(:Task {key: '" + BAIYIN_2021 + "#1'}) RETURN count(d)"))
                .isZero();
    }

    @Test
    void lowerDocumentAlignsToTheHigherDocumentOfTheNearestYearNotAfterItsOwn() {
        load(BAIYIN, sample(BAIYIN));
        load(GANSU, sample(GANSU));
        // Baiyin 2021 cannot implement what Gansu set in 2022.
        assertThat(count("MATCH (b:Task)-[:IMPLEMENTS]->(g:Task) WHERE b.docKey = '" + BAIYIN_2021
                + "' RETURN count(*)")).isZero();

        load("gansu-2021-composed", gansu2021());

        assertThat(count("MATCH (b:Task)-[:IMPLEMENTS]->(g:Task) WHERE b.docKey = '" + BAIYIN_2021
                + "' AND g.docKey = '" + GANSU_2021 + "' RETURN count(DISTINCT b)")).isEqualTo(26);
        assertThat(count("MATCH (:Task)-[r:IMPLEMENTS]->(g:Task) WHERE g.docKey = '" + GANSU_2022
                + "' RETURN count(r)")).isZero();
    }
}
