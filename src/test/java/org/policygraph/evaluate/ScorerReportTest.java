package org.policygraph.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java report, line for line, against score.py's own output on the same files
 * (src/test/resources/evaluate/CASE/expected.txt and verbose.txt, made by make_cases.py there).
 */
class ScorerReportTest {

    private static final String UNREADABLE = ": unreadable prediction (";

    @ParameterizedTest
    @ValueSource(strings = {"identity", "drop_department", "swap_lead", "extra_region", "remove_indicator",
            "change_value", "optional_only", "missing_file", "unknown_fields", "corners"})
    void reportMatchesScorePy(String name) throws Exception {
        Path evaluate = Path.of(getClass().getResource("/evaluate").toURI());
        Path caseDir = evaluate.resolve(name);
        Path gold = Files.isDirectory(caseDir.resolve("gold")) ? caseDir.resolve("gold") : gold();
        Path pred = caseDir.resolve("pred");

        assertSameReport(run(gold, pred, false), caseDir.resolve("expected.txt"), pred);
        assertSameReport(run(gold, pred, true), caseDir.resolve("verbose.txt"), pred);
    }

    private static List<String> run(Path gold, Path pred, boolean verbose) throws Exception {
        List<String> printed = new ArrayList<>();
        Evaluation evaluation = Scorer.score(gold, pred, verbose, printed::add);
        assertThat(evaluation.report()).isEqualTo(printed);
        return printed;
    }

    private static void assertSameReport(List<String> actual, Path expectedFile, Path pred) throws Exception {
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        // score.py was run from the case directory with "pred" as PRED_DIR.
        String shownPred = Scorer.pythonPath(pred.toString(), null) + "/";
        List<String> relative = actual.stream().map(line -> line.replace(shownPred, "pred/")).toList();
        assertThat(relative).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            if (want.contains(UNREADABLE)) {
                // The parser's own message differs between Python and Jackson; the rest must not.
                String prefix = want.substring(0, want.indexOf(UNREADABLE) + UNREADABLE.length());
                assertThat(relative.get(i)).as("line %d of %s", i + 1, expectedFile).startsWith(prefix);
            } else {
                assertThat(relative.get(i)).as("line %d of %s", i + 1, expectedFile).isEqualTo(want);
            }
        }
    }

    static Path gold() throws URISyntaxException {
        return Path.of(ScorerReportTest.class.getResource("/gold").toURI());
    }
}
