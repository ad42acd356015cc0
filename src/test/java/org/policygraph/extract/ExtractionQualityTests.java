package org.policygraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.UnusableDocumentException;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.evaluate.Evaluation;
import org.policygraph.evaluate.Scorer;

/**
 * Extracts the samples, and re-made copies of them, and scores the result against the hand-made gold
 * with the project's own scorer. The targets are those of the extraction issue; a regression fails the build.
 */
class ExtractionQualityTests {

    static PolicyExtractor extractor;

    @TempDir
    Path predictions;

    @BeforeAll
    static void loadExtractor() {
        extractor = new PolicyExtractor();
    }

    static Path goldDir() throws URISyntaxException {
        return Path.of(ExtractionQualityTests.class.getResource("/gold").toURI());
    }

    private Evaluation score(Function<String, byte[]> variant) throws Exception {
        for (String name : SampleVariants.SAMPLES) {
            Extraction extraction = extractor.extract(name + ".txt", DocumentPreparer.prepare(variant.apply(SampleVariants.sample(name))));
            Files.writeString(predictions.resolve(name + ".json"), ExtractionJson.write(extraction), StandardCharsets.UTF_8);
        }
        return Scorer.score(goldDir(), predictions);
    }

    private static void assertMeetsTargets(Evaluation evaluation) {
        Evaluation.Summary all = evaluation.all();
        assertThat(all.tasksPredicted()).as("tasks found").isEqualTo(all.tasksGold()).isEqualTo(49);
        assertThat(evaluation.overallF1()).as("overall F1").isGreaterThanOrEqualTo(0.97);
        assertThat(all.departments().f1()).as("departments F1").isGreaterThanOrEqualTo(0.95);
        assertThat(all.regions().f1()).as("regions F1").isGreaterThanOrEqualTo(0.95);
        assertThat(all.pilotSites().f1()).as("pilot sites F1").isGreaterThanOrEqualTo(0.95);
        assertThat(all.indicators().f1()).as("indicators F1").isGreaterThanOrEqualTo(0.95);
        assertThat(all.lead().value()).as("lead accuracy").isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void shouldMeetTheTargetsOnTheSamplesAsPublished() throws Exception {
        Evaluation evaluation = score(text -> text.getBytes(StandardCharsets.UTF_8));
        assertMeetsTargets(evaluation);
        assertThat(evaluation.all().document().value()).isEqualTo(1.0);
        assertThat(evaluation.all().titles().value()).isEqualTo(1.0);
        // As published the samples are read without a miss; the floors above are for the re-made variants.
        assertThat(evaluation.overallF1()).as("overall F1 as published").isEqualTo(1.0);
    }

    @Test
    void shouldReadUndeclaredGbkAsWellAsUtf8() throws Exception {
        assertMeetsTargets(score(text -> SampleVariants.encoded(text, Charset.forName("GBK"))));
    }

    @Test
    void shouldReadUtf16WithByteOrderMark() throws Exception {
        assertMeetsTargets(score(SampleVariants::utf16WithBom));
    }

    @Test
    void shouldReadHardWrappedPdfTextWithPageNumbers() throws Exception {
        Evaluation evaluation = score(text -> SampleVariants.pdfStyle(text, 29, 28).getBytes(StandardCharsets.UTF_8));
        assertMeetsTargets(evaluation);
        assertThat(evaluation.all().titles().value()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldReadTasksNumberedWithArabicNumeralsRestartingPerSection() throws Exception {
        assertMeetsTargets(score(text -> SampleVariants.arabicNumbered(text).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadTasksNumberedWithParenthesizedArabicNumerals() throws Exception {
        assertMeetsTargets(score(text -> SampleVariants.parenthesizedArabicNumbered(text).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadLeadAndResponsibleUnitsOnSeparateLines() throws Exception {
        assertMeetsTargets(score(text -> SampleVariants.labelledUnitLines(text).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadTraditionalCharacterCopies() throws Exception {
        assertMeetsTargets(score(text -> SampleVariants.traditional(text).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldEndTheLastTaskAtItsResponsibilityClause() throws Exception {
        String text = SampleVariants.sample("baiyin-2021-shizhengbanfa-100");
        Extraction extraction = extractor.extract("baiyin.txt", DocumentPreparer.prepare(text.getBytes(StandardCharsets.UTF_8)));
        Extraction.Task last = extraction.tasks().get(extraction.tasks().size() - 1);
        assertThat(last.text()).endsWith("按职责分工负责）");
        assertThat(text.substring(last.span().end())).contains("各县区、各有关部门要切实加强组织领导");
    }

    @Test
    void shouldReportSpansIntoTheDecodedInput() throws Exception {
        String text = SampleVariants.sample("gansu-2022-ganzhengbanfa-84");
        Extraction extraction = extractor.extract("gansu.txt", DocumentPreparer.prepare(text.getBytes(StandardCharsets.UTF_8)));
        for (Extraction.Task task : extraction.tasks()) {
            String quoted = text.substring(task.span().start(), task.span().end());
            assertThat(quoted).startsWith(task.label());
            for (Extraction.DepartmentRole d : task.departments()) {
                if (d.evidence() != null) {
                    assertThat(text.substring(d.evidence().start(), d.evidence().end())).isEqualTo(d.name());
                }
            }
            for (Extraction.Indicator i : task.indicators()) {
                assertThat(text.substring(i.evidence().start(), i.evidence().end())).isEqualTo(i.text());
            }
        }
    }
}
