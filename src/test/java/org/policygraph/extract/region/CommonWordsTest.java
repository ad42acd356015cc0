package org.policygraph.extract.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonWordsTest {

    @Test
    void frequentOrdinaryWordsAreCommon() {
        assertThat(CommonWords.isCommonWord("通道")).isTrue();
        assertThat(CommonWords.isCommonWord("和平")).isTrue();
        assertThat(CommonWords.isCommonWord("合作")).isTrue();
    }

    @Test
    void placeNamesPersonNamesAndOnceSeenWordsAreNot() {
        assertThat(CommonWords.isCommonWord("城关")).isFalse(); // ns 4, n 1
        assertThat(CommonWords.isCommonWord("南阳")).isFalse(); // nr 4, ns 3
        assertThat(CommonWords.isCommonWord("西峰")).isFalse(); // n 1
        assertThat(CommonWords.isCommonWord("永靖")).isFalse(); // not in the dictionary
        assertThat(CommonWords.isCommonWord("公安局")).isFalse(); // only two-character words are checked
    }
}
