package org.policygraph.link;

import java.util.HashSet;
import java.util.Set;
import org.policygraph.reference.ReferenceTables;

/** The words of reference/genre-words.tsv: said by every task of the genre, so shared by no two in particular. */
final class GenreWords {

    static final String TABLE = "/reference/genre-words.tsv";

    private static final class Standard {
        static final Set<String> WORDS = read();
    }

    private GenreWords() {}

    static Set<String> standard() {
        return Standard.WORDS;
    }

    private static Set<String> read() {
        Set<String> words = new HashSet<>();
        for (String[] row : ReferenceTables.read(TABLE, 1)) {
            words.add(row[0]);
        }
        return Set.copyOf(words);
    }
}
