package org.policygraph.api.documents;

import java.util.List;
import org.policygraph.corpus.CorpusLifecycle;
import org.policygraph.corpus.DocumentIngester;
import org.policygraph.graph.DocumentCatalog;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The corpus lifecycle's writes in GraphQL; the mutation guard checks the bearer token before they run. */
@Controller
class CorpusMutations {

    record DocumentDeletion(String key, boolean found, boolean keptAsStub, List<String> relinked) {}

    record DocumentOutcome(String file, String outcome, String documentKey, int tasks, List<String> warnings,
            String error) {}

    private final CorpusLifecycle corpus;

    CorpusMutations(CorpusLifecycle corpus) {
        this.corpus = corpus;
    }

    @MutationMapping
    DocumentDeletion deleteDocument(@Argument String key) {
        DocumentCatalog.Deletion deletion = corpus.delete(key);
        return new DocumentDeletion(key, deletion.found(), deletion.keptAsStub(), deletion.lowerDocuments());
    }

    @MutationMapping
    List<DocumentOutcome> reextractDocuments(@Argument List<String> keys, @Argument Boolean force) {
        return corpus.reextract(keys == null ? List.of() : keys, Boolean.TRUE.equals(force), batch -> {}).stream()
                .map(CorpusMutations::outcome).toList();
    }

    private static DocumentOutcome outcome(DocumentIngester.Outcome outcome) {
        return new DocumentOutcome(outcome.sourceName(), outcome.status().label(), outcome.documentKey(), outcome.tasks(),
                outcome.warnings(), outcome.reason());
    }
}
