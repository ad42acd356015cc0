package org.policygraph.graph;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code policygraph.*} settings; application.yml documents each one.
 *
 * @param mode {@code embedded} or {@code external}; when blank, embedded unless {@code spring.neo4j.uri} is set
 * @param database database name on an external server; blank means the server's default database
 * @param embedded the in-process database
 * @param ingest what is loaded at start
 */
@ConfigurationProperties("policygraph")
public record PolicyGraphProperties(String mode, String database, Embedded embedded, Ingest ingest) {

    public PolicyGraphProperties {
        embedded = embedded == null ? new Embedded(null, null, null, null, null, null, null, null, null) : embedded;
        ingest = ingest == null ? new Ingest(true, null, null, null, null, null, null, null) : ingest;
    }

    /**
     * @param dataDir Neo4j home directory of the embedded database (created when missing)
     * @param boltAddress host:port Bolt listens on; port 0 takes a free port
     * @param password password of user neo4j; required when Bolt listens beyond loopback
     * @param inProcess the service's own reads (GraphQL) and loads run through Neo4j's in-process
     *     transaction API instead of Bolt (analysts and other clients still use Bolt)
     * @param writeAttempts tries of an in-process write whose failure Neo4j calls transient (a deadlock)
     * @param readAttempts tries of an in-process read whose failure Neo4j calls transient (it read data a
     *     concurrent write changed)
     * @param transactionMemoryMax heap one transaction may use ({@code db.memory.transaction.max}); 0: no bound
     * @param transactionMemoryTotalMax heap all transactions together may use
     *     ({@code db.memory.transaction.total.max}); null or 0: Neo4j's default, 70 % of the heap
     * @param transactionLogRetention transaction logs kept beyond those recovery needs
     *     ({@code db.tx_log.rotation.retention_policy}); null or blank: Neo4j's default
     */
    public record Embedded(Path dataDir, String boltAddress, String password, Boolean inProcess,
            Integer writeAttempts, Integer readAttempts, DataSize transactionMemoryMax, DataSize transactionMemoryTotalMax,
            String transactionLogRetention) {
        /** Tries of a transiently failing in-process write, like the driver's retries over Bolt. */
        public static final int DEFAULT_WRITE_ATTEMPTS = 5;
        /** Tries of a transiently failing in-process read, like the driver's retries over Bolt. */
        public static final int DEFAULT_READ_ATTEMPTS = 3;
        /** A quarter of the 1 GB heap the README runs with. */
        public static final DataSize DEFAULT_TRANSACTION_MEMORY_MAX = DataSize.ofMegabytes(256);

        public Embedded {
            dataDir = dataDir == null ? Path.of("data") : dataDir;
            boltAddress = boltAddress == null || boltAddress.isBlank() ? "127.0.0.1:7687" : boltAddress.trim();
            inProcess = inProcess == null ? Boolean.TRUE : inProcess;
            writeAttempts = writeAttempts == null ? DEFAULT_WRITE_ATTEMPTS : writeAttempts;
            readAttempts = readAttempts == null ? DEFAULT_READ_ATTEMPTS : readAttempts;
            if (readAttempts < 1) {
                throw new IllegalArgumentException("policygraph.embedded.read-attempts must be at least 1, not "
                        + readAttempts);
            }
            transactionMemoryMax = transactionMemoryMax == null ? DEFAULT_TRANSACTION_MEMORY_MAX : transactionMemoryMax;
            if (writeAttempts < 1) {
                throw new IllegalArgumentException("policygraph.embedded.write-attempts must be at least 1, not "
                        + writeAttempts);
            }
        }
    }

    /**
     * @param samplesOnEmpty ingest the bundled sample documents when the graph holds no document
     * @param maxBytes largest file the ingester accepts (CLI, upload, samples); larger ones fail
     * @param batchSize documents the bulk paths ({@code ingest} command, sample ingest) load per write
     *     transaction; a batch that fails is retried one document at a time
     * @param maxCharacters most characters of decoded text one document may have
     * @param maxTasks most tasks one document may have
     * @param extractThreads documents of a batch extracted at once; 0: one per available core
     * @param originalsDir where the original files of loaded documents are kept; null: {@code originals}
     *     under the embedded data directory (external mode: set it to a lasting, shared location)
     * @param linkAfterLoad a run of several batches is linked once all are loaded, higher levels first
     */
    public record Ingest(Boolean samplesOnEmpty, DataSize maxBytes, Integer batchSize, Integer maxCharacters,
            Integer maxTasks, Integer extractThreads, Path originalsDir, Boolean linkAfterLoad) {
        /** 8 MB: the largest real notice is well under 1 MB, and extraction runs about 1 MB per 2 s. */
        public static final DataSize DEFAULT_MAX_BYTES = DataSize.ofMegabytes(8);
        /** Documents per transaction of a bulk load (see BENCHMARKS.md, Loading). */
        public static final int DEFAULT_BATCH_SIZE = 100;
        /** Two hundred times a long notice (each sample has under 10,000 characters). */
        public static final int DEFAULT_MAX_CHARACTERS = 2_000_000;
        /** Ten times the most tasks a real notice has. */
        public static final int DEFAULT_MAX_TASKS = 1_000;
        /** One extraction per available core. */
        public static final int DEFAULT_EXTRACT_THREADS = 0;

        public Ingest {
            samplesOnEmpty = samplesOnEmpty == null ? Boolean.TRUE : samplesOnEmpty;
            maxBytes = maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes;
            batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
            maxCharacters = maxCharacters == null ? DEFAULT_MAX_CHARACTERS : maxCharacters;
            maxTasks = maxTasks == null ? DEFAULT_MAX_TASKS : maxTasks;
            extractThreads = extractThreads == null ? DEFAULT_EXTRACT_THREADS : extractThreads;
            linkAfterLoad = linkAfterLoad == null ? Boolean.TRUE : linkAfterLoad;
            if (extractThreads < 0) {
                throw new IllegalArgumentException("policygraph.ingest.extract-threads must not be negative");
            }
            if (maxCharacters < 1 || maxTasks < 1) {
                throw new IllegalArgumentException("policygraph.ingest.max-characters and max-tasks must be at least 1");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("policygraph.ingest.batch-size must be at least 1, not " + batchSize);
            }
        }
    }
}
