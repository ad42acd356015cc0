package org.policygraph.graph;

import org.policygraph.extract.Extraction;
import org.policygraph.extract.ExtractionException;
import org.policygraph.extract.PolicyExtractor;

/** Stands in for the extractor: a sample's file name maps to its gold extraction. */
public class GoldExtractor extends PolicyExtractor {
    @Override
    public Extraction extract(String sourceName, byte[] content) throws ExtractionException {
        for (String gold : new String[] {EmbeddedGraphTestSupport.BAIYIN, EmbeddedGraphTestSupport.GANSU}) {
            if (sourceName.contains(gold)) {
                return EmbeddedGraphTestSupport.gold(gold);
            }
        }
        throw new ExtractionException(sourceName + ": no gold extraction");
    }
}
