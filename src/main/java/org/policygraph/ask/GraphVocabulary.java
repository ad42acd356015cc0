package org.policygraph.ask;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.policygraph.extract.DepartmentFunctions;
import org.policygraph.graph.DocumentsLoaded;
import org.policygraph.graph.GraphNames;
import org.policygraph.link.ThemeVocabulary;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The vocabulary questions are read against, taken from the graph itself and kept until the next
 * document is loaded.
 */
@Component
public class GraphVocabulary {

    /** Shorter aliases (财政, 民政) are ordinary words in a question, not department names. */
    private static final int MIN_FUNCTION_WORD = 3;

    private final GraphNames graphNames;
    private final AtomicReference<Vocabulary> current = new AtomicReference<>();

    GraphVocabulary(GraphNames graphNames) {
        this.graphNames = graphNames;
    }

    public Vocabulary current() {
        Vocabulary vocabulary = current.get();
        if (vocabulary == null) {
            vocabulary = read();
            current.set(vocabulary);
        }
        return vocabulary;
    }

    @EventListener
    void documentsLoaded(DocumentsLoaded loaded) {
        current.set(null);
    }

    private Vocabulary read() {
        GraphNames.Names names = graphNames.read();
        Map<String, List<String>> forms = new LinkedHashMap<>();
        for (String department : names.departments()) {
            forms.put(department, DepartmentFunctions.standard().otherForms(department));
        }
        List<Vocabulary.Institution> institutions = names.institutions().stream()
                .map(i -> new Vocabulary.Institution(i.name(), i.regionCode())).toList();
        return new Vocabulary(forms, institutions, names.documentRegionCodes(),
                departmentsByFunctionWord(names.departments()), themeTerms(), themeNames());
    }

    /** Words of a function without level or region (卫健委, 发改委) to the departments of the graph with it. */
    private static Map<String, List<String>> departmentsByFunctionWord(List<String> departments) {
        DepartmentFunctions functions = DepartmentFunctions.standard();
        Map<String, List<String>> byWord = new LinkedHashMap<>();
        functions.functionByAlias().forEach((word, function) -> {
            if (word.length() < MIN_FUNCTION_WORD) return;
            List<String> named = departments.stream().filter(d -> function.equals(functions.functionOf(d))).toList();
            if (!named.isEmpty()) byWord.put(word, named);
        });
        return byWord;
    }

    private static Set<String> themeTerms() {
        Set<String> terms = new LinkedHashSet<>();
        ThemeVocabulary.standard().themes().forEach(theme -> terms.addAll(theme.triggers()));
        return terms;
    }

    private static Set<String> themeNames() {
        Set<String> names = new LinkedHashSet<>();
        ThemeVocabulary.standard().themes().forEach(theme -> names.add(theme.name()));
        return names;
    }
}
