package org.policygraph.ask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.Session;
import org.policygraph.extract.DepartmentFunctions;
import org.policygraph.graph.DocumentsLoaded;
import org.policygraph.graph.GraphSessions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The vocabulary questions are read against, taken from the graph itself and kept until the next
 * document is loaded.
 */
@Component
public class GraphVocabulary {

    private final GraphSessions sessions;
    private final AtomicReference<Vocabulary> current = new AtomicReference<>();

    GraphVocabulary(GraphSessions sessions) {
        this.sessions = sessions;
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
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> {
                List<String> departments = tx.run("MATCH (d:Department) RETURN DISTINCT d.name AS name").list(r -> r.get("name").asString());
                List<Vocabulary.Institution> institutions = tx.run(
                        "MATCH (i:Institution) RETURN i.name AS name, i.regionCode AS code")
                        .list(r -> new Vocabulary.Institution(r.get("name").asString(), r.get("code").isNull() ? null : r.get("code").asString()));
                List<String> documentRegions = tx.run(
                        "MATCH (d:Document {stub: false}) WHERE d.regionCode IS NOT NULL RETURN DISTINCT d.regionCode AS code")
                        .list(r -> r.get("code").asString());
                Map<String, List<String>> forms = new java.util.LinkedHashMap<>();
                for (String department : departments) {
                    forms.put(department, DepartmentFunctions.standard().otherForms(department));
                }
                return new Vocabulary(forms, institutions, documentRegions);
            });
        }
    }
}
