package org.policygraph.extract.region;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;

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
        CoreDictionary.Attribute attribute = CoreDictionary.get(word);
        if (attribute == null || attribute.nature.length == 0) {
            return false;
        }
        int mostFrequent = 0;
        for (int i = 1; i < attribute.nature.length; i++) {
            if (attribute.frequency[i] > attribute.frequency[mostFrequent]) {
                mostFrequent = i;
            }
        }
        return attribute.frequency[mostFrequent] >= MIN_COMMON_READING_FREQUENCY
                && !isProperNoun(attribute.nature[mostFrequent]);
    }

    private static boolean isProperNoun(Nature nature) {
        String tag = nature.toString();
        for (String prefix : PROPER_NOUN_NATURE_PREFIXES) {
            if (tag.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
