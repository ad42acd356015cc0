package org.policygraph.extract.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policygraph.extract.Extraction.Level;

class LevelWordsTest {

    /** Exactly the list application.yml held as policygraph.graphql.department-level-prefixes. */
    @Test
    void theLevelWordsAreTheElevenTheApiMatchedBefore() {
        assertThat(LevelWords.levelWords()).containsExactlyInAnyOrder(
                "国家", "省", "市", "州", "盟", "县", "区", "旗", "自治区", "自治州", "自治县");
    }

    /** The seventeen DepartmentFunctions stripped before, longest first so that 自治州 wins over 州. */
    @Test
    void departmentPrefixesAddTheCollectiveOnesLongestFirst() {
        assertThat(LevelWords.departmentPrefixes()).hasSize(17)
                .contains("国务院", "地方", "县市区", "县区", "市州", "各")
                .doesNotContain("中央", "全国");
        assertThat(LevelWords.departmentPrefixes().indexOf("自治州")).isLessThan(LevelWords.departmentPrefixes().indexOf("州"));
        assertThat(LevelWords.departmentPrefixes().indexOf("县市区")).isLessThan(LevelWords.departmentPrefixes().indexOf("县区"));
    }

    /** The words pilots, titles and questions state a level with, as they were parsed before. */
    @Test
    void statedWordsNameTheirLevel() {
        assertThat(LevelWords.levelOf("国家级")).contains(Level.NATIONAL);
        assertThat(LevelWords.levelOf("中央")).contains(Level.NATIONAL);
        assertThat(LevelWords.levelOf("全国")).contains(Level.NATIONAL);
        assertThat(LevelWords.levelOf("全省")).contains(Level.PROVINCE);
        assertThat(LevelWords.levelOf("自治区级")).contains(Level.PROVINCE);
        assertThat(LevelWords.levelOf("州级")).contains(Level.CITY);
        assertThat(LevelWords.levelOf("全市")).contains(Level.CITY);
        assertThat(LevelWords.levelOf("区级")).contains(Level.COUNTY);
        assertThat(LevelWords.levelOf("全县")).contains(Level.COUNTY);
        assertThat(LevelWords.levelOf("各")).isEmpty();
        assertThat(LevelWords.levelOf("乡")).isEmpty();
    }
}
