package org.policygraph.graph;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/** Opens driver sessions on the configured database ({@code policygraph.database}). */
public final class GraphSessions {

    private final Driver driver;
    private final SessionConfig config;

    public GraphSessions(Driver driver, String database) {
        this.driver = driver;
        this.config = database == null || database.isBlank()
                ? SessionConfig.defaultConfig()
                : SessionConfig.forDatabase(database.trim());
    }

    public Session session() {
        return driver.session(config);
    }

    public Driver driver() {
        return driver;
    }
}
