package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TaskAlignerTest extends LinkTestSupport {

    static final Path GOLD = Path.of("src", "test", "resources", "alignment", "baiyin-2021-to-gansu-2022.tsv");

    @Autowired
    TaskAligner aligner;

    @BeforeEach
    void samples() {
        clearDocuments();
        loadSamples();
    }

    /** Baiyin ordinal -> Gansu ordinal, from the hand-made table. */
    static Map<Integer, Integer> gold() throws IOException {
        Map<Integer, Integer> gold = new TreeMap<>();
        for (String line : Files.readAllLines(GOLD, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("baiyin_ordinal") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t");
            gold.put(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]));
        }
        return gold;
    }

    static int ordinal(String taskKey) {
        return Integer.parseInt(taskKey.substring(taskKey.lastIndexOf('#') + 1));
    }

    @Test
    void alignsBaiyinTasksWithGansuTasksAsJudgedByHand() throws IOException {
        Map<Integer, Integer> gold = gold();
        assertThat(gold).hasSize(26);
        Map<Integer, List<Integer>> ranked = aligner.alignments(BAIYIN_2022).stream()
                .collect(Collectors.groupingBy(a -> ordinal(a.lowerTaskKey()), TreeMap::new,
                        Collectors.mapping(a -> ordinal(a.higherTaskKey()), Collectors.toList())));
        int top1 = 0;
        int top3 = 0;
        StringBuilder report = new StringBuilder();
        for (Map.Entry<Integer, Integer> e : gold.entrySet()) {
            List<Integer> found = ranked.getOrDefault(e.getKey(), List.of());
            boolean first = !found.isEmpty() && found.get(0).equals(e.getValue());
            top1 += first ? 1 : 0;
            top3 += found.contains(e.getValue()) ? 1 : 0;
            report.append(String.format("%2d -> gold %2d, found %s%s%n", e.getKey(), e.getValue(), found, first ? "" : "  MISS"));
        }
        double top1Accuracy = top1 / (double) gold.size();
        double top3Accuracy = top3 / (double) gold.size();
        System.out.printf("Alignment Baiyin (moved to 2022) -> Gansu 2022: top-1 %d/%d = %.3f, top-3 %d/%d = %.3f%n%s",
                top1, gold.size(), top1Accuracy, top3, gold.size(), top3Accuracy, report);
        assertThat(top1Accuracy).isGreaterThanOrEqualTo(0.8);
        assertThat(top3Accuracy).isGreaterThanOrEqualTo(0.9);
    }
}
