package org.policygraph.graph;

import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Beans common to both modes: the sessions of this service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyGraphProperties.class)
public class GraphConfiguration {

    /** In embedded mode with {@code policygraph.embedded.in-process}, reads and loads bypass Bolt. */
    @Bean
    public GraphSessions graphSessions(Driver driver, PolicyGraphProperties properties, Environment env,
            ObjectProvider<GraphDatabaseService> embedded) {
        GraphDatabaseService inProcess = embedded.getIfAvailable();
        PolicyGraphProperties.Embedded settings = properties.embedded();
        return inProcess != null && settings.inProcess()
                ? new GraphSessions(driver, null, inProcess, settings.writeAttempts(), settings.readAttempts())
                : new GraphSessions(driver, database(properties, env));
    }

    /** {@code policygraph.database} in external mode; embedded Neo4j (Community) has only its default database. */
    static String database(PolicyGraphProperties properties, Environment env) {
        String database = properties.database();
        if (GraphMode.of(env) == GraphMode.EMBEDDED || database == null || database.isBlank()) {
            return null;
        }
        return database.trim();
    }
}
