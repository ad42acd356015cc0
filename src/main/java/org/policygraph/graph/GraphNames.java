package org.policygraph.graph;

import java.util.List;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Component;

/** The names the graph holds, for what reads text against them (questions in Chinese). */
@Component
public class GraphNames {

    /** An institution and the code of its region (null when it has none). */
    public record Institution(String name, String regionCode) {}

    /**
     * @param departments every department name
     * @param institutions every institution
     * @param documentRegionCodes the region codes of the loaded documents' issuers
     */
    public record Names(List<String> departments, List<Institution> institutions, List<String> documentRegionCodes) {}

    private static final String DEPARTMENTS = "MATCH (d:Department) RETURN DISTINCT d.name AS name";
    private static final String INSTITUTIONS = "MATCH (i:Institution) RETURN i.name AS name, i.regionCode AS code";
    private static final String DOCUMENT_REGIONS = """
            MATCH (d:Document {stub: false}) WHERE d.regionCode IS NOT NULL RETURN DISTINCT d.regionCode AS code
            """;

    private final GraphSessions sessions;

    public GraphNames(GraphSessions sessions) {
        this.sessions = sessions;
    }

    /** All of them, read in one transaction. */
    public Names read() {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> new Names(
                    tx.run(DEPARTMENTS).list(r -> r.get("name").asString()),
                    tx.run(INSTITUTIONS).list(r -> new Institution(r.get("name").asString(),
                            Values.string(r.get("code")))),
                    tx.run(DOCUMENT_REGIONS).list(r -> r.get("code").asString())));
        }
    }
}
