package org.policygraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.extract.region.RegionGazetteer.Division;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deterministic scale corpus for benchmarks: N synthetic yearly 重点工作任务 notices written as text in the
 * two real layouts (the Gansu web page and the Baiyin markdown), so that decoding, structure, extraction
 * and loading all run on them.
 *
 * <p>Every document recombines the 49 real tasks of the two bundled samples (their own wording, line
 * breaks and responsibility clauses) under real section titles. The issuer is a real division (all
 * divisions with a code, in a seeded shuffled order, so 10,000 documents name every province, city and
 * county at least once); department prefixes 省/市 become the issuer's level (省/市/县); each task's
 * regions and pilot sites from the gold annotations are replaced by real divisions inside the issuer's
 * region; indicator values from the gold are varied; the year is 2019–2025. Same seed, same bytes.
 *
 * <p>Lives in test scope: it reads the gold annotations (test resources) and is a benchmark tool, not
 * part of the shipped jar. Usage: {@code bench/generate N DIR [SEED]}.
 */
public final class CorpusGenerator {

    static final String[] SAMPLES = {"gansu-2022-ganzhengbanfa-84", "baiyin-2021-shizhengbanfa-100"};
    private static final String CN = "一二三四五六七八九十";
    private static final Pattern GANSU_SECTION = Pattern.compile("^\\s*[一二三四五六七八九十]+、\\s*(.+)$");
    private static final Pattern GANSU_TASK = Pattern.compile("^\\s*\\([一二三四五六七八九十]+\\)(.*)$");
    private static final Pattern BAIYIN_SECTION = Pattern.compile("^#{2,4} (?:\\*\\*)?[一二三四五六七八九十]+、(.+?)(?:\\*\\*)?$");
    private static final Pattern BAIYIN_TASK = Pattern.compile("^\\*\\*[（(]\\s*[一二三四五六七八九十]+\\s*[）)]\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern CLAUSE = Pattern.compile("[（(]([^（）()]*)[）)]\\s*$");
    private static final Pattern DEPARTMENT_PREFIX = Pattern.compile("(^|[、，,；;：:])(省|市)(?=[\\u4e00-\\u9fff])");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    /** One real task: title, the rest of its text (clause included), and its gold regions, sites, indicators. */
    record TaskTemplate(String source, String title, String body, List<String> places, List<String> indicators) {}

    /** A sample's own frame: header before the first section and trailer after the last task. */
    record Frame(String header, String trailer, String issuer, String region, String docNumber, String date,
            int year) {}

    /** A generated document. */
    public record Document(String fileName, String issuerCode, Level level, int year, String layout,
            String docNumber, int tasks, String text) {}

    private final RegionGazetteer gazetteer;
    private final List<TaskTemplate> tasks = new ArrayList<>();
    private final List<String> sectionTitles = new ArrayList<>();
    private final Map<String, Frame> frames = new HashMap<>();
    private final List<Division> issuers;
    private final Map<String, List<Division>> inside = new HashMap<>();
    private final Map<String, String> abbreviations = new HashMap<>();

    public CorpusGenerator(long seed) throws IOException {
        gazetteer = RegionGazetteer.load();
        List<Division> all = new ArrayList<>();
        for (Division d : gazetteer.divisions()) {
            if (d.code() == null || d.name().contains("市辖区") || d.name().contains("直辖")) continue;
            all.add(d);
            for (Division a : gazetteer.ancestors(d)) inside.computeIfAbsent(a.code(), k -> new ArrayList<>()).add(d);
        }
        issuers = new ArrayList<>(all);
        Collections.shuffle(issuers, new Random(seed));
        for (String line : resource("/reference/province-abbreviations.tsv").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] cols = line.split("\t");
            abbreviations.put(cols[0], cols[1].split(" ")[0]);
        }
        JsonMapper mapper = JsonMapper.builder().build();
        for (String sample : SAMPLES) {
            String text = resource("/samples/" + sample + ".txt").replace("\r\n", "\n");
            JsonNode gold = mapper.readTree(resource("/gold/" + sample + ".json"));
            parse(sample, text, gold);
        }
    }

    private void parse(String sample, String text, JsonNode gold) {
        boolean gansu = sample.startsWith("gansu");
        String trailerMark = gansu ? "版权声明" : "各县区、各有关部门";
        int trailerAt = text.indexOf(trailerMark);
        while (trailerAt > 0 && text.charAt(trailerAt - 1) != '\n') trailerAt--;
        String[] lines = text.substring(0, trailerAt).split("\n", -1);
        StringBuilder header = new StringBuilder();
        StringBuilder current = null;
        List<String> raw = new ArrayList<>();
        boolean inBody = false;
        for (String line : lines) {
            boolean section = false;
            Matcher s = (gansu ? GANSU_SECTION : BAIYIN_SECTION).matcher(line);
            if (s.matches() && (!gansu || !line.contains("("))) {
                section = true;
                inBody = true;
                sectionTitles.add(s.group(1).strip());
            }
            Matcher t = (gansu ? GANSU_TASK : BAIYIN_TASK).matcher(line);
            if (section) {
                if (current != null) raw.add(current.toString());
                current = null;
            } else if (inBody && t.matches()) {
                if (current != null) raw.add(current.toString());
                current = new StringBuilder(t.group(1));
            } else if (!inBody) {
                header.append(line).append('\n');
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) raw.add(current.toString());
        JsonNode goldTasks = gold.get("tasks");
        if (goldTasks.size() != raw.size()) {
            throw new IllegalStateException(sample + ": " + raw.size() + " tasks in text, " + goldTasks.size() + " in gold");
        }
        for (int i = 0; i < raw.size(); i++) {
            String content = raw.get(i).stripTrailing();
            int stop = content.indexOf('。');
            String title = content.substring(0, stop).replace("**", "").strip();
            String body = content.substring(stop + 1);
            if (body.startsWith("**")) body = body.substring(2);
            JsonNode g = goldTasks.get(i);
            Set<String> places = new LinkedHashSet<>();
            for (JsonNode r : g.path("regions")) places.add(r.get("name").asString());
            for (JsonNode p : g.path("pilots")) {
                for (JsonNode site : p.path("sites")) {
                    if ("REGION".equals(site.get("kind").asString())) places.add(site.get("name").asString());
                }
            }
            List<String> indicators = new ArrayList<>();
            for (JsonNode ind : g.path("indicators")) indicators.add(ind.get("text").asString());
            tasks.add(new TaskTemplate(sample, title, body, List.copyOf(places), indicators));
        }
        JsonNode doc = gold.get("document");
        frames.put(gansu ? "gansu" : "baiyin", new Frame(header.toString(), text.substring(trailerAt),
                doc.get("issuer").asString(), doc.get("region").get("name").asString(),
                doc.get("doc_number").asString(), doc.get("issue_date").asString(), doc.get("year").asInt()));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CorpusGenerator.class.getResourceAsStream(path)) {
            if (in == null) throw new IOException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public List<TaskTemplate> tasks() {
        return tasks;
    }

    /** Documents 0..n-1 for this generator's seed; document i depends only on the seed and i. */
    public List<Document> generate(int n, long seed) {
        List<Document> out = new ArrayList<>(n);
        generate(n, seed, out::add);
        return out;
    }

    /** {@link #generate(int, long)}, each document handed over as it is made (100,000 do not fit a 1 GB heap). */
    public void generate(int n, long seed, Consumer<Document> out) {
        Map<String, Integer> serials = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Random rnd = new Random(new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L)).nextLong());
            int issuerIndex = i % issuers.size();
            Division issuer = issuers.get(issuerIndex);
            int year = 2019 + (i / issuers.size() + issuerIndex) % 7;
            String layout = rnd.nextInt(2) == 0 ? "gansu" : "baiyin";
            String prefix = switch (issuer.level()) {
                case PROVINCE -> abbreviations.getOrDefault(issuer.code(), "省") + "政办发";
                case CITY -> "市政办发";
                default -> issuer.name().endsWith("区") ? "区政办发" : "县政办发";
            };
            int serial = serials.merge(prefix + year, 1, Integer::sum) + 100;
            String docNumber = prefix + "〔" + year + "〕" + serial + "号";
            out.accept(document(i, rnd, issuer, year, layout, docNumber));
        }
    }

    private Document document(int i, Random rnd, Division issuer, int year, String layout, String docNumber) {
        String l = switch (issuer.level()) {
            case PROVINCE -> "省";
            case CITY -> "市";
            default -> "县";
        };
        String issuerName = issuer.name() + (issuer.level() == Level.PROVINCE ? "人民政府办公厅" : "人民政府办公室");
        String shortName = shortName(issuer.name());
        int month = 1 + rnd.nextInt(12);
        int day = 1 + rnd.nextInt(28);
        String date = year + "年" + month + "月" + day + "日";
        boolean gansu = layout.equals("gansu");
        Frame frame = frames.get(layout);

        StringBuilder body = new StringBuilder();
        int sections = 4 + rnd.nextInt(3);
        int ordinal = 0;
        for (int s = 0; s < sections; s++) {
            String title = sectionTitles.get(rnd.nextInt(sectionTitles.size()));
            body.append(gansu ? "  " + numeral(s + 1) + "、" + title + "\n\n" : "## " + numeral(s + 1) + "、" + title + "\n\n");
            int count = 3 + rnd.nextInt(4);
            for (int t = 0; t < count; t++) {
                TaskTemplate task = tasks.get(rnd.nextInt(tasks.size()));
                ordinal++;
                String text = adapt(task, issuer, l, shortName, rnd);
                int stop = text.indexOf('。');
                String taskTitle = text.substring(0, stop);
                String rest = text.substring(stop + 1);
                body.append(gansu ? "  (" + numeral(ordinal) + ")" + taskTitle + "。" + rest
                        : "**（" + numeral(ordinal) + "）" + taskTitle + "。**" + rest).append("\n\n");
            }
        }
        String header = frame.header();
        String trailer = frame.trailer();
        String[][] swaps = {
            {frame.issuer(), issuerName},
            {frame.docNumber(), docNumber},
            {dateText(frame.date()), date},
            {frame.region(), issuer.name()},
            {"省政府", l + "政府"},
            {"市政府", l + "政府"},
            {String.valueOf(frame.year()), String.valueOf(year)},
        };
        for (String[] swap : swaps) {
            header = header.replace(swap[0], swap[1]);
            trailer = trailer.replace(swap[0], swap[1]);
        }
        // the web page's publication stamp: 22-07-14 16:28
        header = header.replaceFirst("\\d\\d-\\d\\d-\\d\\d (\\d\\d:\\d\\d)",
                String.format("%02d-%02d-%02d $1", year % 100, month, day));
        String text = header + body + trailer;
        String fileName = String.format("pg-%05d-%s-%d.txt", i, issuer.code(), year);
        return new Document(fileName, issuer.code(), issuer.level(), year, layout, docNumber, ordinal, text);
    }

    /** The task's text (title。rest) rewritten for this issuer. */
    private String adapt(TaskTemplate task, Division issuer, String l, String shortName, Random rnd) {
        String text = task.title() + "。" + task.body();
        // indicators: vary the number in each gold indicator's text
        for (String indicator : task.indicators()) {
            int at = text.indexOf(indicator);
            Matcher m = NUMBER.matcher(indicator);
            if (at < 0 || !m.find()) continue;
            double value = Double.parseDouble(m.group());
            boolean percent = indicator.contains("%");
            long varied = Math.max(1, Math.round(value * (0.6 + 0.8 * rnd.nextDouble())));
            if (percent) varied = Math.min(100, varied);
            String replaced = indicator.substring(0, m.start()) + varied + indicator.substring(m.end());
            text = text.substring(0, at) + replaced + text.substring(at + indicator.length());
        }
        // places and pilot sites: real divisions inside the issuer's region, through placeholders
        List<String> places = new ArrayList<>(task.places());
        places.sort(Comparator.comparingInt(String::length).reversed());
        List<Division> pool = new ArrayList<>(inside.getOrDefault(issuer.code(), List.of()));
        Collections.shuffle(pool, rnd);
        Map<String, String> chosen = new LinkedHashMap<>();
        for (int p = 0; p < places.size(); p++) {
            String original = places.get(p);
            Level wanted = original.endsWith("县") || original.endsWith("区") ? Level.COUNTY : Level.CITY;
            Division pick = null;
            for (Division d : pool) {
                if (d.level() == wanted) {
                    pick = d;
                    break;
                }
            }
            if (pick == null && !pool.isEmpty()) pick = pool.get(0);
            if (pick != null) pool.remove(pick);
            chosen.put(original, pick == null ? issuer.name() : pick.name());
            text = text.replace(original, "\u0001" + p + "\u0002");
        }
        text = text.replace("甘肃省", issuer.name()).replace("白银市", issuer.name())
                .replace("甘肃", shortName).replace("白银", shortName)
                .replace("全省", "全" + l).replace("全市", "全" + l).replace("我省", "我" + l).replace("我市", "我" + l);
        int p = 0;
        for (String replacement : chosen.values()) {
            text = text.replace("\u0001" + p + "\u0002", replacement);
            p++;
        }
        for (String replacement : new LinkedHashSet<>(chosen.values())) {
            text = text.replace(replacement + "、" + replacement, replacement);
        }
        // departments of the responsibility clause take the issuer's level
        Matcher clause = CLAUSE.matcher(text);
        if (clause.find()) {
            String departments = DEPARTMENT_PREFIX.matcher(clause.group(1)).replaceAll("$1" + l);
            text = text.substring(0, clause.start(1)) + departments + text.substring(clause.end(1));
        }
        return text;
    }

    private static String shortName(String name) {
        for (String suffix : new String[] {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "盟", "旗"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static String dateText(String iso) {
        String[] p = iso.split("-");
        return Integer.parseInt(p[0]) + "年" + Integer.parseInt(p[1]) + "月" + Integer.parseInt(p[2]) + "日";
    }

    static String numeral(int n) {
        if (n <= 10) return String.valueOf(CN.charAt(n - 1));
        if (n < 20) return "十" + CN.charAt(n - 11);
        int tens = n / 10;
        int ones = n % 10;
        return CN.charAt(tens - 1) + "十" + (ones == 0 ? "" : String.valueOf(CN.charAt(ones - 1)));
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator N DIR [SEED]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20260801L;
        long started = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(seed);
        Files.createDirectories(dir);
        long[] chars = {0};
        int[] tasks = {0};
        StringBuilder manifest = new StringBuilder("file\tissuer\tlevel\tyear\tlayout\tdocNumber\ttasks\tchars\n");
        generator.generate(n, seed, d -> {
            try {
                Files.writeString(dir.resolve(d.fileName()), d.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            chars[0] += d.text().length();
            tasks[0] += d.tasks();
            manifest.append(String.join("\t", d.fileName(), d.issuerCode(), d.level().name(), String.valueOf(d.year()),
                    d.layout(), d.docNumber(), String.valueOf(d.tasks()), String.valueOf(d.text().length()))).append('\n');
        });
        Files.writeString(dir.resolve("manifest.tsv"), manifest, StandardCharsets.UTF_8);
        System.out.printf("%d documents, %,d tasks, %,d chars in %s (seed %d, %.1f s)%n", n, tasks[0], chars[0], dir, seed,
                (System.nanoTime() - started) / 1e9);
    }
}
