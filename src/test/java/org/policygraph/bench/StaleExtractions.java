package org.policygraph.bench;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * For {@code bench/reextract}: makes every loaded document of an embedded database look extracted by
 * another extractor (its stored extraction hash matches nothing), so that {@code reextract --force}
 * replaces and links every document, as after a real change of the extractor.
 */
public final class StaleExtractions {

    private StaleExtractions() {}

    public static void main(String[] args) {
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(Path.of(args[0])).build();
        try {
            long marked = (long) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("""
                    MATCH (d:Document) WHERE d.stub = false
                    SET d.extractionHash = 'stale'
                    RETURN count(d) AS n
                    """, java.util.Map.of(), result -> result.next().get("n"));
            System.out.println("marked " + marked + " documents as extracted by another extractor");
        } finally {
            service.shutdown();
        }
    }
}
