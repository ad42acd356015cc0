package org.policygraph.link;

import org.policygraph.ingest.ChineseLanguage;
import org.policygraph.ingest.ChineseLanguage.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The only class of this package that talks to HanLP: plain dictionary segmentation (every
 * recognizer off, so that place and organisation names stay split into their words) with HanLP's
 * core stopwords, the genre's own words ({@link GenreWords}: 推进, 加强, 机制, 医院 …), punctuation and
 * figures removed.
 */
final class Segmenter {

    /** Single characters carry little meaning on their own in these texts (省, 市, 等, 年). */
    private static final int MIN_WORD_LENGTH = 2;
    /** Changes whenever {@link #words} would split or filter a text differently (a saved term index is then stale). */
    private static final int RULES_VERSION = 1;

    private final ChineseLanguage.Segmenter segmenter = new ChineseLanguage.Segmenter();
    private final Set<String> genreWords = GenreWords.standard();

    /**
     * What decides the words of a text: the rules' version, the HanLP library (dictionaries, stop words),
     * the shortest word kept, the genre words.
     */
    String rules() {
        return RULES_VERSION + "/" + ChineseLanguage.library() + "/" + MIN_WORD_LENGTH + "/"
                + String.join(",", new TreeSet<>(genreWords));
    }

    /** Content words of the text, in order, repeats kept. */
    List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Token> tokens = segmenter.segment(text);
        List<String> words = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            String word = token.word().strip();
            if (word.length() < MIN_WORD_LENGTH || isFigureOrPunctuation(token) || ChineseLanguage.isStopWord(word)
                    || genreWords.contains(word)) {
                continue;
            }
            words.add(word);
        }
        return words;
    }

    private static boolean isFigureOrPunctuation(Token token) {
        String nature = token.nature();
        return nature.startsWith("w") || nature.startsWith("m") || nature.startsWith("q")
                || token.word().chars().noneMatch(Character::isLetter);
    }
}
