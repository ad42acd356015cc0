package org.policygraph.ask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.policygraph.extract.DepartmentFunctions;
import org.policygraph.graph.DocumentsLoaded;
import org.policygraph.graph.GraphNames;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The vocabulary questions are read against, taken from the graph itself and kept until the next
 * document is loaded.
 */
@Component
public class GraphVocabulary {

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
        return new Vocabulary(forms, institutions, names.documentRegionCodes());
    }
}
