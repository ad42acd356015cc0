package org.policygraph.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The programmatic API on predictions derived from the gold, with figures worked out by hand. */
class ScorerTest {

    private static final String GANSU = "gansu-2022-ganzhengbanfa-84.json";
    private static final String BAIYIN = "baiyin-2021-shizhengbanfa-100.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // The two gold files together: 49 tasks, 223 departments, 35 regions, 40 pilot sites,
    // 22 required indicators, 49 leads, 12 document fields.

    @TempDir
    Path pred;
    Path gold;

    @BeforeEach
    void copyGold() throws Exception {
        gold = ScorerReportTest.gold();
        for (String name : new String[] {GANSU, BAIYIN}) {
            Files.copy(gold.resolve(name), pred.resolve(name));
        }
    }

    @Test
    void goldAgainstItselfScoresOne() throws Exception {
        Evaluation e = Scorer.score(gold, gold);

        assertThat(e.overallF1()).isEqualTo(1.0);
        assertThat(e.all().tasksGold()).isEqualTo(49);
        assertThat(e.all().tasksPredicted()).isEqualTo(49);
        assertThat(e.all().departments().tp()).isEqualTo(223);
        assertThat(e.all().lead()).isEqualTo(new Evaluation.Fraction(49, 49, 1.0));
        assertThat(e.report().get(e.report().size() - 1)).isEqualTo("overall: F1 1.000 (departments 1.000, "
                + "regions 1.000, pilot sites 1.000, indicators 1.000, lead 1.000, document 1.000, tasks 49/49)");
    }

    @Test
    void droppedDepartmentIsMissed() throws Exception {
        edit(GANSU, doc -> departments(task(doc, 2)).remove(3));

        Evaluation.Category d = Scorer.score(gold, pred).all().departments();
        assertThat(d.tp()).isEqualTo(222);
        assertThat(d.fp()).isZero();
        assertThat(d.fn()).isEqualTo(1);
        assertThat(d.f1()).isCloseTo(2 * 222.0 / (2 * 222 + 1), within(1e-12));
    }

    @Test
    void swappedLeadCostsOneLeadOnly() throws Exception {
        edit(GANSU, doc -> {
            ((ObjectNode) departments(task(doc, 1)).get(0)).put("role", "PARTNER");
            ((ObjectNode) departments(task(doc, 1)).get(1)).put("role", "LEAD");
        });

        Evaluation e = Scorer.score(gold, pred);
        assertThat(e.all().lead()).isEqualTo(new Evaluation.Fraction(48, 49, 48 / 49.0));
        assertThat(e.all().departments().f1()).isEqualTo(1.0);
        assertThat(e.overallF1()).isEqualTo(1.0);
    }

    @Test
    void extraRegionIsAFalsePositiveOnce() throws Exception {
        edit(GANSU, doc -> {
            ArrayNode regions = (ArrayNode) task(doc, 1).get("regions");
            regions.addObject().put("name", "兰州市").put("code", "620100");
            regions.addObject().put("name", "兰州市").put("code", "620100"); // a set: counted once
        });

        Evaluation.Category r = Scorer.score(gold, pred).all().regions();
        assertThat(r.tp()).isEqualTo(35);
        assertThat(r.fp()).isEqualTo(1);
        assertThat(r.precision()).isEqualTo(35 / 36.0);
        assertThat(r.recall()).isEqualTo(1.0);
    }

    @Test
    void removedIndicatorIsMissedAndNotCompared() throws Exception {
        edit(GANSU, doc -> ((ArrayNode) task(doc, 1).get("indicators")).remove(0));

        Evaluation.Summary all = Scorer.score(gold, pred).all();
        assertThat(all.indicators().tp()).isEqualTo(21);
        assertThat(all.indicators().fn()).isEqualTo(1);
        assertThat(all.comparator()).isEqualTo(new Evaluation.Fraction(21, 21, 1.0));
    }

    @Test
    void changedValueIsBothMissedAndExtra() throws Exception {
        edit(GANSU, doc -> ((ObjectNode) task(doc, 2).get("indicators").get(1)).put("value", 351));

        Evaluation e = Scorer.score(gold, pred);
        Evaluation.Category i = e.all().indicators();
        assertThat(i.tp()).isEqualTo(21);
        assertThat(i.fp()).isEqualTo(1);
        assertThat(i.fn()).isEqualTo(1);
        assertThat(e.overallF1()).isCloseTo((3 + 21 / 22.0) / 4, within(1e-12));
    }

    @Test
    void valuesCompareAsRoundedNumbers() throws Exception {
        edit(GANSU, doc -> {
            ((ObjectNode) task(doc, 2).get("indicators").get(1)).put("value", "350.00001"); // round(…, 4)
            ((ObjectNode) task(doc, 1).get("indicators").get(0)).put("value", "１００");     // float() reads it
        });

        assertThat(Scorer.score(gold, pred).all().indicators().f1()).isEqualTo(1.0);
    }

    @Test
    void optionalGoldItemsCountNeitherWay() throws Exception {
        // Task 2's first indicator (1 次) is optional in the gold: leaving it out costs nothing.
        edit(GANSU, doc -> ((ArrayNode) task(doc, 2).get("indicators")).remove(0));

        Evaluation.Category i = Scorer.score(gold, pred).all().indicators();
        assertThat(i.tp()).isEqualTo(22);
        assertThat(i.fp()).isZero();
        assertThat(i.fn()).isZero();
    }

    @Test
    void missingPredictionScoresZeroForThatDocument() throws Exception {
        Files.delete(pred.resolve(BAIYIN));

        Evaluation e = Scorer.score(gold, pred);
        assertThat(e.report().get(0)).endsWith("/" + BAIYIN + ": missing prediction");
        Evaluation.DocumentScore baiyin = e.documents().get(0);
        assertThat(baiyin.prediction()).isEqualTo(Evaluation.Prediction.MISSING);
        assertThat(baiyin.scores().overallF1()).isZero();
        assertThat(baiyin.scores().document()).isEqualTo(new Evaluation.Fraction(0, 6, 0.0));
        assertThat(e.all().tasksPredicted()).isEqualTo(23);
        assertThat(e.all().document()).isEqualTo(new Evaluation.Fraction(6, 12, 0.5));
        assertThat(e.documents().get(1).scores().overallF1()).isEqualTo(1.0);
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        edit(BAIYIN, doc -> {
            ((ObjectNode) doc).putObject("model").put("name", "x").putArray("runs").add(1);
            ((ObjectNode) doc.get("document")).put("confidence", 0.5);
            for (JsonNode t : doc.get("tasks")) {
                ((ObjectNode) t).put("score", 0.9).putNull("whatever");
                ((ArrayNode) t.get("departments")).add("a string, not a department");
            }
        });

        assertThat(Scorer.score(gold, pred).overallF1()).isEqualTo(1.0);
    }

    @Test
    void noGoldFilesIsAnError(@TempDir Path empty) {
        assertThatThrownBy(() -> Scorer.score(empty, pred)).isInstanceOf(Scorer.NoGoldFilesException.class)
                .hasMessageStartingWith("no gold files in ");
    }

    @Test
    void pythonFormattingAndNumbers() {
        assertThat(Py.format3(0.0625)).isEqualTo("0.062");
        assertThat(Py.format3(2 / 3.0)).isEqualTo("0.667");
        assertThat(Py.floatRepr(1e-05)).isEqualTo("1e-05");
        assertThat(Py.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(Py.floatRepr(350.0)).isEqualTo("350.0");
        assertThat(Py.floatRepr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Py.round4(0.03125)).isEqualTo(0.0312);
        assertThat(Py.parseFloat(" 1_000.5\u3000")).isEqualTo(1000.5);
        assertThat(Py.parseFloat("1__0")).isNull();
        assertThat(Py.parseFloat("40%")).isNull();
        assertThat(Py.normText(" 省\u3000卫生\n健康委。。")).isEqualTo("省卫生健康委");
        assertThat(Py.normText("a\u200bb")).isEqualTo("a\u200bb"); // zero-width space is not \s
    }

    private void edit(String name, Consumer<JsonNode> change) throws Exception {
        Path file = pred.resolve(name);
        JsonNode doc = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        change.accept(doc);
        Files.writeString(file, JSON.writeValueAsString(doc), StandardCharsets.UTF_8);
    }

    private static JsonNode task(JsonNode doc, int ordinal) {
        for (JsonNode t : doc.get("tasks")) {
            if (t.get("ordinal").intValue() == ordinal) {
                return t;
            }
        }
        throw new IllegalArgumentException("no task " + ordinal);
    }

    private static ArrayNode departments(JsonNode task) {
        return (ArrayNode) task.get("departments");
    }
}
