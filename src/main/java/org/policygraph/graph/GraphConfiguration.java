package org.policygraph.graph;

import org.neo4j.driver.Driver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/** Beans common to both modes: the sessions of this service and Spring Data's database choice. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyGraphProperties.class)
public class GraphConfiguration {

    @Bean
    public GraphSessions graphSessions(Driver driver, PolicyGraphProperties properties) {
        return new GraphSessions(driver, properties.database());
    }

    /** Spring Data Neo4j talks to {@code policygraph.database} (the server's default when blank). */
    @Bean
    public DatabaseSelectionProvider databaseSelectionProvider(PolicyGraphProperties properties) {
        String database = properties.database();
        return database == null || database.isBlank()
                ? DatabaseSelectionProvider.getDefaultSelectionProvider()
                : DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(database.trim());
    }
}
