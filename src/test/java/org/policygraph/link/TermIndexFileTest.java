package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.graph.LinkStore;
import org.springframework.beans.factory.annotation.Autowired;

/** The term index kept in a file between runs: read back it is the index that was written, checked against the graph. */
class TermIndexFileTest extends LinkTestSupport {

    @Autowired
    LinkStore store;

    @Autowired
    TaskTerms terms;

    @TempDir
    Path directory;

    @Test
    void anIndexReadBackScoresAsTheOneWrittenAndADocumentThatChangedIsReadAgain() throws IOException {
        clearDocuments();
        loadSamples();
        Map<String, String> fingerprints = store.loadedDocuments().fingerprints();
        Set<String> keys = Set.of(GANSU_2022, BAIYIN_2022);
        TermIndex built = new TermIndex(terms);
        built.sync(fingerprints, List.of(), GANSU_2022::equals, keys, store);
        Path file = directory.resolve("term-index.bin");
        built.save(file, terms.settingsDigest());

        TermIndex read = new TermIndex(terms);
        assertThat(read.load(directory.resolve("missing.bin"), terms.settingsDigest())).isFalse();
        assertThat(read.load(file, "other term settings")).isFalse();
        assertThat(read.documentCount()).isZero();
        assertThat(read.load(file, terms.settingsDigest())).isTrue();
        assertThat(read.documentCount()).isEqualTo(2);
        assertThat(read.documentsKeepingTasks()).isEqualTo(1);
        assertThat(read.taskCount()).isEqualTo(built.taskCount()).isPositive();

        long changes = read.changes();
        read.sync(fingerprints, List.of(), GANSU_2022::equals, keys, store);
        assertThat(read.changes()).as("nothing read again").isEqualTo(changes);
        TermVectors written = built.vectors(keys);
        TermVectors readBack = read.vectors(keys);
        List<String> gansuTasks = read.tasks(GANSU_2022).stream().map(TermIndex.IndexedTask::key).toList();
        List<String> baiyinTasks = read.tasks(BAIYIN_2022).stream().map(TermIndex.IndexedTask::key).toList();
        assertThat(gansuTasks).hasSize(23);
        assertThat(baiyinTasks).hasSize(26);
        for (String lower : baiyinTasks) {
            for (String higher : gansuTasks) {
                assertThat(readBack.score(lower, higher)).isEqualTo(written.score(lower, higher));
            }
        }

        // A document whose fingerprint is not the one in the file is read again; one gone is dropped.
        Map<String, String> changed = new HashMap<>(fingerprints);
        changed.put(BAIYIN_2022, "reloaded");
        changed.remove(GANSU_2022);
        read.sync(changed, List.of(), key -> false, Set.of(BAIYIN_2022), store);
        assertThat(read.changes()).isEqualTo(changes + 3);
        assertThat(read.documentCount()).isEqualTo(1);
    }

    @Test
    void aTruncatedFileIsAnErrorAndLeavesTheIndexEmpty() throws IOException {
        clearDocuments();
        loadSamples();
        TermIndex built = new TermIndex(terms);
        built.sync(store.loadedDocuments().fingerprints(), List.of(), key -> true, Set.of(), store);
        Path file = directory.resolve("term-index.bin");
        built.save(file, terms.settingsDigest());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        TermIndex read = new TermIndex(terms);
        assertThatThrownBy(() -> read.load(file, terms.settingsDigest()))
                .isInstanceOf(IOException.class);
        assertThat(read.documentCount()).isZero();
        assertThat(read.taskCount()).isZero();
    }
}
