package org.policygraph.graph;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.ExtractionException;
import org.policygraph.extract.PolicyExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Extracts one document and loads it; reports the outcome instead of throwing. Shared by the
 * {@code ingest} command, the sample ingest and {@code POST /api/documents}.
 *
 * <ul>
 *   <li>a file larger than {@code policygraph.ingest.max-bytes} fails before it is decoded;</li>
 *   <li>a document whose content hash or key (doc number) a loaded, non-stub document already has
 *       is a {@link Status#DUPLICATE} and nothing is written;</li>
 *   <li>a document cut off in the middle of a task loads what it has, with the extractor's warnings.</li>
 * </ul>
 * Every outcome is logged on one INFO line and counted in {@code policygraph.ingest.documents{outcome}}.
 */
@Component
public class DocumentIngester {

    private static final Logger log = LoggerFactory.getLogger(DocumentIngester.class);
    static final String METER = "policygraph.ingest.documents";

    public enum Status {
        LOADED, DUPLICATE, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How one document went.
     *
     * @param documentKey the key loaded, or (duplicate) the key of the document already in the graph
     * @param warnings the extractor's warnings (e.g. a task cut off by the end of the text)
     * @param reason why it failed (one line), null otherwise
     */
    public record Outcome(String sourceName, Status status, String documentKey, int tasks, List<String> warnings,
                          String reason, long millis) {

        public Outcome {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public static Outcome failed(String sourceName, String reason) {
            String line = reason == null ? "unknown error" : reason.strip().replaceAll("\\s*\\R\\s*", " ");
            return new Outcome(sourceName, Status.FAILED, null, 0, List.of(), line, 0);
        }

        /** Loaded or recognized as a duplicate: nothing to retry. */
        public boolean ok() {
            return status != Status.FAILED;
        }

        /** {@code ok: N tasks (key)} [{@code ; warning: …}], {@code duplicate of key} or {@code failed: reason}. */
        public String result() {
            return switch (status) {
                case LOADED -> "ok: " + tasks + " tasks (" + documentKey + ")"
                        + (warnings.isEmpty() ? "" : "; warning: " + String.join("; warning: ", warnings));
                case DUPLICATE -> "duplicate of " + documentKey;
                case FAILED -> "failed: " + reason;
            };
        }

        public String line() {
            return sourceName + ": " + result();
        }

        Outcome took(long millis) {
            return new Outcome(sourceName, status, documentKey, tasks, warnings, reason, millis);
        }
    }

    private final GraphLoader loader;
    private final Supplier<PolicyExtractor> extractor;
    private final long maxBytes;
    private final MeterRegistry meters;

    /** Uses a {@link PolicyExtractor} bean when there is one, else a plain instance. */
    @Autowired
    public DocumentIngester(GraphLoader loader, ObjectProvider<PolicyExtractor> extractors,
                            PolicyGraphProperties properties, ObjectProvider<MeterRegistry> meters) {
        this(loader, () -> extractors.getIfAvailable(PolicyExtractor::new),
                properties.ingest().maxBytes().toBytes(), meters.getIfAvailable());
    }

    public DocumentIngester(GraphLoader loader, Supplier<PolicyExtractor> extractor) {
        this(loader, extractor, PolicyGraphProperties.Ingest.DEFAULT_MAX_BYTES.toBytes(), null);
    }

    public DocumentIngester(GraphLoader loader, Supplier<PolicyExtractor> extractor, long maxBytes, MeterRegistry meters) {
        this.loader = loader;
        this.extractor = extractor;
        this.maxBytes = maxBytes;
        this.meters = meters;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Outcome ingest(String sourceName, byte[] content) {
        long started = System.nanoTime();
        Outcome outcome = attempt(sourceName, content).took((System.nanoTime() - started) / 1_000_000);
        record(outcome);
        return outcome;
    }

    private Outcome attempt(String sourceName, byte[] content) {
        if (content.length > maxBytes) {
            return Outcome.failed(sourceName, "file too large: " + sizeText(content.length) + ", at most "
                    + sizeText(maxBytes) + " are accepted (policygraph.ingest.max-bytes)");
        }
        Extraction extraction;
        try {
            extraction = extractor.get().extract(sourceName, content);
        } catch (ExtractionException e) {
            return Outcome.failed(sourceName, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.failed(sourceName, "extractor error: " + e);
        }
        List<String> warnings = extraction.document() == null ? List.of() : extraction.document().warnings();
        try {
            String existing = existingDocument(extraction);
            if (existing != null) {
                return new Outcome(sourceName, Status.DUPLICATE, existing, 0, warnings, null, 0);
            }
            GraphLoader.Loaded loaded = loader.load(extraction);
            return new Outcome(sourceName, Status.LOADED, loaded.documentKey(), loaded.tasks(), warnings, null, 0);
        } catch (RuntimeException e) {
            return Outcome.failed(sourceName, "load error: " + e.getMessage());
        }
    }

    /** The key of a loaded (non-stub) document with the same content hash or the same key, else null. */
    String existingDocument(Extraction extraction) {
        Extraction.Document doc = extraction.document();
        if (doc == null) {
            return null;
        }
        String key = GraphLoader.documentKey(doc);
        String hash = doc.contentHash() == null || doc.contentHash().isBlank() ? null : doc.contentHash().strip();
        try (Session session = loader.sessions().session()) {
            List<Record> found = session.executeRead(tx -> tx.run("""
                    OPTIONAL MATCH (byKey:Document {key: $key}) WHERE byKey.stub = false
                    OPTIONAL MATCH (byHash:Document {contentHash: $hash}) WHERE byHash.stub = false
                    RETURN coalesce(byKey.key, byHash.key) AS key LIMIT 1
                    """, Map.of("key", key, "hash", hash == null ? "" : hash)).list());
            return found.isEmpty() || found.get(0).get("key").isNull() ? null : found.get(0).get("key").asString();
        }
    }

    private void record(Outcome outcome) {
        if (outcome.status() == Status.FAILED) {
            log.info("ingest file={} outcome={} ms={} error={}", outcome.sourceName(), outcome.status().label(),
                    outcome.millis(), outcome.reason());
        } else {
            log.info("ingest file={} outcome={} key={} tasks={} ms={}{}", outcome.sourceName(),
                    outcome.status().label(), outcome.documentKey(), outcome.tasks(), outcome.millis(),
                    outcome.warnings().isEmpty() ? "" : " warnings=" + outcome.warnings());
        }
        if (meters != null) {
            Counter.builder(METER).description("Documents submitted for ingest, by outcome")
                    .tag("outcome", outcome.status().label()).register(meters).increment();
        }
    }

    static String sizeText(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
