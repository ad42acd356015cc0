package org.policygraph.extract.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionNamesTest {

    @Test
    void plainNamesLoseTheirAdministrativeSuffix() {
        assertThat(DivisionNames.shortForms("庆阳市")).containsExactly("庆阳");
        assertThat(DivisionNames.shortForms("凉州区")).containsExactly("凉州");
        assertThat(DivisionNames.shortForms("会宁县")).containsExactly("会宁");
        assertThat(DivisionNames.shortForms("山东省")).containsExactly("山东");
        assertThat(DivisionNames.shortForms("阿拉善盟")).containsExactly("阿拉善");
        assertThat(DivisionNames.shortForms("达拉特旗")).containsExactly("达拉特");
        assertThat(DivisionNames.shortForms("阿里地区")).containsExactly("阿里");
    }

    @Test
    void autonomousPrefecturesGetTheStemAndTheZhouForm() {
        assertThat(DivisionNames.shortForms("甘南藏族自治州")).containsExactlyInAnyOrder("甘南", "甘南州");
        assertThat(DivisionNames.shortForms("临夏回族自治州")).containsExactlyInAnyOrder("临夏", "临夏州");
        assertThat(DivisionNames.shortForms("黔东南苗族侗族自治州")).containsExactlyInAnyOrder("黔东南", "黔东南州");
        assertThat(DivisionNames.shortForms("博尔塔拉蒙古自治州")).containsExactlyInAnyOrder("博尔塔拉", "博尔塔拉州");
    }

    @Test
    void autonomousCountiesDropEveryEthnicGroupWord() {
        assertThat(DivisionNames.shortForms("积石山保安族东乡族撒拉族自治县"))
                .containsExactlyInAnyOrder("积石山", "积石山县");
        assertThat(DivisionNames.shortForms("东乡族自治县")).containsExactlyInAnyOrder("东乡", "东乡县");
        assertThat(DivisionNames.shortForms("龙胜各族自治县")).containsExactlyInAnyOrder("龙胜", "龙胜县");
        assertThat(DivisionNames.shortForms("鄂温克族自治旗")).containsExactlyInAnyOrder("鄂温克", "鄂温克旗");
    }

    @Test
    void autonomousRegionsKeepOnlyTheStem() {
        assertThat(DivisionNames.shortForms("新疆维吾尔自治区")).containsExactly("新疆");
        assertThat(DivisionNames.shortForms("广西壮族自治区")).containsExactly("广西");
        assertThat(DivisionNames.shortForms("内蒙古自治区")).containsExactly("内蒙古");
        assertThat(DivisionNames.shortForms("宁夏回族自治区")).containsExactly("宁夏");
        assertThat(DivisionNames.shortForms("西藏自治区")).containsExactly("西藏");
    }

    @Test
    void oneCharacterStemsAreNeverGenerated() {
        assertThat(DivisionNames.shortForms("成县")).isEmpty();
        assertThat(DivisionNames.shortForms("岷县")).isEmpty();
        assertThat(DivisionNames.shortForms("城区")).isEmpty();
    }

    @Test
    void twoCharacterSuffixesFallBackWhenTheStemWouldBeTooShort() {
        assertThat(DivisionNames.shortForms("浦东新区")).containsExactly("浦东");
        assertThat(DivisionNames.shortForms("神农架林区")).containsExactly("神农架");
        assertThat(DivisionNames.shortForms("碑林区")).containsExactly("碑林");
        assertThat(DivisionNames.shortForms("清新区")).containsExactly("清新");
    }

    /** The groups come from reference/ethnic-groups.tsv (GB/T 3304): all 56, each once. */
    @Test
    void theFiftySixEthnicGroupsAreReadFromTheTable() {
        assertThat(DivisionNames.ETHNIC_GROUPS).hasSize(56).doesNotHaveDuplicates()
                .startsWith("汉", "蒙古").endsWith("基诺").contains("保安", "东乡", "撒拉");
    }
}
