package org.policygraph.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tags tasks with the reform themes of reference/themes.tsv:
 * {@code (Task)-[:HAS_THEME {terms, start, end}]->(:Theme {name, description})}. {@code terms} are
 * the trigger terms found (first occurrence first); {@code start}/{@code end} are the offsets of the
 * first of them in the document's decoded input (null when they cannot be placed in the input).
 * Only the task text before its responsibility clause is searched; the text begins with the title.
 * Re-tagging deletes the document's HAS_THEME first, so it is idempotent.
 */
@Component
public class ThemeTagger {

    /** One HAS_THEME relationship. */
    public record Tag(String taskKey, String theme, List<String> terms, Integer start, Integer end) {}

    private static final String DELETE = """
            MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[r:HAS_THEME]->(:Theme) WHERE d.key IN $docKeys
            DELETE r
            """;

    private static final String MERGE_THEMES = """
            UNWIND $themes AS theme
            MERGE (n:Theme {name: theme.name})
            SET n.description = theme.description
            """;

    private static final String CREATE = """
            UNWIND $rows AS row
            MATCH (t:Task {key: row.taskKey}), (theme:Theme {name: row.theme})
            CREATE (t)-[:HAS_THEME {terms: row.terms, start: row.start, end: row.end}]->(theme)
            """;

    private final LinkGraph graph;
    private final ThemeVocabulary vocabulary = ThemeVocabulary.standard();

    ThemeTagger(LinkGraph graph) {
        this.graph = graph;
    }

    /** Re-tags every loaded document; returns the number of HAS_THEME written. */
    public int tagAll() {
        return write(LinkGraph.keys(graph.documents()));
    }

    /** Re-tags one document; returns the number of HAS_THEME written. */
    public int tag(String documentKey) {
        return write(List.of(documentKey));
    }

    /** Re-tags these documents in one transaction; returns the number of HAS_THEME written. */
    public int tag(Collection<String> documentKeys) {
        return write(List.copyOf(documentKeys));
    }

    /** The themes of one task. */
    List<Tag> tags(TaskText task) {
        List<Tag> tags = new ArrayList<>();
        String content = task.content();
        for (ThemeVocabulary.Match match : vocabulary.find(content)) {
            String first = match.terms().get(0);
            Integer start = task.offsetOf(first, match.start());
            Integer end = start == null ? null : start + first.length();
            tags.add(new Tag(task.key(), match.theme().name(), match.terms(), start, end));
        }
        return tags;
    }

    private int write(List<String> documentKeys) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaskText task : graph.tasks(documentKeys)) {
            for (Tag tag : tags(task)) {
                Map<String, Object> row = new HashMap<>();
                row.put("taskKey", tag.taskKey());
                row.put("theme", tag.theme());
                row.put("terms", tag.terms());
                row.put("start", tag.start());
                row.put("end", tag.end());
                rows.add(row);
            }
        }
        List<Map<String, Object>> themes = vocabulary.themes().stream()
                .map(t -> Map.<String, Object>of("name", t.name(), "description", t.description()))
                .toList();
        graph.sessions().write(tx -> {
            tx.run(DELETE, Map.of("docKeys", documentKeys));
            tx.run(MERGE_THEMES, Map.of("themes", themes));
            if (!rows.isEmpty()) {
                tx.run(CREATE, Map.of("rows", rows));
            }
        });
        return rows.size();
    }
}
