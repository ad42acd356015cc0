package org.policygraph.link;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * The only class of this package that talks to HanLP: plain dictionary segmentation (every
 * recognizer off, so that place and organisation names stay split into their words) with HanLP's
 * core stopwords, punctuation and figures removed.
 */
final class Segmenter {

    /** Single characters carry little meaning on their own in these texts (省, 市, 等, 年). */
    private static final int MIN_WORD_LENGTH = 2;

    private final Segment segment = HanLP.newSegment()
            .enableNameRecognize(false)
            .enableTranslatedNameRecognize(false)
            .enableJapaneseNameRecognize(false)
            .enablePlaceRecognize(false)
            .enableOrganizationRecognize(false)
            .enableNumberQuantifierRecognize(false);

    /** Content words of the text, in order, repeats kept. */
    List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Term> terms;
        synchronized (segment) {
            terms = segment.seg(text);
        }
        List<String> words = new ArrayList<>(terms.size());
        for (Term term : terms) {
            String word = term.word.strip();
            if (word.length() < MIN_WORD_LENGTH || isFigureOrPunctuation(term) || CoreStopWordDictionary.contains(word)) {
                continue;
            }
            words.add(word);
        }
        return words;
    }

    private static boolean isFigureOrPunctuation(Term term) {
        String nature = term.nature == null ? "" : term.nature.toString();
        return nature.startsWith("w") || nature.startsWith("m") || nature.startsWith("q")
                || term.word.chars().noneMatch(Character::isLetter);
    }
}
