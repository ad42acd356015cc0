package org.policygraph.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Do writes make progress under read load? N GraphQL readers (the research questions of
 * {@link QueryBench}, closed loop) and one uploader ({@code POST /api/documents}, one new document at a
 * time: the bundled city sample under fresh doc numbers) against a running application, for S seconds;
 * before that the uploader alone, as the idle reference. Prints the readers' throughput, p50/p99/max and
 * errors, and the uploader's time per document. Run by {@code bench/read-write}; never by the tests.
 *
 * <pre>ReadWriteBench BASE_URL TOKEN SECONDS READERS [IDLE_UPLOADS] [FIRST_NUMBER]</pre>
 */
public final class ReadWriteBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(120);
    /**
     * The city sample only: each copy is aligned with the (fixed) provincial documents above it, so every
     * upload costs the same. A provincial copy would re-align every city document below it, more with
     * each upload, and the times would measure that growth rather than the read load.
     */
    private static final String SAMPLE = "baiyin-2021-shizhengbanfa-100";

    /** One upload: how long it took and what the server said. */
    record Upload(long nanos, String outcome) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int seconds = Integer.parseInt(args[2]);
        int readers = Integer.parseInt(args[3]);
        int idleUploads = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int number = args.length > 5 ? Integer.parseInt(args[5]) : 5000;
        String graphql = base + "/graphql";
        List<QueryBench.Question> questions = QueryBench.questions();

        // Warm-up: plans compiled, the extractor loaded.
        QueryBench.run(graphql, questions, 2, 5, null);
        upload(base, token, number++);

        List<Upload> idle = new ArrayList<>();
        for (int i = 0; i < idleUploads; i++) {
            idle.add(upload(base, token, number++));
        }
        report("uploader alone", idle);

        AtomicBoolean reading = new AtomicBoolean(true);
        List<Upload> underLoad = new ArrayList<>();
        int firstUnderLoad = number;
        Thread uploader = new Thread(() -> {
            int n = firstUnderLoad;
            while (reading.get()) {
                underLoad.add(upload(base, token, n++));
            }
        }, "uploader");
        Map<String, Long> errorKinds = new LinkedHashMap<>();
        uploader.start();
        long[] result = QueryBench.run(graphql, questions, readers, seconds, errorKinds);
        reading.set(false);
        uploader.join();

        int n = result.length - 1;
        long[] latencies = java.util.Arrays.copyOf(result, n);
        System.out.printf("%n%d GraphQL readers (mixed research questions, closed loop) + 1 uploader, %d s%n",
                readers, seconds);
        System.out.printf("readers: %d requests, %.1f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n", n,
                n / (double) seconds, Stats.percentile(latencies, 50) / 1e6, Stats.percentile(latencies, 99) / 1e6,
                Stats.percentile(latencies, 100) / 1e6, result[n]);
        errorKinds.forEach((kind, count) -> System.out.printf("  reader error x%d: %s%n", count, kind));
        report("uploader under read load", underLoad);
    }

    static void report(String label, List<Upload> uploads) {
        long[] millis = uploads.stream().mapToLong(u -> u.nanos() / 1_000_000).toArray();
        long failed = uploads.stream().filter(u -> !u.outcome().equals("loaded")).count();
        System.out.printf("%s: %d documents, per document p50 %.0f ms, max %.0f ms, all %s ms, %d not loaded%n", label,
                uploads.size(), Stats.percentile(millis, 50), Stats.percentile(millis, 100),
                java.util.Arrays.toString(millis), failed);
        uploads.stream().filter(u -> !u.outcome().equals("loaded"))
                .forEach(u -> System.out.println("  upload: " + u.outcome()));
    }

    /** One sample under doc number {@code number}, as a new document. */
    static Upload upload(String base, String token, int number) {
        String text = sampleText(SAMPLE).replace("市政办发〔2021〕100号", "市政办发〔2021〕" + number + "号");
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench-" + number
                + ".txt\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/documents")).timeout(UPLOAD_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                return new Upload(took, "HTTP " + response.statusCode() + " " + response.body());
            }
            JsonNode file = JSON.readTree(response.body()).at("/files/0");
            String outcome = file.get("outcome").asString();
            return new Upload(took, outcome.equals("loaded") ? outcome : outcome + ": " + file.get("error"));
        } catch (IOException | RuntimeException e) {
            return new Upload(System.nanoTime() - started, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Upload(System.nanoTime() - started, e.toString());
        }
    }

    private static String sampleText(String sample) {
        try (InputStream in = ReadWriteBench.class.getResourceAsStream("/samples/" + sample + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
