package org.policygraph.graph;

import java.util.function.Supplier;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.ExtractionException;
import org.policygraph.extract.PolicyExtractor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Extracts one document and loads it; reports the outcome instead of throwing. */
@Component
public class DocumentIngester {

    /** How one document went: loaded with its task count, or failed with a one-line reason. */
    public record Outcome(String sourceName, boolean ok, String documentKey, int tasks, String reason) {
        /** {@code ok: N tasks (key)} or {@code failed: reason}. */
        public String result() {
            return ok ? "ok: " + tasks + " tasks (" + documentKey + ")" : "failed: " + reason;
        }

        public String line() {
            return sourceName + ": " + result();
        }
    }

    private final GraphLoader loader;
    private final Supplier<PolicyExtractor> extractor;

    /** Uses a {@link PolicyExtractor} bean when there is one, else a plain instance. */
    @Autowired
    public DocumentIngester(GraphLoader loader, ObjectProvider<PolicyExtractor> extractors) {
        this(loader, () -> extractors.getIfAvailable(PolicyExtractor::new));
    }

    public DocumentIngester(GraphLoader loader, Supplier<PolicyExtractor> extractor) {
        this.loader = loader;
        this.extractor = extractor;
    }

    public Outcome ingest(String sourceName, byte[] content) {
        Extraction extraction;
        try {
            extraction = extractor.get().extract(sourceName, content);
        } catch (ExtractionException e) {
            return failed(sourceName, e.getMessage());
        } catch (RuntimeException e) {
            return failed(sourceName, "extractor error: " + e);
        }
        try {
            GraphLoader.Loaded loaded = loader.load(extraction);
            return new Outcome(sourceName, true, loaded.documentKey(), loaded.tasks(), null);
        } catch (RuntimeException e) {
            return failed(sourceName, "load error: " + e.getMessage());
        }
    }

    private static Outcome failed(String sourceName, String reason) {
        String line = reason == null ? "unknown error" : reason.strip().replaceAll("\\s*\\R\\s*", " ");
        return new Outcome(sourceName, false, null, 0, line);
    }
}
