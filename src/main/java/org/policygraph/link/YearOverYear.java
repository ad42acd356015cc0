package org.policygraph.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.policygraph.graph.LinkStore;
import org.springframework.stereotype.Component;

/**
 * What changed between one issuer's documents of two years: the same region code and level, e.g.
 * Gansu's provincial key-task lists of 2022 and 2023.
 *
 * <p>Tasks are paired one-to-one, best similarity first ({@link TermVectors} over the tasks of both
 * years), while the similarity reaches {@code policygraph.link.year-over-year.kept-threshold}; paired
 * tasks are kept, the rest of the earlier year dropped and the rest of the later year added.
 * Indicators are paired the same way when they have the same unit and their subjects reach
 * {@code subject-threshold}; a changed value is tightened when it moved in the direction the
 * comparator sets as the target (up for &gt; and &gt;=, down for &lt; and &lt;=) and loosened when it
 * moved against it. For = and ~ no direction is stated, so the change is just CHANGED.
 */
@Component
public class YearOverYear {

    /** A task of one of the years. */
    public record TaskRef(String key, int ordinal, String title) {}

    /** A task of the earlier year continued by one of the later year. */
    public record KeptTask(TaskRef from, TaskRef to, double score) {}

    public enum Change { UNCHANGED, TIGHTENED, LOOSENED, CHANGED }

    /** An indicator of the earlier year and its counterpart of the later year. */
    public record IndicatorChange(String fromKey, String toKey, String fromSubject, String toSubject, String unit,
            String comparator, double fromValue, double toValue, Change change) {}

    /**
     * The comparison. When a year has no document of that issuer its list of documents is empty and
     * so are the tasks kept, added and dropped and the indicator changes: there is nothing to compare.
     *
     * @param fromDocuments keys of the documents of the earlier year
     * @param toDocuments keys of the documents of the later year
     */
    public record Comparison(String regionCode, String level, int fromYear, int toYear,
            List<String> fromDocuments, List<String> toDocuments,
            List<KeptTask> kept, List<TaskRef> added, List<TaskRef> dropped, List<IndicatorChange> indicators) {}

    private final LinkStore store;
    private final TaskTerms terms;
    private final LinkProperties.YearOverYear settings;

    YearOverYear(LinkStore store, TaskTerms terms, LinkProperties properties) {
        this.store = store;
        this.terms = terms;
        this.settings = properties.yearOverYear();
    }

    /**
     * @param issuerRegionCode region code of the issuer's documents (null for national documents)
     * @param level an {@code Extraction.Level} name: NATIONAL, PROVINCE, CITY or COUNTY
     */
    public Comparison compare(String issuerRegionCode, String level, int fromYear, int toYear) {
        List<LinkStore.DocumentInfo> documents = store.documentsOf(issuerRegionCode, level, List.of(fromYear, toYear));
        List<String> from = keysOf(documents, fromYear);
        List<String> to = keysOf(documents, toYear);
        if (from.isEmpty() || to.isEmpty()) {
            // Nothing to compare with: no task was added or dropped, a year is missing.
            return new Comparison(issuerRegionCode, level, fromYear, toYear, from, to, List.of(), List.of(), List.of(),
                    List.of());
        }
        List<TaskText> fromTasks = store.tasks(from).stream().map(TaskText::of).toList();
        List<TaskText> toTasks = store.tasks(to).stream().map(TaskText::of).toList();
        List<TaskText> both = new ArrayList<>(fromTasks);
        both.addAll(toTasks);
        TermVectors vectors = terms.vectors(both);

        record Pair(TaskText from, TaskText to, double score) {}
        List<Pair> pairs = new ArrayList<>();
        for (TaskText a : fromTasks) {
            for (TaskText b : toTasks) {
                double score = vectors.score(a.key(), b.key());
                if (score >= settings.keptThreshold()) {
                    pairs.add(new Pair(a, b, score));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed()
                .thenComparingInt(p -> p.from().ordinal()).thenComparingInt(p -> p.to().ordinal()));
        Set<String> paired = new HashSet<>();
        List<KeptTask> kept = new ArrayList<>();
        for (Pair pair : pairs) {
            if (!paired.contains(pair.from().key()) && !paired.contains(pair.to().key())) {
                paired.add(pair.from().key());
                paired.add(pair.to().key());
                kept.add(new KeptTask(ref(pair.from()), ref(pair.to()), pair.score()));
            }
        }
        kept.sort(Comparator.comparingInt(k -> k.from().ordinal()));
        List<TaskRef> dropped = fromTasks.stream().filter(t -> !paired.contains(t.key())).map(YearOverYear::ref).toList();
        List<TaskRef> added = toTasks.stream().filter(t -> !paired.contains(t.key())).map(YearOverYear::ref).toList();
        return new Comparison(issuerRegionCode, level, fromYear, toYear, from, to, kept, added, dropped,
                indicatorChanges(store.indicators(from), store.indicators(to)));
    }

    private List<IndicatorChange> indicatorChanges(List<LinkStore.IndicatorRow> from, List<LinkStore.IndicatorRow> to) {
        Segmenter segmenter = terms.segmenter();
        record Pair(LinkStore.IndicatorRow from, LinkStore.IndicatorRow to, double score) {}
        List<Pair> pairs = new ArrayList<>();
        for (LinkStore.IndicatorRow a : from) {
            for (LinkStore.IndicatorRow b : to) {
                if (!Objects.equals(a.unit(), b.unit())) {
                    continue;
                }
                double score = dice(segmenter.words(a.subject()), segmenter.words(b.subject()));
                if (score >= settings.subjectThreshold()) {
                    pairs.add(new Pair(a, b, score));
                }
            }
        }
        // Best subject match first; among equals the one with the closer value, so 100% pairs with 100%.
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed()
                .thenComparingDouble(p -> Math.abs(p.from().value() - p.to().value()))
                .thenComparing(p -> p.from().key()).thenComparing(p -> p.to().key()));
        Set<String> paired = new HashSet<>();
        List<IndicatorChange> changes = new ArrayList<>();
        for (Pair pair : pairs) {
            if (paired.contains(pair.from().key()) || paired.contains(pair.to().key())) {
                continue;
            }
            paired.add(pair.from().key());
            paired.add(pair.to().key());
            LinkStore.IndicatorRow a = pair.from();
            LinkStore.IndicatorRow b = pair.to();
            String comparator = b.comparator() != null ? b.comparator() : a.comparator();
            changes.add(new IndicatorChange(a.key(), b.key(), a.subject(), b.subject(), b.unit(), comparator,
                    a.value(), b.value(), change(comparator, a.value(), b.value())));
        }
        changes.sort(Comparator.comparing(IndicatorChange::fromKey));
        return changes;
    }

    static Change change(String comparator, double from, double to) {
        if (Double.compare(from, to) == 0) {
            return Change.UNCHANGED;
        }
        int target = comparator == null ? 0 : switch (comparator) {
            case ">", ">=" -> 1;
            case "<", "<=" -> -1;
            default -> 0;
        };
        if (target == 0) {
            return Change.CHANGED;
        }
        return Integer.signum(Double.compare(to, from)) == target ? Change.TIGHTENED : Change.LOOSENED;
    }

    /** Dice coefficient of the two word sets. */
    private static double dice(List<String> a, List<String> b) {
        Set<String> left = new LinkedHashSet<>(a);
        Set<String> right = new LinkedHashSet<>(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String word : left) {
            common += right.contains(word) ? 1 : 0;
        }
        return 2.0 * common / (left.size() + right.size());
    }

    private static List<String> keysOf(List<LinkStore.DocumentInfo> documents, int year) {
        return documents.stream()
                .filter(d -> d.year() != null && d.year() == year)
                .map(LinkStore.DocumentInfo::key)
                .toList();
    }

    private static TaskRef ref(TaskText task) {
        return new TaskRef(task.key(), task.ordinal(), task.title());
    }
}
