package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.graph.LinkStore;
import org.springframework.beans.factory.annotation.Autowired;

/** Documents loaded but not linked (a crash between the two) are durable state, linked later. */
class PendingLinkTest extends LinkTestSupport {

    @Autowired
    LinkStore store;

    @BeforeEach
    void empty() {
        clearDocuments();
    }

    @Test
    void documentsLoadedWithoutLinkingArePendingUntilLinked() {
        loader.load(extract(GANSU, sample(GANSU)));
        loader.load(extract(BAIYIN, baiyin2022()));
        assertThat(store.allPending()).containsExactlyInAnyOrder(GANSU_2022, BAIYIN_2022);
        assertThat(count("MATCH ()-[r:IMPLEMENTS]->() RETURN count(r)")).isZero();

        assertThat(linkStage.linkPending(1)).isEqualTo(2);

        assertThat(store.allPending()).isEmpty();
        assertThat(count("MATCH (b:Task)-[:IMPLEMENTS]->(:Task) WHERE b.docKey = '" + BAIYIN_2022
                + "' RETURN count(DISTINCT b)")).isEqualTo(26);
        assertThat(linkStage.linkPending(10)).isZero();
        // A load that is linked right away is never pending.
        load(GANSU, sample(GANSU));
        assertThat(store.allPending()).isEmpty();
    }

    /**
     * A linking sees the documents linked before it and its own, not others loaded meanwhile (a bulk
     * ingest loads the next batch while it links one): those are aligned by their own linking. Linking
     * the lower document first and the higher one after gives the alignment of linking both at once;
     * had the first linking seen the higher document, the second would have aligned to it again.
     */
    @Test
    void aLinkingLeavesOutDocumentsLoadedButNotLinkedYet() {
        loader.load(extract(GANSU, sample(GANSU)));
        loader.load(extract(BAIYIN, baiyin2022()));
        assertThat(linkStage.link(List.of(BAIYIN_2022))).isTrue();
        assertThat(count("MATCH ()-[r:IMPLEMENTS]->() RETURN count(r)")).isZero();
        assertThat(store.allPending()).containsExactly(GANSU_2022);

        assertThat(linkStage.link(List.of(GANSU_2022))).isTrue();
        List<Map<String, Object>> oneAfterTheOther = implementsRows();
        assertThat(oneAfterTheOther).isNotEmpty();

        clearDocuments();
        loader.load(extract(GANSU, sample(GANSU)));
        loader.load(extract(BAIYIN, baiyin2022()));
        assertThat(linkStage.link(List.of(GANSU_2022, BAIYIN_2022))).isTrue();
        assertThat(implementsRows()).isEqualTo(oneAfterTheOther);
    }

    /**
     * Linked in level order, documents loaded together are each aligned once: the higher one first,
     * while the lower one is still pending, then the lower one with its target linked. Linking the lower
     * one first, the higher one's linking aligns it again, to the same graph.
     */
    @Test
    void linkingInLevelOrderAlignsNoDocumentTwice() {
        loader.load(extract(BAIYIN, baiyin2022()));
        loader.load(extract(GANSU, sample(GANSU)));
        List<LinkStage.Progress> progress = new ArrayList<>();
        LinkStage.LinkRun run = linkStage.linkInLevelOrder(List.of(BAIYIN_2022, GANSU_2022), 1, progress::add);
        assertThat(run).isEqualTo(new LinkStage.LinkRun(2, 0));
        assertThat(progress).containsExactly(new LinkStage.Progress(1, 2), new LinkStage.Progress(2, 2));
        assertThat(store.allPending()).isEmpty();
        List<Map<String, Object>> inLevelOrder = implementsRows();
        assertThat(inLevelOrder).isNotEmpty();

        clearDocuments();
        loader.load(extract(BAIYIN, baiyin2022()));
        loader.load(extract(GANSU, sample(GANSU)));
        assertThat(linkStage.link(List.of(BAIYIN_2022))).isTrue();
        assertThat(linkStage.linkInLevelOrder(List.of(GANSU_2022), 1, p -> {}))
                .isEqualTo(new LinkStage.LinkRun(1, 1));
        assertThat(implementsRows()).isEqualTo(inLevelOrder);
    }

    /**
     * A reload in a run linked after loading: the documents that implemented a reloaded document that
     * moved are marked pending in the graph right away (they are aligned again with the run, or at the
     * next start if it stops first); those of a document that stayed where it was are not.
     */
    @Test
    void documentsImplementingAMovedDocumentArePendingUntilTheRunLinksThem() {
        loadSamples();
        assertThat(store.allPending()).isEmpty();
        LinkStore.DocumentInfo gansu = store.documents(List.of(GANSU_2022)).get(0);
        Map<String, List<String>> lower = store.lowerDocuments(List.of(GANSU_2022));
        assertThat(lower.get(GANSU_2022)).containsExactly(BAIYIN_2022);

        assertThat(linkStage.pendAgain(new LinkStage.Before(List.of(gansu), lower))).isEmpty();
        assertThat(store.allPending()).isEmpty();

        LinkStore.DocumentInfo elsewhere = new LinkStore.DocumentInfo(gansu.key(), gansu.level(), gansu.regionCode(),
                gansu.year() - 1);
        assertThat(linkStage.pendAgain(new LinkStage.Before(List.of(elsewhere), lower))).containsExactly(BAIYIN_2022);
        assertThat(store.allPending()).containsExactly(BAIYIN_2022);
        assertThat(linkStage.linkPending(100)).isEqualTo(1);
        assertThat(store.allPending()).isEmpty();
    }

    private List<Map<String, Object>> implementsRows() {
        try (var session = sessions.session()) {
            return session.run("""
                    MATCH (l:Task)-[i:IMPLEMENTS]->(h:Task)
                    RETURN l.key AS lower, h.key AS higher, i.rank AS rank, i.score AS score, i.sharedTerms AS terms
                    ORDER BY lower, higher
                    """).list(r -> r.asMap());
        }
    }
}
