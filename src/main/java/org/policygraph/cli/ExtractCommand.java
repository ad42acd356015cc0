package org.policygraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.ExtractionJson;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.UnusableDocumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract each FILE to DIR/<name>.json (FORMAT.md). Exit 1 if any file failed.")
final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "output directory")
    Path outDir;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(outDir);
        PolicyExtractor extractor = new PolicyExtractor();
        int failed = 0;
        for (Path file : files) {
            try {
                byte[] content = Files.readAllBytes(file);
                Extraction extraction = extractor.extract(file.getFileName().toString(), DocumentPreparer.prepare(content));
                Path target = outDir.resolve(baseName(file) + ".json");
                Files.writeString(target, ExtractionJson.write(extraction), StandardCharsets.UTF_8);
            } catch (UnusableDocumentException | IOException e) {
                failed++;
                System.err.println(file + ": " + e.getMessage());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
