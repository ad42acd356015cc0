package org.policygraph.corpus;

import org.policygraph.extract.Extraction;
import org.policygraph.graph.EmbeddedGraphTestSupport;
import org.policygraph.ingest.UnusableDocumentException;

/** Stands in for the extractor: a sample's file name maps to its gold extraction. */
public class GoldExtractor implements DocumentExtractor {
    @Override
    public Extracted extract(String sourceName, byte[] content) throws UnusableDocumentException {
        for (String gold : new String[] {EmbeddedGraphTestSupport.BAIYIN, EmbeddedGraphTestSupport.GANSU}) {
            if (sourceName.contains(gold)) {
                return new Extracted(EmbeddedGraphTestSupport.gold(gold), null);
            }
        }
        throw new UnusableDocumentException(sourceName + ": no gold extraction");
    }
}
