package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

/** What loading the two samples writes besides GraphLoader's model: functions, themes, IMPLEMENTS. */
@SuppressWarnings("unchecked")
class LinkedGraphTest extends LinkTestSupport {

    @Autowired
    TaskAligner aligner;

    @Autowired
    ThemeTagger themes;

    @BeforeEach
    void samples() {
        clearDocuments();
        loadSamples();
    }

    @Test
    void departmentsOfBothLevelsShareTheirFunction() {
        assertThat(count("MATCH (d:Department) WHERE d.function IS NULL RETURN count(d)")).isZero();
        assertThat(strings("MATCH (d:Department {function: '卫生健康委'}) RETURN d.name AS v ORDER BY v"))
                .containsExactly("市卫生健康委", "省卫生健康委");
        assertThat(strings("MATCH (d:Department {function: '发展改革委'}) RETURN d.name AS v ORDER BY v"))
                .containsExactly("市发改委", "省发展改革委");
        assertThat(strings("MATCH (d:Department {function: '人力资源社会保障'}) RETURN d.name AS v ORDER BY v"))
                .containsExactly("市人社局", "省人社厅");
    }

    @Test
    void tasksGetThemesWithEvidence() {
        String gansu = sample(GANSU);
        List<List<Object>> procurement = rows("""
                MATCH (:Task {key: $task})-[h:HAS_THEME]->(:Theme {name: '带量采购'})
                RETURN h.terms AS terms, h.start AS start, h.end AS end""", GANSU_2022 + "#2");
        assertThat(procurement).hasSize(1);
        assertThat((List<Object>) procurement.get(0).get(0)).contains("带量采购", "结余留用");
        int start = ((Long) procurement.get(0).get(1)).intValue();
        int end = ((Long) procurement.get(0).get(2)).intValue();
        assertThat(gansu.substring(start, end)).isEqualTo("带量采购");

        assertThat(strings("MATCH (:Task {key: '" + GANSU_2022 + "#4'})-[:HAS_THEME]->(t:Theme) RETURN t.name AS v"))
                .contains("DRG/DIP 支付方式改革", "医保");
        assertThat(strings("MATCH (:Task {key: '" + GANSU_2022 + "#1'})-[:HAS_THEME]->(t:Theme) RETURN t.name AS v"))
                .contains("三明医改经验");
        assertThat(strings("MATCH (:Task {key: '" + BAIYIN_2022 + "#2'})-[:HAS_THEME]->(t:Theme) RETURN t.name AS v"))
                .contains("三医联动", "带量采购");
        // Department names in the responsibility clause do not count: 省中医药管理局 is in almost every clause.
        assertThat(strings("MATCH (:Task {key: '" + GANSU_2022 + "#3'})-[:HAS_THEME]->(t:Theme) RETURN t.name AS v"))
                .doesNotContain("中医药");
        assertThat(count("MATCH (t:Task) WHERE NOT (t)-[:HAS_THEME]->() RETURN count(t)")).isZero();
    }

    @Test
    void linkingIsIdempotentAndFollowsReloads() {
        long implementsAfterLoad = count("MATCH ()-[r:IMPLEMENTS]->() RETURN count(r)");
        long themesAfterLoad = count("MATCH ()-[r:HAS_THEME]->() RETURN count(r)");
        // Every Baiyin task takes up at least one Gansu task, at most policygraph.link.alignment.top (3).
        assertThat(implementsAfterLoad).isBetween(26L, 26L * 3);
        assertThat(count("MATCH (b:Task)-[:IMPLEMENTS]->() RETURN count(DISTINCT b)")).isEqualTo(26);
        // Words every task of the genre says are never the evidence of a link.
        assertThat(strings("MATCH ()-[r:IMPLEMENTS]->() UNWIND r.sharedTerms AS term RETURN DISTINCT term AS v"))
                .isNotEmpty().doesNotContainAnyElementsOf(GenreWords.standard());
        assertThat(count("MATCH (b:Task)-[r:IMPLEMENTS]->(g:Task) WHERE b.docKey = '" + BAIYIN_2022
                + "' AND g.docKey = '" + GANSU_2022 + "' RETURN count(r)")).isEqualTo(implementsAfterLoad);

        assertThat(aligner.alignAll()).isEqualTo(implementsAfterLoad);
        assertThat(themes.tagAll()).isEqualTo(themesAfterLoad);
        load(GANSU, sample(GANSU));
        load(BAIYIN, baiyin2022());
        assertThat(count("MATCH ()-[r:IMPLEMENTS]->() RETURN count(r)")).isEqualTo(implementsAfterLoad);
        assertThat(count("MATCH ()-[r:HAS_THEME]->() RETURN count(r)")).isEqualTo(themesAfterLoad);
        assertThat(count("MATCH (t:Theme) RETURN count(t)")).isEqualTo(ThemeVocabulary.standard().themes().size());

        List<List<Object>> first = rows("""
                MATCH (:Task {key: $task})-[r:IMPLEMENTS {rank: 1}]->(g:Task)
                RETURN g.ordinal AS ordinal, r.score AS score, r.sharedTerms AS terms""", BAIYIN_2022 + "#9");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get(0)).isEqualTo(2L);
        assertThat((Double) first.get(0).get(1)).isBetween(0.0, 1.0);
        assertThat((List<Object>) first.get(0).get(2)).contains("带量采购");
    }

    List<String> strings(String cypher) {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> tx.run(cypher).list(r -> r.get("v").asString()));
        }
    }

    List<List<Object>> rows(String cypher, String task) {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> tx.run(cypher, java.util.Map.of("task", task))
                    .list(r -> r.values().stream().map(v -> v.asObject()).toList()));
        }
    }
}
