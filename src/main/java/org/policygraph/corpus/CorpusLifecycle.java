package org.policygraph.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.policygraph.graph.DocumentCatalog;
import org.policygraph.link.LinkStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A corpus that lives: list the loaded documents, delete one, re-extract from the stored originals.
 * Replacing a document is an ingest in {@link DocumentIngester.Mode#REPLACE}. The same for the CLI
 * and HTTP.
 */
@Component
public class CorpusLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CorpusLifecycle.class);

    private final DocumentCatalog catalog;
    private final DocumentIngester ingester;
    private final OriginalStore originals;
    private final LinkStage linking;

    public CorpusLifecycle(DocumentCatalog catalog, DocumentIngester ingester, OriginalStore originals,
            ObjectProvider<LinkStage> linking) {
        this.catalog = catalog;
        this.ingester = ingester;
        this.originals = originals;
        this.linking = linking.getIfAvailable();
    }

    public List<DocumentCatalog.Entry> list() {
        return catalog.list();
    }

    /**
     * Deletes the document (see {@link DocumentCatalog#delete}), recomputes the alignment of the
     * documents that implemented it, and deletes its original when no other document has it.
     */
    public DocumentCatalog.Deletion delete(String key) {
        DocumentCatalog.Deletion deletion = catalog.delete(key);
        if (!deletion.found()) {
            return deletion;
        }
        if (linking != null && !deletion.lowerDocuments().isEmpty()) {
            linking.link(deletion.lowerDocuments());
        }
        if (deletion.contentHash() != null && !catalog.originalInUse(deletion.contentHash())) {
            originals.delete(deletion.contentHash());
        }
        log.info("delete key={} keptAsStub={} relinked={}", key, deletion.keptAsStub(), deletion.lowerDocuments().size());
        return deletion;
    }

    /**
     * Extracts documents again from their stored originals with the current extractor and replaces
     * those whose extraction changed ({@link DocumentIngester.Status#UNCHANGED} for the others).
     * Resumable: without {@code force}, documents already extracted by {@link ExtractorVersion#CURRENT}
     * are skipped, so a run that was stopped goes on where it stopped.
     *
     * @param keys the documents; empty: every loaded document
     * @return one outcome per document re-extracted, in key order
     */
    public List<DocumentIngester.Outcome> reextract(List<String> keys, boolean force,
            Consumer<DocumentIngester.BatchDone> onBatch) {
        return reextract(keys, force, onBatch, progress -> {});
    }

    /**
     * {@link #reextract(List, boolean, Consumer)}, hearing how the linking of the replaced documents goes
     * (a run of several batches links them once all are replaced).
     */
    public List<DocumentIngester.Outcome> reextract(List<String> keys, boolean force,
            Consumer<DocumentIngester.BatchDone> onBatch, Consumer<LinkStage.Progress> onLinking) {
        List<DocumentCatalog.Entry> chosen = new ArrayList<>();
        List<DocumentIngester.Outcome> missing = new ArrayList<>();
        if (keys.isEmpty()) {
            chosen.addAll(catalog.list());
        } else {
            for (String key : keys) {
                catalog.find(key).ifPresentOrElse(chosen::add, () -> missing.add(
                        DocumentIngester.Outcome.failed(key, "no loaded document has this key")));
            }
        }
        List<DocumentIngester.Input> inputs = new ArrayList<>();
        List<String> expectedKeys = new ArrayList<>();
        for (DocumentCatalog.Entry entry : chosen) {
            if (!force && ExtractorVersion.CURRENT.equals(entry.extractorVersion())) {
                continue;
            }
            String hash = entry.contentHash();
            String name = entry.sourceName() == null ? entry.key() : entry.sourceName();
            inputs.add(new DocumentIngester.Input(name, () -> {
                if (hash == null) {
                    throw new IOException("no original was recorded for " + entry.key());
                }
                return originals.get(hash).orElseThrow(() -> new IOException("the original of " + entry.key()
                        + " is not stored (loaded before originals were kept): ingest its file again with --replace"));
            }));
            expectedKeys.add(entry.key());
        }
        List<DocumentIngester.Outcome> outcomes = new ArrayList<>(missing);
        outcomes.addAll(ingester.ingestAll(inputs, DocumentIngester.Mode.REPLACE, batch -> {
            // A new extractor may read another doc number: the document moved to a new key.
            for (int i = 0; i < batch.outcomes().size(); i++) {
                DocumentIngester.Outcome outcome = batch.outcomes().get(i);
                String previous = expectedKeys.get(batch.from() + i);
                if (outcome.status() == DocumentIngester.Status.LOADED && !previous.equals(outcome.documentKey())) {
                    delete(previous);
                }
            }
            onBatch.accept(batch);
        }, onLinking));
        return outcomes;
    }
}
