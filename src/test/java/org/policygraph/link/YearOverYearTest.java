package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Gansu 2022 against a 2023 variant composed here: one task dropped, one added, one target raised. */
class YearOverYearTest extends LinkTestSupport {

    static final String GANSU_2023 = "甘政办发〔2023〕51号";
    static final String COVID_TASK_PREFIX = "  (十九)做好新冠肺炎疫情防控。";
    static final String BLOOD_SAFETY_TASK = "  (十九)加强血液安全管理。完善采供血机构布局,推进血站核酸检测全覆盖,"
            + "规范献血者招募和献血服务,开展无偿献血宣传动员,保障临床用血安全。(省卫生健康委、省红十字会等部门按职责分工负责)";

    @Autowired
    YearOverYear yearOverYear;

    /** The 2022 sample as a 2023 document: new number and year, task 19 replaced, 350 raised to 450. */
    static String gansu2023() {
        String text = sample(GANSU).replace("〔2022〕84号", "〔2023〕51号").replace("2022", "2023")
                .replace("超过350个", "超过450个");
        List<String> lines = text.lines().map(line -> line.startsWith(COVID_TASK_PREFIX) ? BLOOD_SAFETY_TASK : line).toList();
        assertThat(lines).contains(BLOOD_SAFETY_TASK);
        return String.join("\n", lines) + "\n";
    }

    @BeforeEach
    void twoYears() {
        clearDocuments();
        load(GANSU, sample(GANSU));
        assertThat(load("gansu-2023-composed", gansu2023())).isEqualTo(GANSU_2023);
    }

    @Test
    void tasksKeptAddedAndDropped() {
        YearOverYear.Comparison comparison = yearOverYear.compare("620000", "PROVINCE", 2022, 2023);

        assertThat(comparison.fromDocuments()).containsExactly(GANSU_2022);
        assertThat(comparison.toDocuments()).containsExactly(GANSU_2023);
        assertThat(comparison.dropped()).extracting(YearOverYear.TaskRef::title).containsExactly("做好新冠肺炎疫情防控");
        assertThat(comparison.added()).extracting(YearOverYear.TaskRef::title).containsExactly("加强血液安全管理");
        assertThat(comparison.kept()).hasSize(22)
                .allSatisfy(kept -> assertThat(kept.from().ordinal()).isEqualTo(kept.to().ordinal()));
    }

    @Test
    void procurementTargetTightened() {
        YearOverYear.Comparison comparison = yearOverYear.compare("620000", "PROVINCE", 2022, 2023);

        assertThat(comparison.indicators()).filteredOn(c -> c.change() != YearOverYear.Change.UNCHANGED)
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.fromKey()).startsWith(GANSU_2022 + "#2#i");
                    assertThat(change.toKey()).startsWith(GANSU_2023 + "#2#i");
                    assertThat(change.fromValue()).isEqualTo(350.0);
                    assertThat(change.toValue()).isEqualTo(450.0);
                    assertThat(change.comparator()).isEqualTo(">");
                    assertThat(change.change()).isEqualTo(YearOverYear.Change.TIGHTENED);
                });
        assertThat(comparison.indicators()).allSatisfy(c -> assertThat(c.unit()).isNotNull());
        assertThat(comparison.indicators()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void aYearWithoutDocumentsGivesAnEmptyComparison() {
        YearOverYear.Comparison comparison = yearOverYear.compare("620000", "PROVINCE", 2020, 2021);
        assertThat(comparison.fromDocuments()).isEmpty();
        assertThat(comparison.kept()).isEmpty();
        assertThat(comparison.added()).isEmpty();
        assertThat(comparison.indicators()).isEmpty();
    }

    @Test
    void directionFollowsTheComparator() {
        assertThat(YearOverYear.change(">", 350, 450)).isEqualTo(YearOverYear.Change.TIGHTENED);
        assertThat(YearOverYear.change(">=", 40, 30)).isEqualTo(YearOverYear.Change.LOOSENED);
        assertThat(YearOverYear.change("<=", 30, 25)).isEqualTo(YearOverYear.Change.TIGHTENED);
        assertThat(YearOverYear.change("<", 25, 30)).isEqualTo(YearOverYear.Change.LOOSENED);
        assertThat(YearOverYear.change("=", 1, 2)).isEqualTo(YearOverYear.Change.CHANGED);
        assertThat(YearOverYear.change("=", 100, 100)).isEqualTo(YearOverYear.Change.UNCHANGED);
    }
}
