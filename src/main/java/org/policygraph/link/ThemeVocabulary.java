package org.policygraph.link;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.policygraph.reference.ReferenceTables;

/** The reform themes of reference/themes.tsv with their trigger terms. */
public final class ThemeVocabulary {

    static final String TABLE = "/reference/themes.tsv";

    public record Theme(String name, String description, List<String> triggers) {}

    /**
     * A theme found in a text.
     *
     * @param terms distinct trigger terms found, in order of first occurrence
     * @param start offset of the first trigger occurrence in the text searched
     * @param end end of that occurrence
     */
    record Match(Theme theme, List<String> terms, int start, int end) {}

    private static final class Standard {
        static final ThemeVocabulary INSTANCE = new ThemeVocabulary(read());
    }

    private final List<Theme> themes;

    ThemeVocabulary(List<Theme> themes) {
        this.themes = List.copyOf(themes);
    }

    public static ThemeVocabulary standard() {
        return Standard.INSTANCE;
    }

    public List<Theme> themes() {
        return themes;
    }

    /** Every trigger term of every theme: the domain lexicon of the aligner. */
    Set<String> allTriggers() {
        Set<String> all = new LinkedHashSet<>();
        themes.forEach(theme -> all.addAll(theme.triggers()));
        return all;
    }

    /** Themes whose triggers occur in the text; a trigger inside a longer trigger found at the same place still counts. */
    List<Match> find(String text) {
        List<Match> matches = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return matches;
        }
        for (Theme theme : themes) {
            List<int[]> hits = new ArrayList<>();
            List<String> terms = new ArrayList<>();
            for (String trigger : theme.triggers()) {
                int at = text.indexOf(trigger);
                if (at >= 0) {
                    hits.add(new int[] {at, at + trigger.length()});
                    terms.add(trigger);
                }
            }
            if (hits.isEmpty()) {
                continue;
            }
            int first = 0;
            for (int i = 1; i < hits.size(); i++) {
                if (hits.get(i)[0] < hits.get(first)[0]) {
                    first = i;
                }
            }
            List<String> ordered = new ArrayList<>(terms);
            ordered.sort((a, b) -> Integer.compare(text.indexOf(a), text.indexOf(b)));
            matches.add(new Match(theme, ordered, hits.get(first)[0], hits.get(first)[1]));
        }
        return matches;
    }

    private static List<Theme> read() {
        List<Theme> themes = new ArrayList<>();
        for (String[] row : ReferenceTables.read(TABLE, 3)) {
            themes.add(new Theme(row[0], row[1], ReferenceTables.values(row[2])));
        }
        return themes;
    }
}
