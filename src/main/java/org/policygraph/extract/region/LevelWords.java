package org.policygraph.extract.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.reference.ReferenceTables;

/**
 * The words of reference/level-words.tsv that name an administrative level (省, 自治州, 县 …) or stand
 * before a department's function (各, 地方, 国务院): the one place that knows which word means which level.
 */
public final class LevelWords {

    static final String TABLE = "/reference/level-words.tsv";

    /** What a word is used for; see the table's header. */
    enum Kind { LEVEL, PREFIX, STATED }

    private record Word(String text, Level level, Kind kind) {}

    private static final String NO_LEVEL = "-";
    /** 全省, 全县: the whole of a level's territory. */
    private static final String WHOLE = "全";
    /** 省级, 县级: of that level. */
    private static final String OF_LEVEL = "级";

    private static final class Cached {
        static final List<Word> WORDS = readTable();
    }

    private LevelWords() {}

    /** The level words proper (国家, 省, 自治区, 市 … 自治县), longest first. */
    public static List<String> levelWords() {
        return texts(List.of(Kind.LEVEL));
    }

    /** Every prefix a department name may start with before its function, longest first (自治州 before 州). */
    public static List<String> departmentPrefixes() {
        return texts(List.of(Kind.LEVEL, Kind.PREFIX));
    }

    /**
     * The level a word names: a word of the table (省, 自治州, 全国), or one with 全 before or 级 after it
     * (全省, 县级, 国家级). Empty for other words and for words that name no single level (各, 县区).
     */
    public static Optional<Level> levelOf(String word) {
        Optional<Level> exact = exactLevelOf(word);
        if (exact.isPresent()) {
            return exact;
        }
        String stem = word.startsWith(WHOLE) ? word.substring(WHOLE.length()) : word;
        stem = stem.endsWith(OF_LEVEL) ? stem.substring(0, stem.length() - OF_LEVEL.length()) : stem;
        return exactLevelOf(stem);
    }

    private static Optional<Level> exactLevelOf(String word) {
        return Cached.WORDS.stream().filter(w -> w.text().equals(word) && w.level() != null).map(Word::level).findFirst();
    }

    private static List<String> texts(List<Kind> kinds) {
        return Cached.WORDS.stream()
                .filter(word -> kinds.contains(word.kind()))
                .map(Word::text)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    private static List<Word> readTable() {
        List<Word> words = new ArrayList<>();
        java.util.Set<String> seen = new HashSet<>();
        for (String[] row : ReferenceTables.read(TABLE, 3)) {
            Level level = row[1].equals(NO_LEVEL) ? null : Level.valueOf(row[1]);
            Word word = new Word(row[0], level, Kind.valueOf(row[2].toUpperCase(Locale.ROOT)));
            if (!seen.add(word.text())) {
                throw new IllegalStateException(TABLE + ": " + word.text() + " listed twice");
            }
            words.add(word);
        }
        return List.copyOf(words);
    }
}
