package org.policygraph.ingest;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one place that speaks to HanLP (portable 1.8.6, offline dictionaries only): the traditional-to-simplified
 * table, the core dictionary's frequencies and natures, stop words, segmentation and the Aho-Corasick automaton.
 * Everything else in PolicyGraph uses these methods, so the library could be replaced in one class.
 */
public final class ChineseLanguage {

    private static final char FIRST_HAN = '\u4e00';
    private static final char LAST_HAN = '\u9fff';

    private ChineseLanguage() {}

    /** A character of the CJK Unified Ideographs block, where the simplified table applies. */
    public static boolean isHan(char c) {
        return c >= FIRST_HAN && c <= LAST_HAN;
    }

    /** The simplified form of a Han character, or the character itself. */
    public static char simplified(char c) {
        return c >= FIRST_HAN && c <= LAST_HAN ? SimplifiedTable.TABLE[c - FIRST_HAN] : c;
    }

    /** How often the core dictionary saw the word, 0 when it does not know it. */
    public static int termFrequency(String word) {
        return CoreDictionary.getTermFrequency(word);
    }

    /** The reading the core dictionary saw most often: its part-of-speech tag (n, ns, nr …) and how often. */
    public record Reading(String nature, int frequency) {}

    public static Optional<Reading> mostFrequentReading(String word) {
        CoreDictionary.Attribute attribute = CoreDictionary.get(word);
        if (attribute == null || attribute.nature.length == 0) {
            return Optional.empty();
        }
        int most = 0;
        for (int i = 1; i < attribute.nature.length; i++) {
            if (attribute.frequency[i] > attribute.frequency[most]) most = i;
        }
        return Optional.of(new Reading(attribute.nature[most].toString(), attribute.frequency[most]));
    }

    /**
     * Which HanLP (and so which dictionaries and stop words) segments: the location of its classes, whose
     * jar name carries the version ({@code hanlp-portable-1.8.6.jar}).
     */
    public static String library() {
        var source = HanLP.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "unknown" : source.getLocation().toString()
                .replaceAll("[!/]+$", "").replaceAll("^.*/", "");
    }

    public static boolean isStopWord(String word) {
        return CoreStopWordDictionary.contains(word);
    }

    /** A word of a segmented text and its part-of-speech tag. */
    public record Token(String word, String nature) {}

    /** A segmenter without name, place, organisation or number recognition: dictionary words only. */
    public static final class Segmenter {
        /**
         * One configured segment per thread: HanLP's analysis calls keep their state on the stack and its
         * author calls them thread-safe (hankcs/HanLP#732), but one lock around a shared segment made
         * the parallel extraction and linking wait for each other; a segment per thread needs no lock.
         */
        private final ThreadLocal<Segment> segment = ThreadLocal.withInitial(() -> HanLP.newSegment()
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableNumberQuantifierRecognize(false));

        public List<Token> segment(String text) {
            List<Term> terms = segment.get().seg(text);
            List<Token> tokens = new ArrayList<>(terms.size());
            for (Term term : terms) {
                tokens.add(new Token(term.word, term.nature == null ? "" : term.nature.toString()));
            }
            return tokens;
        }
    }

    /** Finds every occurrence of a fixed set of words in a text (HanLP's double-array Aho-Corasick automaton). */
    public static final class WordAutomaton<V> {
        /** One occurrence: [begin, end) in the text and the value stored with the word. */
        public interface Hit<V> {
            void found(int begin, int end, V value);
        }

        private final AhoCorasickDoubleArrayTrie<V> trie = new AhoCorasickDoubleArrayTrie<>();

        public WordAutomaton(TreeMap<String, V> words) {
            trie.build(words);
        }

        public void scan(String text, Hit<V> hit) {
            trie.parseText(text.toCharArray(), (begin, end, value, index) -> hit.found(begin, end, value));
        }
    }

    /** HanLP's traditional-to-simplified mapping, character by character so that offsets are kept. */
    private static final class SimplifiedTable {
        static final char[] TABLE = build();

        private static char[] build() {
            char[] table = new char[LAST_HAN - FIRST_HAN + 1];
            for (int i = 0; i < table.length; i++) {
                char c = (char) (FIRST_HAN + i);
                String converted = HanLP.convertToSimplifiedChinese(String.valueOf(c));
                table[i] = converted.length() == 1 ? converted.charAt(0) : c;
            }
            return table;
        }
    }
}
