package org.policygraph.corpus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.ExtractionJson;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.graph.DocumentCatalog;
import org.policygraph.graph.GraphLoader;
import org.policygraph.graph.PolicyGraphProperties;
import org.policygraph.ingest.DocumentBounds;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.UnusableDocumentException;
import org.policygraph.link.LinkStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The ingestion service: read and extract (in parallel, {@code policygraph.ingest.extract-threads}),
 * load ({@code policygraph.ingest.batch-size} documents per transaction), then link (when
 * {@code policygraph.link.on-load} is on); it reports an outcome per document instead of throwing. The
 * one path of the {@code ingest} command, the samples loaded at start and {@code POST /api/documents};
 * an upload is a batch of one.
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
        /** Written to the graph (new, or replacing the document with its key). */
        LOADED,
        /** Already in the graph (same content or key); nothing was written. */
        DUPLICATE,
        /** Replacing it would write the same extraction again; nothing was written. */
        UNCHANGED,
        FAILED;

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

        /** Loaded, or nothing to write: nothing to retry. */
        public boolean ok() {
            return status != Status.FAILED;
        }

        /** {@code ok: N tasks (key)} [{@code ; warning: …}], {@code duplicate of key} or {@code failed: reason}. */
        public String result() {
            return switch (status) {
                case LOADED -> "ok: " + tasks + " tasks (" + documentKey + ")"
                        + (warnings.isEmpty() ? "" : "; warning: " + String.join("; warning: ", warnings));
                case DUPLICATE -> "duplicate of " + documentKey;
                case UNCHANGED -> "unchanged (" + documentKey + ")";
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

    /** What a document whose key is already loaded does. */
    public enum Mode {
        /** It is a duplicate and nothing is written (ingest, upload). */
        SKIP_LOADED,
        /** It replaces the loaded one, in one transaction, unless its extraction is the same (replace, reextract). */
        REPLACE
    }

    /** One file to ingest; its bytes are read when its batch is ingested. */
    public record Input(String sourceName, Content content) {

        /** The bytes of the file, read on demand. */
        @FunctionalInterface
        public interface Content {
            byte[] read() throws IOException;
        }

        public Input(String sourceName, byte[] content) {
            this(sourceName, () -> content);
        }

        public static Input of(Path file) {
            return new Input(file.getFileName().toString(), () -> Files.readAllBytes(file));
        }
    }

    /** The outcomes of one batch of {@link #ingestAll}: those of inputs {@code from, from + 1, …} of {@code total}. */
    public record BatchDone(int from, List<Outcome> outcomes, int total) {}

    private final GraphLoader loader;
    private final Supplier<DocumentExtractor> extractor;
    private final long maxBytes;
    private final int batchSize;
    private final MeterRegistry meters;
    private final LinkStage linking;
    private final ForkJoinPool extractors;
    private final OriginalStore originals;
    private final DocumentCatalog catalog;
    private final boolean linkAfterLoad;

    /**
     * Uses a {@link PolicyExtractor} bean when there is one, else an instance bounded by
     * {@code policygraph.ingest.max-characters} and {@code max-tasks}.
     */
    @Autowired
    public DocumentIngester(GraphLoader loader, ObjectProvider<PolicyExtractor> extractors,
                            PolicyGraphProperties properties, ObjectProvider<MeterRegistry> meters,
                            ObjectProvider<LinkStage> linking, OriginalStore originals, DocumentCatalog catalog) {
        this(loader, properties.ingest().maxBytes().toBytes(), properties.ingest().batchSize(), meters.getIfAvailable(),
                once(() -> DocumentExtractor.of(extractors.getIfAvailable(PolicyExtractor::new),
                        new DocumentBounds(properties.ingest().maxCharacters(), properties.ingest().maxTasks()))),
                linking.getIfAvailable(), properties.ingest().extractThreads(), originals, catalog,
                properties.ingest().linkAfterLoad());
    }

    public DocumentIngester(GraphLoader loader, Supplier<PolicyExtractor> extractor) {
        this(loader, extractor, PolicyGraphProperties.Ingest.DEFAULT_MAX_BYTES.toBytes(),
                PolicyGraphProperties.Ingest.DEFAULT_BATCH_SIZE, null);
    }

    public DocumentIngester(GraphLoader loader, Supplier<PolicyExtractor> extractor, long maxBytes, int batchSize,
                            MeterRegistry meters) {
        this(loader, maxBytes, batchSize, meters, once(() -> DocumentExtractor.of(extractor.get())), null,
                PolicyGraphProperties.Ingest.DEFAULT_EXTRACT_THREADS, null, null, true);
    }

    /** The extractor is built on first use and then shared (it loads the gazetteer; it is thread-safe). */
    private static Supplier<DocumentExtractor> once(Supplier<DocumentExtractor> build) {
        return new Supplier<>() {
            private volatile DocumentExtractor built;

            @Override
            public DocumentExtractor get() {
                DocumentExtractor result = built;
                if (result == null) {
                    synchronized (this) {
                        if (built == null) built = build.get();
                        result = built;
                    }
                }
                return result;
            }
        };
    }

    /** Extracts with the given function instead of reading and extracting with a {@link PolicyExtractor}. */
    public DocumentIngester(GraphLoader loader, DocumentExtractor extractor) {
        this(loader, PolicyGraphProperties.Ingest.DEFAULT_MAX_BYTES.toBytes(), PolicyGraphProperties.Ingest.DEFAULT_BATCH_SIZE,
                null, () -> extractor, null, PolicyGraphProperties.Ingest.DEFAULT_EXTRACT_THREADS, null, null, true);
    }

    /**
     * @param linking the link stage run after each load; null: documents are not linked here
     * @param extractThreads documents of a batch extracted at once; 0: one per available core
     * @param originals where the original files are kept; null: not kept
     * @param catalog reads the extraction a loaded document has, for {@link Mode#REPLACE}; null: always replace
     * @param linkAfterLoad a run of several batches is linked once all are loaded, in level order
     */
    DocumentIngester(GraphLoader loader, long maxBytes, int batchSize, MeterRegistry meters,
                             Supplier<DocumentExtractor> extractor, LinkStage linking, int extractThreads,
                             OriginalStore originals, DocumentCatalog catalog, boolean linkAfterLoad) {
        this.linkAfterLoad = linkAfterLoad;
        this.originals = originals;
        this.catalog = catalog;
        this.loader = loader;
        this.extractor = extractor;
        this.maxBytes = maxBytes;
        this.batchSize = Math.max(1, batchSize);
        this.meters = meters;
        this.linking = linking == null || !linking.onLoad() ? null : linking;
        int threads = extractThreads > 0 ? extractThreads : Runtime.getRuntime().availableProcessors();
        this.extractors = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** How many documents the bulk paths hand to {@link #ingestBatch} at a time ({@code policygraph.ingest.batch-size}). */
    public int batchSize() {
        return batchSize;
    }

    /** Extracts and loads one document in its own transaction. */
    public Outcome ingest(String sourceName, byte[] content) {
        return ingestBatch(List.of(new Input(sourceName, content))).get(0);
    }

    /**
     * Ingests every input, {@link #batchSize} at a time, each batch read, extracted and loaded before the
     * next is read, then links them ({@link #ingestAll(List, Mode, Consumer, Consumer)}); {@code onBatch}
     * hears of each batch as it is loaded. Returns one outcome per input, in order.
     */
    public List<Outcome> ingestAll(List<Input> inputs, Consumer<BatchDone> onBatch) {
        return ingestAll(inputs, Mode.SKIP_LOADED, onBatch, progress -> {});
    }

    /** {@link #ingestAll(List, Mode, Consumer, Consumer)} without hearing how linking goes. */
    public List<Outcome> ingestAll(List<Input> inputs, Mode mode, Consumer<BatchDone> onBatch) {
        return ingestAll(inputs, mode, onBatch, progress -> {});
    }

    /**
     * {@link #ingestAll(List, Consumer)}, with documents already loaded treated as {@code mode} says.
     * The next batch is read and extracted while the current one is loaded: extraction is work for the
     * cores, loading mostly for the database and its commits. Inputs that fit in one batch are linked
     * with it; more are linked once all are loaded, higher levels first ({@link LinkStage#linkInLevelOrder},
     * {@code onLinking} hears how far it has come), so that no document of the run is aligned twice. A
     * run stopped before its linking leaves its documents pending: the service links them at start.
     */
    public List<Outcome> ingestAll(List<Input> inputs, Mode mode, Consumer<BatchDone> onBatch,
            Consumer<LinkStage.Progress> onLinking) {
        List<Outcome> all = new ArrayList<>(inputs.size());
        LoadedForLinking loadedForLinking = linking != null && linkAfterLoad && inputs.size() > batchSize
                ? new LoadedForLinking() : null;
        try {
            CompletableFuture<Prepared> next = inputs.isEmpty() ? null : prepareLater(batch(inputs, 0));
            for (int from = 0; from < inputs.size(); from += batchSize) {
                Prepared current = next.join();
                int following = from + batchSize;
                next = following < inputs.size() ? prepareLater(batch(inputs, following)) : null;
                List<Outcome> outcomes = store(current, mode, loadedForLinking);
                all.addAll(outcomes);
                onBatch.accept(new BatchDone(from, outcomes, inputs.size()));
            }
        } finally {
            // What loaded is linked even when the run stops short (a failing callback, an extraction thread).
            if (loadedForLinking != null && !loadedForLinking.keys.isEmpty()) {
                long started = System.nanoTime();
                LinkStage.LinkRun run = linking.linkInLevelOrder(loadedForLinking.keys, batchSize, onLinking);
                log.info("Linked {} of {} documents in level order in {} ms ({} documents realigned)", run.linked(),
                        loadedForLinking.keys.size(), (System.nanoTime() - started) / 1_000_000, run.realigned());
            }
        }
        loader.awaitSearchIndexes();
        return all;
    }

    /** Documents a bulk run loaded (and those to align again because one of them moved), to link once all are. */
    private static final class LoadedForLinking {
        final Set<String> keys = new LinkedHashSet<>();
    }

    private List<Input> batch(List<Input> inputs, int from) {
        return inputs.subList(from, Math.min(inputs.size(), from + batchSize));
    }

    private CompletableFuture<Prepared> prepareLater(List<Input> inputs) {
        return extractors == null ? CompletableFuture.completedFuture(prepare(inputs))
                : CompletableFuture.supplyAsync(() -> prepare(inputs), extractors);
    }

    /** {@link #ingestBatch(List, Mode)} skipping documents already loaded. */
    public List<Outcome> ingestBatch(List<Input> inputs) {
        return ingestBatch(inputs, Mode.SKIP_LOADED);
    }

    /**
     * Extracts every input, then loads those that are not duplicates in ONE transaction
     * ({@link GraphLoader#loadBatch}; a failing batch is retried document by document, so a bad
     * document fails alone). A duplicate is a document whose content hash or key a loaded document
     * already has, in the graph or earlier in the same batch; with {@link Mode#REPLACE} a document
     * with a loaded key replaces it instead, unless its extraction is the same ({@link Status#UNCHANGED}).
     * The original of every document written is stored first (when originals are kept). Returns one
     * outcome per input, in order; never throws for a document.
     */
    public List<Outcome> ingestBatch(List<Input> inputs, Mode mode) {
        List<Outcome> outcomes = store(prepare(inputs), mode, null);
        loader.awaitSearchIndexes();
        return outcomes;
    }

    /**
     * A batch read and extracted, not yet compared with the graph: per input, its bytes, extraction,
     * document key, content hash and extraction hash, or its failure in {@code outcomes}.
     */
    private record Prepared(List<Input> inputs, Outcome[] outcomes, DocumentExtractor.Extracted[] extracted,
            byte[][] contents, long[] nanos, String[] keys, String[] hashes, String[] extractionHashes,
            long extractMillis) {}

    /** Reads and extracts every input, in parallel on the extractor threads; never throws for a document. */
    private Prepared prepare(List<Input> inputs) {
        long started = System.nanoTime();
        int n = inputs.size();
        Outcome[] outcomes = new Outcome[n];
        DocumentExtractor.Extracted[] extracted = new DocumentExtractor.Extracted[n];
        byte[][] contents = new byte[n][];
        long[] nanos = new long[n];
        String[] keys = new String[n];
        String[] hashes = new String[n];
        String[] extractionHashes = new String[n];
        Runnable extractAll = () -> IntStream.range(0, n).parallel().forEach(i -> {
            long documentStarted = System.nanoTime();
            Input input = inputs.get(i);
            try {
                contents[i] = read(input);
                extracted[i] = extract(input, contents[i]);
            } catch (Failure f) {
                outcomes[i] = Outcome.failed(input.sourceName(), f.getMessage());
            }
            Extraction extraction = extracted[i] == null ? null : extracted[i].extraction();
            if (extraction != null && extraction.document() != null) {
                try {
                    keys[i] = GraphLoader.documentKey(extraction.document());
                    String hash = extraction.document().contentHash();
                    hashes[i] = hash == null || hash.isBlank() ? null : hash.strip();
                    extractionHashes[i] = DocumentPreparer.sha256(
                            ExtractionJson.write(extraction).getBytes(StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    outcomes[i] = failed(input, "load error: " + e.getMessage());
                    extracted[i] = null;
                }
            }
            nanos[i] = System.nanoTime() - documentStarted;
        });
        if (n > 1 && extractors != null && !ForkJoinTask.inForkJoinPool()) {
            extractors.submit(extractAll).join();
        } else {
            extractAll.run();
        }
        return new Prepared(inputs, outcomes, extracted, contents, nanos, keys, hashes, extractionHashes,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Compares a prepared batch with the graph, keeps the originals, loads what is new and links it, or
     * leaves it pending and adds it to {@code forLinking} when that is given.
     */
    private List<Outcome> store(Prepared prepared, Mode mode, LoadedForLinking forLinking) {
        List<Input> inputs = prepared.inputs();
        int n = inputs.size();
        Outcome[] outcomes = prepared.outcomes();
        DocumentExtractor.Extracted[] extracted = prepared.extracted();
        byte[][] contents = prepared.contents();
        long[] nanos = prepared.nanos();
        String[] keys = prepared.keys();
        String[] hashes = prepared.hashes();
        String[] extractionHashes = prepared.extractionHashes();

        // Duplicates of the graph (one read for the batch) and of an earlier document of the batch.
        String[] existing;
        Map<String, String> loadedExtractions;
        try {
            // Replacing, only the same bytes under another key make a duplicate.
            existing = loader.existingDocuments(mode == Mode.REPLACE ? new String[n] : keys, hashes);
            loadedExtractions = mode == Mode.REPLACE && catalog != null
                    ? catalog.extractionHashes(Arrays.stream(keys).filter(k -> k != null).distinct().toList())
                    : Map.of();
        } catch (RuntimeException e) {
            for (int i = 0; i < n; i++) {
                if (extracted[i] != null) {
                    outcomes[i] = failed(inputs.get(i), "load error: " + e.getMessage());
                }
            }
            return finish(inputs, outcomes, nanos, 0, 0);
        }
        Map<String, Integer> batchKeys = new HashMap<>();
        Map<String, Integer> batchHashes = new HashMap<>();
        int[] duplicateOf = new int[n];
        Arrays.fill(duplicateOf, -1);
        List<Extraction> toLoad = new ArrayList<>();
        List<GraphLoader.Source> sources = new ArrayList<>();
        List<Integer> toLoadIndex = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (extracted[i] == null) {
                continue;
            }
            Extraction extraction = extracted[i].extraction();
            if (existing[i] != null && !existing[i].equals(keys[i])) {
                outcomes[i] = new Outcome(inputs.get(i).sourceName(), Status.DUPLICATE, existing[i], 0,
                        warnings(extraction), null, 0);
                continue;
            }
            if (mode == Mode.REPLACE && extractionHashes[i].equals(loadedExtractions.get(keys[i]))) {
                outcomes[i] = new Outcome(inputs.get(i).sourceName(), Status.UNCHANGED, keys[i], 0,
                        warnings(extraction), null, 0);
                continue;
            }
            if (existing[i] != null && mode == Mode.SKIP_LOADED) {
                outcomes[i] = new Outcome(inputs.get(i).sourceName(), Status.DUPLICATE, existing[i], 0,
                        warnings(extraction), null, 0);
                continue;
            }
            Integer earlier = keys[i] == null ? null : batchKeys.get(keys[i]);
            if (earlier == null && hashes[i] != null) {
                earlier = batchHashes.get(hashes[i]);
            }
            if (earlier != null) {
                duplicateOf[i] = earlier;
                continue;
            }
            if (originals != null && hashes[i] != null) {
                try {
                    originals.put(hashes[i], contents[i]);
                } catch (RuntimeException e) {
                    outcomes[i] = failed(inputs.get(i), "cannot keep the original: " + e.getMessage());
                    continue;
                }
            }
            if (keys[i] != null) {
                batchKeys.put(keys[i], i);
            }
            if (hashes[i] != null) {
                batchHashes.put(hashes[i], i);
            }
            toLoad.add(extraction);
            sources.add(new GraphLoader.Source(extracted[i].text(), ExtractorVersion.CURRENT, extractionHashes[i]));
            toLoadIndex.add(i);
        }

        long loadStarted = System.nanoTime();
        // Replacing: where the old versions stood, and the documents aligned to them.
        LinkStage.Before before = LinkStage.Before.NOTHING;
        if (linking != null && mode == Mode.REPLACE && !toLoad.isEmpty()) {
            try {
                before = linking.before(toLoadIndex.stream().map(i -> keys[i]).filter(k -> k != null).toList());
            } catch (RuntimeException e) {
                toLoadIndex.forEach(i -> outcomes[i] = failed(inputs.get(i), "load error: " + e.getMessage()));
                return finish(inputs, outcomes, nanos, 0, 0);
            }
        }
        List<GraphLoader.BatchItem> items = toLoad.isEmpty() ? List.of() : loader.loadBatch(toLoad, sources);
        long loaded = System.nanoTime();
        List<String> loadedKeys = items.stream().filter(GraphLoader.BatchItem::ok).map(item -> item.loaded().documentKey()).toList();
        if (forLinking != null) {
            forLinking.keys.addAll(loadedKeys);
            forLinking.keys.addAll(linking.pendAgain(before));
        } else if (linking != null) {
            linking.link(loadedKeys, before);
        }
        long loadNanos = System.nanoTime() - loadStarted;
        log.debug("Batch of {}: extracted in {} ms, {} loaded in {} ms, linked in {} ms", n,
                prepared.extractMillis(), items.size(), (loaded - loadStarted) / 1_000_000,
                (System.nanoTime() - loaded) / 1_000_000);
        for (int k = 0; k < items.size(); k++) {
            int i = toLoadIndex.get(k);
            GraphLoader.BatchItem item = items.get(k);
            outcomes[i] = item.ok()
                    ? new Outcome(inputs.get(i).sourceName(), Status.LOADED, item.loaded().documentKey(),
                            item.loaded().tasks(), warnings(extracted[i].extraction()), null, 0)
                    : failed(inputs.get(i), "load error: " + item.failure().getMessage());
        }
        // A duplicate of an earlier document of the batch is a duplicate when that one loaded; when it
        // failed, the duplicate gets its own chance, as it would have had loading one by one.
        List<Integer> retry = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (duplicateOf[i] >= 0) {
                Outcome original = outcomes[duplicateOf[i]];
                if (original.status() == Status.LOADED) {
                    outcomes[i] = new Outcome(inputs.get(i).sourceName(), Status.DUPLICATE, original.documentKey(), 0,
                            warnings(extracted[i].extraction()), null, 0);
                } else {
                    retry.add(i);
                }
            }
        }
        int loadedCount = toLoad.size();
        Outcome[] result = finish(inputs, outcomes, nanos, loadNanos, loadedCount).toArray(Outcome[]::new);
        if (!retry.isEmpty()) {
            List<Outcome> again = store(prepare(retry.stream().map(inputs::get).toList()), mode, forLinking);
            for (int r = 0; r < retry.size(); r++) {
                result[retry.get(r)] = again.get(r);
            }
        }
        return Arrays.asList(result);
    }

    /** Sets each outcome's time (its extraction plus its share of the batch's load) and records it. */
    private List<Outcome> finish(List<Input> inputs, Outcome[] outcomes, long[] nanos, long loadNanos, int loaded) {
        List<Outcome> done = new ArrayList<>(outcomes.length);
        for (int i = 0; i < outcomes.length; i++) {
            Outcome outcome = outcomes[i];
            if (outcome == null) {
                done.add(null);
                continue;
            }
            long share = outcome.status() == Status.LOADED ? loadNanos / Math.max(1, loaded) : 0;
            outcome = outcome.took((nanos[i] + share) / 1_000_000);
            record(outcome);
            done.add(outcome);
        }
        return done;
    }

    /** Thrown by {@link #extract} with the one-line reason. */
    private static final class Failure extends Exception {
        Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    private byte[] read(Input input) throws Failure {
        try {
            return input.content().read();
        } catch (IOException | RuntimeException e) {
            throw new Failure("cannot read: " + e);
        }
    }

    private DocumentExtractor.Extracted extract(Input input, byte[] content) throws Failure {
        if (content.length > maxBytes) {
            throw new Failure("file too large: " + sizeText(content.length) + ", at most "
                    + sizeText(maxBytes) + " are accepted (policygraph.ingest.max-bytes)");
        }
        try {
            return extractor.get().extract(input.sourceName(), content);
        } catch (UnusableDocumentException e) {
            throw new Failure(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            throw new Failure("extractor error: " + e);
        }
    }

    private static Outcome failed(Input input, String reason) {
        return Outcome.failed(input.sourceName(), reason);
    }

    private static List<String> warnings(Extraction extraction) {
        return extraction.document() == null ? List.of() : extraction.document().warnings();
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
