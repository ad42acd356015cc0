package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(store.pending(10)).containsExactlyInAnyOrder(GANSU_2022, BAIYIN_2022);
        assertThat(count("MATCH ()-[r:IMPLEMENTS]->() RETURN count(r)")).isZero();

        assertThat(linkStage.linkPending(1)).isEqualTo(2);

        assertThat(store.pending(10)).isEmpty();
        assertThat(count("MATCH (b:Task)-[:IMPLEMENTS]->(:Task) WHERE b.docKey = '" + BAIYIN_2022
                + "' RETURN count(DISTINCT b)")).isEqualTo(26);
        assertThat(linkStage.linkPending(10)).isZero();
        // A load that is linked right away is never pending.
        load(GANSU, sample(GANSU));
        assertThat(store.pending(10)).isEmpty();
    }
}
