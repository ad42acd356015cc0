package org.policygraph.evaluate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A port of shared/extraction/score.py: every GOLD_DIR/*.json against PRED_DIR/&lt;same name&gt;, a
 * missing prediction scoring zero. The report lines are the script's, figure for figure.
 */
public final class Scorer {

    /** Python's json.loads also takes NaN and Infinity, and nothing after the value. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final JsonNode EMPTY = JSON.createObjectNode();
    private static final JsonNode EMPTY_STRING = JSON.getNodeFactory().stringNode("");

    /** GOLD_DIR holds no *.json (score.py's exit status 2). */
    public static final class NoGoldFilesException extends IllegalArgumentException {
        NoGoldFilesException(String message) {
            super(message);
        }
    }

    private Scorer() {}

    public static Evaluation score(Path goldDir, Path predDir) throws IOException {
        return score(goldDir, predDir, false, line -> {});
    }

    /**
     * Scores and hands each report line to {@code out} as it is made (so a later unreadable gold file
     * leaves the earlier lines printed, as with the script).
     *
     * @throws NoGoldFilesException when GOLD_DIR has no *.json
     * @throws IOException when a gold file cannot be read or parsed (the script stops there too)
     */
    public static Evaluation score(Path goldDir, Path predDir, boolean verbose, Consumer<String> out)
            throws IOException {
        List<String> report = new ArrayList<>();
        Consumer<String> print = line -> {
            report.add(line);
            out.accept(line);
        };
        List<Path> golds = goldFiles(goldDir);
        if (golds.isEmpty()) {
            throw new NoGoldFilesException("no gold files in " + pythonPath(goldDir.toString(), null));
        }
        Scores total = new Scores();
        List<Evaluation.DocumentScore> documents = new ArrayList<>();
        for (Path goldFile : golds) {
            String fileName = goldFile.getFileName().toString();
            JsonNode gold;
            try {
                gold = readJson(goldFile);
            } catch (IOException | JacksonException e) {
                throw new IOException(goldFile + ": unreadable gold (" + firstLine(e) + ")", e);
            }
            Path predFile = predDir.resolve(fileName);
            String shownPredFile = pythonPath(predDir.toString(), fileName);
            JsonNode pred = null;
            Evaluation.Prediction status = Evaluation.Prediction.READ;
            if (Files.exists(predFile)) {
                try {
                    pred = readJson(predFile);
                } catch (IOException | JacksonException e) {
                    status = Evaluation.Prediction.UNREADABLE;
                    print.accept(shownPredFile + ": unreadable prediction (" + firstLine(e) + ")");
                }
            } else {
                status = Evaluation.Prediction.MISSING;
                print.accept(shownPredFile + ": missing prediction");
            }
            String name = stem(fileName);
            Scores scores = scoreDocument(gold, pred, verbose ? print : null, name);
            scores.report(name).forEach(print);
            total.merge(scores);
            documents.add(new Evaluation.DocumentScore(name, status, scores.summary()));
        }
        total.report("ALL").forEach(print);
        print.accept("overall: F1 " + Py.format3(total.overall())
                + " (departments " + Py.format3(total.departments.f1())
                + ", regions " + Py.format3(total.regions.f1())
                + ", pilot sites " + Py.format3(total.pilotSites.f1())
                + ", indicators " + Py.format3(total.indicators.f1())
                + ", lead " + Py.format3(total.lead.value())
                + ", document " + Py.format3(total.doc.value())
                + ", tasks " + total.tasksPred + "/" + total.tasksGold + ")");
        return new Evaluation(List.copyOf(documents), total.summary(), List.copyOf(report));
    }

    /** {@code sorted(gold_dir.glob("*.json"))}, directories left out. */
    private static List<Path> goldFiles(Path goldDir) throws IOException {
        if (!Files.isDirectory(goldDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(goldDir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !Files.isDirectory(p))
                    .sorted((a, b) -> Py.CODE_POINT_ORDER.compare(a.getFileName().toString(), b.getFileName().toString()))
                    .collect(Collectors.toList());
        }
    }

    /** {@code json.loads(path.read_text(encoding="utf-8"))}: strict UTF-8, a byte-order mark refused. */
    private static JsonNode readJson(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8: " + e, e);
        }
        if (text.startsWith("\uFEFF")) {
            throw new IOException("Unexpected UTF-8 BOM (decode using utf-8-sig)");
        }
        JsonNode node = JSON.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new IOException("Expecting value: line 1 column 1 (char 0)");
        }
        return node;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Path.stem: the name less its last suffix. */
    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1 ? fileName.substring(0, dot) : fileName;
    }

    /** str(Path(dir) / name) in Python: repeated slashes and "." parts dropped. */
    static String pythonPath(String dir, String name) {
        String root = dir.startsWith("//") && !dir.startsWith("///") ? "//" : dir.startsWith("/") ? "/" : "";
        List<String> parts = Arrays.stream(dir.split("/"))
                .filter(part -> !part.isEmpty() && !part.equals("."))
                .collect(Collectors.toCollection(ArrayList::new));
        if (name != null) {
            parts.add(name);
        }
        String joined = root + String.join("/", parts);
        return joined.isEmpty() ? "." : joined;
    }

    // ---- score_document -------------------------------------------------------------------------

    /** {@code value or {}} where a dict is expected; a truthy non-dict (a crash in Python) reads as {}. */
    private static JsonNode objectOrEmpty(JsonNode value) {
        return value != null && value.isObject() ? value : EMPTY;
    }

    /** score.py's items(obj, key): the dicts in obj[key]. */
    private static List<JsonNode> items(JsonNode obj, String key) {
        JsonNode list = Py.get(obj, key);
        List<JsonNode> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode item : list.values()) {
                if (item.isObject()) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    private static boolean optional(JsonNode item) {
        return Py.truthy(Py.get(item, "optional"));
    }

    /** {@code (value or "").upper()}; a non-string (a crash in Python) is upper-cased as its str(). */
    private static String upper(JsonNode value) {
        return Py.truthy(value) ? Py.str(value).toUpperCase(Locale.ROOT) : "";
    }

    private static String regionKey(JsonNode region) {
        JsonNode code = Py.get(region, "code");
        return Py.truthy(code) ? Py.str(code) : "name:" + Py.norm(Py.get(region, "name"));
    }

    private static String siteKey(JsonNode site) {
        JsonNode kind = Py.get(site, "kind");
        String upperKind = Py.truthy(kind) ? upper(kind) : "REGION";
        return upperKind.equals("INSTITUTION") ? "inst:" + Py.norm(Py.get(site, "name")) : regionKey(site);
    }

    private static PyKey.Indicator indicatorKey(JsonNode indicator) {
        return new PyKey.Indicator(Py.number(Py.get(indicator, "value")), Py.norm(Py.get(indicator, "unit")));
    }

    private static PyKey.Text nameKey(JsonNode item) {
        return new PyKey.Text(Py.norm(Py.get(item, "name")));
    }

    /** score.py's split(): gold keys counted apart by their "optional" mark. */
    private static <K extends PyKey> List<Multiset<K>> split(List<JsonNode> gold, Function<JsonNode, K> key) {
        Multiset<K> required = new Multiset<>();
        Multiset<K> optional = new Multiset<>();
        for (JsonNode item : gold) {
            (optional(item) ? optional : required).add(key.apply(item));
        }
        return List.of(required, optional);
    }

    private static <K extends PyKey> Multiset<K> count(List<JsonNode> items, Function<JsonNode, K> key) {
        Multiset<K> out = new Multiset<>();
        items.forEach(item -> out.add(key.apply(item)));
        return out;
    }

    /** score.py's sites(): (site, level) pairs, each counted once; a pair may be both required and optional. */
    private static List<Multiset<PyKey.Site>> sites(JsonNode task, boolean withOptional) {
        Multiset<PyKey.Site> required = new Multiset<>();
        Multiset<PyKey.Site> optional = new Multiset<>();
        for (JsonNode pilot : items(task, "pilots")) {
            String level = upper(Py.get(pilot, "level"));
            for (JsonNode site : items(pilot, "sites")) {
                PyKey.Site key = new PyKey.Site(siteKey(site), level);
                if (withOptional && (optional(pilot) || optional(site))) {
                    optional.setOne(key);
                } else {
                    required.setOne(key);
                }
            }
        }
        return List.of(required, optional);
    }

    private static ObjectNode pseudoTask(JsonNode documentPart) {
        ArrayNode indicators = JSON.createArrayNode();
        items(documentPart, "indicators").forEach(indicators::add);
        ObjectNode task = JSON.createObjectNode();
        task.set("indicators", indicators);
        return task;
    }

    private static Map<TaskKey, JsonNode> tasksByOrdinal(JsonNode extraction) {
        Map<TaskKey, JsonNode> tasks = new LinkedHashMap<>();
        for (JsonNode task : items(extraction, "tasks")) {
            tasks.put(TaskKey.of(Py.get(task, "ordinal")), task); // like a dict: first key kept, last task
        }
        return tasks;
    }

    /** @param verbose where the verbose lines go, or null */
    static Scores scoreDocument(JsonNode gold, JsonNode pred, Consumer<String> verbose, String name) {
        Scores s = new Scores();
        JsonNode gd = objectOrEmpty(Py.get(objectOrEmpty(gold), "document"));
        JsonNode pd = objectOrEmpty(Py.get(objectOrEmpty(pred), "document"));
        for (String field : List.of("title", "doc_number", "issuer", "issue_date", "level")) {
            s.doc.add(Py.norm(Py.get(gd, field)).equals(Py.norm(Py.get(pd, field))));
        }
        String goldRegion = Py.str(Py.get(objectOrEmpty(Py.get(gd, "region")), "code"));
        String predRegion = Py.str(Py.get(objectOrEmpty(Py.get(pd, "region")), "code"));
        s.doc.add(goldRegion.equals(predRegion));

        Map<TaskKey, JsonNode> gtasks = tasksByOrdinal(gold);
        Map<TaskKey, JsonNode> ptasks = tasksByOrdinal(pred);
        s.tasksGold = gtasks.size();
        s.tasksPred = ptasks.size();
        // The document's own targets (outside any task) are scored as one more unit, with indicators only.
        TaskKey documentKey = TaskKey.of(JSON.getNodeFactory().stringNode("document"));
        gtasks.put(documentKey, pseudoTask(gd));
        ptasks.put(documentKey, pseudoTask(pd));
        List<TaskKey> ordinals = new ArrayList<>(gtasks.keySet());
        ptasks.keySet().stream().filter(k -> !gtasks.containsKey(k)).forEach(ordinals::add);
        ordinals.sort(TaskKey.ORDER);

        for (TaskKey ordinal : ordinals) {
            JsonNode g = gtasks.getOrDefault(ordinal, EMPTY);
            JsonNode p = ptasks.getOrDefault(ordinal, EMPTY);
            List<String> out = new ArrayList<>();
            if (g.size() > 0 && !ordinal.isDocument()) {
                s.titles.add(Py.norm(Py.get(g, "title")).equals(Py.norm(Py.get(p, "title"))));
                List<String> glead = items(g, "departments").stream()
                        .filter(d -> isExactly(Py.get(d, "role"), "LEAD") && !optional(d))
                        .map(d -> Py.norm(Py.get(d, "name"))).toList();
                List<String> plead = items(p, "departments").stream()
                        .filter(d -> upper(Py.get(d, "role")).equals("LEAD"))
                        .map(d -> Py.norm(Py.get(d, "name"))).toList();
                if (!glead.isEmpty()) {
                    s.lead.add(!plead.isEmpty() && plead.get(0).equals(glead.get(0)));
                }
            }

            List<Multiset<PyKey.Text>> departments = split(items(g, "departments"), Scorer::nameKey);
            out.add(line("departments", s.departments.add(departments.get(0),
                    count(items(p, "departments"), Scorer::nameKey), departments.get(1))));

            Function<JsonNode, PyKey.Text> region = r -> new PyKey.Text(regionKey(r));
            List<Multiset<PyKey.Text>> regions = split(items(g, "regions"), region);
            out.add(line("regions", s.regions.add(regions.get(0),
                    count(items(p, "regions"), region).distinct(), regions.get(1))));

            List<Multiset<PyKey.Site>> goldSites = sites(g, true);
            List<Multiset<PyKey.Site>> predSites = sites(p, false);
            out.add(line("pilot sites", s.pilotSites.add(goldSites.get(0),
                    predSites.get(0).plus(predSites.get(1)), goldSites.get(1))));

            List<Multiset<PyKey.Indicator>> indicators = split(items(g, "indicators"), Scorer::indicatorKey);
            List<JsonNode> pinds = items(p, "indicators");
            out.add(line("indicators", s.indicators.add(indicators.get(0),
                    count(pinds, Scorer::indicatorKey), indicators.get(1))));
            List<JsonNode> unused = new ArrayList<>(pinds);
            for (JsonNode gi : items(g, "indicators")) {
                if (optional(gi)) {
                    continue;
                }
                PyKey.Indicator goldKey = indicatorKey(gi);
                int match = -1;
                for (int i = 0; i < unused.size() && match < 0; i++) {
                    if (indicatorKey(unused.get(i)).equals(goldKey)) {
                        match = i;
                    }
                }
                if (match < 0) {
                    continue;
                }
                JsonNode pi = unused.remove(match);
                s.comparator.add(Py.equal(orEmptyString(Py.get(gi, "comparator")),
                        orEmptyString(Py.get(pi, "comparator"))));
                s.deadline.add(Py.norm(Py.get(gi, "deadline")).equals(Py.norm(Py.get(pi, "deadline"))));
            }

            if (verbose != null) {
                for (String entry : out) {
                    if (entry != null) {
                        verbose.accept("  " + name + " task " + ordinal.str() + " " + entry);
                    }
                }
            }
        }
        return s;
    }

    private static boolean isExactly(JsonNode value, String text) {
        return value != null && value.isString() && value.stringValue().equals(text);
    }

    private static JsonNode orEmptyString(JsonNode value) {
        return Py.truthy(value) ? value : EMPTY_STRING;
    }

    /** "what: missed [...] extra [...]", or null when nothing was missed or extra. */
    private static <K extends PyKey> String line(String what, List<Multiset<K>> missedAndExtra) {
        Multiset<K> missed = missedAndExtra.get(0);
        Multiset<K> extra = missedAndExtra.get(1);
        if (missed.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return what + ": missed " + missed.sortedElementsRepr() + " extra " + extra.sortedElementsRepr();
    }
}
