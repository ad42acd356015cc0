package org.policygraph.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.graph.EmbeddedNeo4j;
import org.policygraph.graph.GraphBootstrap;
import org.policygraph.graph.GraphLoader;
import org.policygraph.graph.GraphSessions;
import org.policygraph.graph.PolicyGraphProperties;

/**
 * Extract + load in one process without Spring: parallel extraction (one {@link PolicyExtractor} per
 * thread, a bounded window of documents in flight) feeding {@link GraphLoader#loadBatch} on one thread,
 * one transaction per batch of documents, in file order, into a fresh embedded Neo4j. The app's linking
 * on load (citations, themes, task alignment) is not part of this path: the loader's events go nowhere.
 *
 * <p>Usage: {@code LoadHarness DATA_DIR THREADS [--batch-size=N] [--fulltext-after] [--over-bolt] FILE_OR_DIR...}
 * (writes in process, as the app does with {@code policygraph.embedded.in-process}; {@code --over-bolt}
 * through the driver instead; default
 * batch size: the default of {@code policygraph.ingest.batch-size}; 1 is one transaction per document;
 * {@code --fulltext-after} drops the two full-text indexes before the load and builds them after it,
 * inside the timed window); prints
 * documents/s, tasks/s, per-document extraction latency, per-batch load latency (median, p99) and heap
 * after loading.
 */
public final class LoadHarness {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        List<Path> files = new ArrayList<>();
        int batchSize = PolicyGraphProperties.Ingest.DEFAULT_BATCH_SIZE;
        boolean fulltextAfter = false;
        boolean overBolt = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--over-bolt")) {
                overBolt = true;
                continue;
            }
            if (args[i].equals("--fulltext-after")) {
                fulltextAfter = true;
                continue;
            }
            if (args[i].startsWith("--batch-size=")) {
                batchSize = Integer.parseInt(args[i].substring("--batch-size=".length()));
                continue;
            }
            Path p = Path.of(args[i]);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        System.out.println(Machine.describe());
        long t0 = System.nanoTime();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, "127.0.0.1:0", null);
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            GraphSessions sessions = overBolt ? new GraphSessions(driver, null)
                    : new GraphSessions(driver, null, neo4j.database(),
                            PolicyGraphProperties.Embedded.DEFAULT_WRITE_ATTEMPTS);
            System.out.println("loading " + (overBolt ? "over Bolt (the driver)" : "in process (as the app does)"));
            GraphBootstrap bootstrap = new GraphBootstrap(sessions);
            bootstrap.afterPropertiesSet();
            GraphLoader loader = new GraphLoader(sessions, bootstrap, event -> { });
            PolicyExtractor warm = new PolicyExtractor();
            if (fulltextAfter) {
                try (var session = sessions.session()) {
                    session.run("DROP INDEX taskText IF EXISTS").consume();
                    session.run("DROP INDEX entityNames IF EXISTS").consume();
                }
                System.out.println("full-text indexes dropped; created again after the load");
            }
            System.out.printf("database started, schema and regions in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            ThreadLocal<PolicyExtractor> extractors = ThreadLocal.withInitial(() -> new PolicyExtractor(warm.gazetteer()));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            // Room for the next batch to be extracted while the current one loads.
            BlockingQueue<Future<Object[]>> window = new ArrayBlockingQueue<>(Math.max(threads * 4, 2 * batchSize));
            long[] extractNanos = new long[files.size()];
            List<Long> batchNanos = new ArrayList<>();
            int tasks = 0;
            int failed = 0;
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            int submitted = 0;
            List<Extraction> batch = new ArrayList<>();
            List<Path> batchFiles = new ArrayList<>();
            for (int done = 0; done < files.size(); done++) {
                while (submitted < files.size() && window.remainingCapacity() > 0) {
                    Path file = files.get(submitted++);
                    window.add(pool.submit(() -> {
                        byte[] bytes = Files.readAllBytes(file);
                        long e0 = System.nanoTime();
                        try {
                            Extraction x = extractors.get().extract(file.getFileName().toString(), DocumentPreparer.prepare(bytes));
                            return new Object[] {x, System.nanoTime() - e0, bytes.length};
                        } catch (Exception e) {
                            return new Object[] {e, System.nanoTime() - e0, bytes.length};
                        }
                    }));
                }
                Object[] r = window.take().get();
                extractNanos[done] = (long) r[1];
                if (r[0] instanceof Extraction x) {
                    batch.add(x);
                    batchFiles.add(files.get(done));
                } else {
                    failed++;
                    System.err.println(files.get(done) + ": " + r[0]);
                }
                if (batch.size() == batchSize || done == files.size() - 1 && !batch.isEmpty()) {
                    long l0 = System.nanoTime();
                    List<GraphLoader.BatchItem> items = loader.loadBatch(batch);
                    batchNanos.add(System.nanoTime() - l0);
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i).ok()) {
                            tasks += items.get(i).loaded().tasks();
                        } else {
                            failed++;
                            System.err.println(batchFiles.get(i) + ": " + items.get(i).failure());
                        }
                    }
                    batch.clear();
                    batchFiles.clear();
                }
                if ((done + 1) % 1000 == 0) {
                    System.out.printf("  %d documents, %.1f s, load %s%n", done + 1, (System.nanoTime() - start) / 1e9,
                            Machine.loadAverage());
                }
            }
            if (fulltextAfter) {
                long f0 = System.nanoTime();
                bootstrap.applySchema();
                System.out.printf("full-text indexes created and populated in %.1f s%n", (System.nanoTime() - f0) / 1e9);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            pool.shutdown();
            int ok = files.size() - failed;
            long[] loads = batchNanos.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("extract+load: %d documents (%d failed), %d tasks in %.1f s with %d extraction threads"
                    + " and batches of %d: %.1f documents/s, %.0f tasks/s%n", ok, failed, tasks, wall, threads, batchSize,
                    ok / wall, tasks / wall);
            System.out.printf("process CPU while loading: %.1f s (%.1f ms per document; %.2f of the 2 cores' %.1f s)%n",
                    cpu, cpu * 1000 / Math.max(1, ok), cpu / (2 * wall), 2 * wall);
            System.out.printf("extraction per document: median %.1f ms, p99 %.1f ms (sum %.1f s); load per batch"
                    + " (one transaction, %d batches): median %.1f ms, p99 %.1f ms (sum %.1f s)%n",
                    Stats.percentile(extractNanos, 50) / 1e6, Stats.percentile(extractNanos, 99) / 1e6, sum(extractNanos) / 1e9,
                    loads.length, Stats.percentile(loads, 50) / 1e6, Stats.percentile(loads, 99) / 1e6, sum(loads) / 1e9);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("after loading: heap used after GC %d MiB, resident %s, load %s%n", heap >> 20,
                    Machine.residentMemory(), Machine.loadAverage());
        }
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) s += v;
        return s;
    }
}
