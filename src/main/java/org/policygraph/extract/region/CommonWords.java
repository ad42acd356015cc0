package org.policygraph.extract.region;

import org.policygraph.ingest.ChineseLanguage;

/**
 * Decides whether a two-character short form is better read as an ordinary word (通道, 和平, 合作)
 * than as a place name, using HanLP's core dictionary rather than a hand list.
 */
final class CommonWords {

    static final int CHECKED_LENGTH = 2;

    /**
     * The portable (mini) core dictionary holds many place names seen once and tagged n (西峰 n 1,
     * 吴忠 n 1, 鹤壁 n 1); one occurrence is no evidence of an ordinary-word reading.
     */
    static final int MIN_COMMON_READING_FREQUENCY = 2;

    /** Proper-noun natures: person (nr…), place (ns…), organisation (nt…) and other proper names (nz…). */
    private static final String[] PROPER_NOUN_NATURE_PREFIXES = {"nr", "ns", "nt", "nz"};

    private CommonWords() {}

    /**
     * True when the word's most frequent nature in the core dictionary is an ordinary-word nature (not
     * a proper-noun one) seen at least {@link #MIN_COMMON_READING_FREQUENCY} times. 和平 (n 372 … ns 1)
     * and 通道 (n 23) are common words; 城关 (ns 4, n 1), 南阳 (nr 4, ns 3) and 西峰 (n 1) are not.
     */
    static boolean isCommonWord(String word) {
        if (word.length() != CHECKED_LENGTH) {
            return false;
        }
        return ChineseLanguage.mostFrequentReading(word)
                .filter(reading -> reading.frequency() >= MIN_COMMON_READING_FREQUENCY && !isProperNoun(reading.nature()))
                .isPresent();
    }

    private static boolean isProperNoun(String tag) {
        for (String prefix : PROPER_NOUN_NATURE_PREFIXES) {
            if (tag.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
