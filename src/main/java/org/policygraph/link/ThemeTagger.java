package org.policygraph.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.policygraph.graph.LinkStore;
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

    private final LinkStore store;
    private final ThemeVocabulary vocabulary = ThemeVocabulary.standard();

    ThemeTagger(LinkStore store) {
        this.store = store;
    }

    /** Re-tags every loaded document; returns the number of HAS_THEME written. */
    public int tagAll() {
        return write(store.loadedDocuments().documents().stream().map(LinkStore.DocumentInfo::key).toList());
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
        List<LinkStore.HasTheme> rows = new ArrayList<>();
        for (LinkStore.TaskRow task : store.tasks(documentKeys)) {
            for (Tag tag : tags(TaskText.of(task))) {
                rows.add(new LinkStore.HasTheme(tag.taskKey(), tag.theme(), tag.terms(), tag.start(), tag.end()));
            }
        }
        List<LinkStore.Theme> themes = vocabulary.themes().stream()
                .map(t -> new LinkStore.Theme(t.name(), t.description())).toList();
        store.replaceThemes(documentKeys, themes, rows);
        return rows.size();
    }
}
