package org.policygraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policygraph.evaluate.Evaluation;
import org.policygraph.evaluate.Scorer;
import org.policygraph.ingest.DocumentPreparer;

/**
 * Extracts the composed evaluation sets (src/test/resources/composed-sets: documents in the layouts of other
 * governments, in text, HTML, .docx and PDF) and scores them against their gold with the project's scorer.
 * The floors sit a little under what the extractor reaches today, so a regression on any shape fails the build.
 */
class ComposedSetsQualityTests {

    static PolicyExtractor extractor;

    @TempDir
    Path predictions;

    @BeforeAll
    static void loadExtractor() {
        extractor = new PolicyExtractor();
    }

    @ParameterizedTest
    @ValueSource(strings = {"set1", "set2"})
    void shouldReadEveryShapeOfTheComposedSets(String set) throws Exception {
        Path root = Path.of(ComposedSetsQualityTests.class.getResource("/composed-sets/" + set).toURI());
        List<Path> documents;
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            documents = files.sorted().toList();
        }
        for (Path document : documents) {
            String name = document.getFileName().toString();
            Extraction extraction = extractor.extract(name, DocumentPreparer.prepare(Files.readAllBytes(document)));
            Files.writeString(predictions.resolve(name.replaceFirst("\\.[a-z]+$", "") + ".json"),
                    ExtractionJson.write(extraction), StandardCharsets.UTF_8);
        }
        Evaluation evaluation = Scorer.score(root.resolve("gold"), predictions);
        Evaluation.Summary all = evaluation.all();
        assertThat(all.tasksPredicted()).as("tasks found").isEqualTo(all.tasksGold());
        assertThat(evaluation.overallF1()).as("overall F1").isGreaterThanOrEqualTo(0.95);
        assertThat(all.departments().f1()).as("departments F1").isGreaterThanOrEqualTo(0.95);
        assertThat(all.lead().value()).as("lead accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(all.indicators().f1()).as("indicators F1").isGreaterThanOrEqualTo(0.95);
        assertThat(all.document().value()).as("document fields").isGreaterThanOrEqualTo(0.95);
    }
}
