package org.policygraph.graph.query;

import java.util.List;
import org.policygraph.extract.region.LevelWords;
import org.springframework.stereotype.Component;

/**
 * Translates a {@link TaskWhere} into the MATCH and WHERE of a statement binding {@code t} to each task,
 * from the table of filters {@link TaskFilter}.
 */
@Component
class TaskFilters {

    /** Name of {@code d} with the function {@code $name} removed from its end is a level prefix or d's region. */
    static String function(String name) {
        String prefix = "substring(d.name, 0, size(d.name) - size($" + name + "))";
        return "(d.name = $" + name + " OR (d.name ENDS WITH $" + name + " AND (" + prefix + " IN $levelPrefixes"
                + " OR EXISTS { MATCH (d)-[:OF_REGION]->(own:Region)"
                + " WHERE " + prefix + " IN [own.name, left(own.name, size(own.name) - 1)] })))";
    }

    /** The {@code $levelPrefixes} of {@link #function}: the level words of reference/level-words.tsv. */
    static final List<String> LEVEL_PREFIXES = LevelWords.levelWords();

    private final RegionNames regionNames;

    TaskFilters(RegionNames regionNames) {
        this.regionNames = regionNames;
    }

    /**
     * Where a task list starts, and the filter that start covers (so that the WHERE need not test it
     * again), or null.
     */
    record Start(String match, TaskFilter covers) {
        static final Start EVERY_TASK = new Start("MATCH (t:Task)", null);
    }

    /**
     * Where the statement starts: from the anchor of lowest rank among the filters given (see
     * {@link TaskFilter.Anchor}), so that the cost follows the size of the answer, not of the graph; the
     * WHERE of {@link #filter} checks every other filter. Every task only without any anchored filter.
     */
    Start start(TaskWhere where) {
        TaskFilter best = null;
        TaskFilter.Anchor anchor = null;
        for (TaskFilter filter : TaskFilter.values()) {
            TaskFilter.Anchor candidate = filter.isSet(where) ? filter.anchor(where) : null;
            if (candidate != null && (anchor == null || candidate.rank() < anchor.rank())) {
                best = filter;
                anchor = candidate;
            }
        }
        return anchor == null ? Start.EVERY_TASK : new Start(anchor.match(), anchor.covers() ? best : null);
    }

    /** The WHERE of a task list that starts at {@code start}: every filter set but the one the start covers. */
    Filter filter(TaskWhere where, Start start) {
        return where(where, start, regionNames);
    }

    static Filter where(TaskWhere where, Start start, RegionNames names) {
        Filter filter = new Filter();
        for (TaskFilter f : TaskFilter.values()) {
            if (f.isSet(where)) {
                String condition = f.condition(where, filter, names, f == start.covers());
                if (condition != null) {
                    filter.when(true, condition);
                }
            }
        }
        return filter;
    }

    /** A Lucene phrase query for the text: the words in this order, special characters taken literally. */
    static String phrase(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
