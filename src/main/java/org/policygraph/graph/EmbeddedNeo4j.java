package org.policygraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Neo4j running inside this JVM with its Bolt server, so that drivers (Spring Data Neo4j,
 * cypher-shell, Neo4j Browser, other services) reach it exactly as they reach a server.
 *
 * <p>Authentication is off only while Bolt listens on a loopback address; on any other address a
 * password is required, and with a password authentication is on (user {@code neo4j}).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /** APOC classes registered in the embedded database (procedures and functions). */
    static final List<String> APOC_CLASSES = List.of(
            "apoc.help.Help",
            "apoc.coll.Coll",
            "apoc.text.Strings",
            "apoc.map.Maps",
            "apoc.convert.Convert",
            "apoc.convert.Json",
            "apoc.meta.Meta",
            "apoc.util.Utils",
            "apoc.create.Create",
            "apoc.path.PathExplorer",
            "apoc.number.Numbers",
            "apoc.date.Date",
            "apoc.temporal.TemporalProcedures",
            "apoc.agg.CollAggregation",
            "apoc.agg.Statistics");

    private final DatabaseManagementService service;
    private final GraphDatabaseService database;
    private final Path home;
    private final String host;
    private final int port;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService service, Path home, String host, int port, String password) {
        this.service = service;
        this.database = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.home = home;
        this.host = host;
        this.port = port;
        this.password = password;
    }

    /**
     * How often Neo4j looks for transactions past their timeout. Its default (2 s) lets a runaway query
     * outlive a 3 s analyst or GraphQL timeout by up to 2 s; checking often keeps the cut near the limit.
     */
    private static final java.time.Duration TIMEOUT_CHECK_INTERVAL = java.time.Duration.ofMillis(200);

    /**
     * How long each of Bolt's two event loop groups waits for a quiet moment before it stops. Neo4j's
     * default (5 s each) made every stop of the service take 10 s (a test suite that starts and stops
     * a dozen databases waited two minutes for it); the service's own reads and writes do not use Bolt,
     * and Neo4j's shutdown timeout still bounds what a client has in flight.
     */
    private static final int BOLT_SHUTDOWN_QUIET_SECONDS = 1;

    /**
     * Neo4j's own bounds on the heap its transactions use ({@code db.memory.transaction.max} and
     * {@code db.memory.transaction.total.max}): a query that needs more fails with
     * {@code TransactionMemoryLimit} instead of exhausting the JVM's heap. A null or zero size keeps
     * Neo4j's default (no bound per transaction; 70 % of the heap for all of them together).
     */
    public record TransactionMemory(DataSize perTransaction, DataSize total) {
        public static final TransactionMemory NEO4J_DEFAULTS = new TransactionMemory(null, null);
    }

    /** Starts the database with Neo4j's default transaction memory bounds. */
    public static EmbeddedNeo4j start(Path dataDir, String boltAddress, String password) {
        return start(dataDir, boltAddress, password, TransactionMemory.NEO4J_DEFAULTS);
    }

    /** Starts the database with these transaction memory bounds and Neo4j's default log retention. */
    public static EmbeddedNeo4j start(Path dataDir, String boltAddress, String password, TransactionMemory memory) {
        return start(dataDir, boltAddress, password, memory, null);
    }

    /**
     * Starts the database; fails fast on an unsafe or unusable configuration.
     *
     * @param transactionLogRetention which transaction logs Neo4j keeps beyond those recovery needs
     *     ({@code db.tx_log.rotation.retention_policy}, e.g. {@code 1G size}); null or blank: its default
     */
    public static EmbeddedNeo4j start(Path dataDir, String boltAddress, String password, TransactionMemory memory,
            String transactionLogRetention) {
        SocketAddress listen = parseAddress(boltAddress);
        boolean loopback = isLoopback(listen.getHostname());
        boolean hasPassword = password != null && !password.isBlank();
        if (!loopback && !hasPassword) {
            throw new IllegalStateException("Bolt would listen on " + boltAddress
                    + ", beyond loopback: set policygraph.embedded.password (authentication is then enabled),"
                    + " or bind policygraph.embedded.bolt-address to 127.0.0.1");
        }
        Path home = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + home, e);
        }
        log.info("Starting embedded Neo4j in {} with Bolt on {} (authentication {}), transaction memory at most {}"
                        + " each and {} together", home, listen, hasPassword ? "enabled" : "disabled",
                isSet(memory.perTransaction()) ? memory.perTransaction() : "unbounded",
                isSet(memory.total()) ? memory.total() : "Neo4j's default");
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (isSet(memory.perTransaction())) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_max_size, memory.perTransaction().toBytes());
        }
        if (isSet(memory.total())) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, memory.total().toBytes());
        }
        if (transactionLogRetention != null && !transactionLogRetention.isBlank()) {
            builder.setConfig(GraphDatabaseSettings.keep_logical_logs, transactionLogRetention.strip());
        }
        DatabaseManagementService service = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, listen)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, hasPassword)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, TIMEOUT_CHECK_INTERVAL)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, BOLT_SHUTDOWN_QUIET_SECONDS)
                .build();
        EmbeddedNeo4j neo4j;
        try {
            GraphDatabaseAPI api = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            HostnamePort bound = api.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (bound == null) {
                throw new IllegalStateException("the Bolt connector did not start on " + listen);
            }
            String connectHost = listen.isWildcard() ? "127.0.0.1" : listen.getHostname();
            neo4j = new EmbeddedNeo4j(service, home, connectHost, bound.getPort(), hasPassword ? password : null);
            if (hasPassword) {
                neo4j.setPassword(password);
            }
            neo4j.registerApoc(api);
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
        log.info("Embedded Neo4j ready at {}", neo4j.boltUri());
        return neo4j;
    }

    private static boolean isSet(DataSize size) {
        return size != null && size.toBytes() > 0;
    }

    static SocketAddress parseAddress(String boltAddress) {
        String value = boltAddress.trim();
        int colon = value.lastIndexOf(':');
        if (colon < 0 || value.endsWith("]")) {
            throw new IllegalStateException("policygraph.embedded.bolt-address must be host:port, not '" + value + "'");
        }
        String hostPart = value.substring(0, colon);
        if (hostPart.startsWith("[") && hostPart.endsWith("]")) {
            hostPart = hostPart.substring(1, hostPart.length() - 1);
        }
        try {
            return new SocketAddress(hostPart, Integer.parseInt(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("policygraph.embedded.bolt-address must be host:port, not '" + value + "'");
        }
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("policygraph.embedded.bolt-address: unknown host " + host, e);
        }
    }

    private void setPassword(String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            // Re-applying the current password is refused by Neo4j; that is the steady state after the first start.
            if (!message.contains("cannot be the same")) {
                throw new IllegalStateException("cannot set the password of user neo4j: " + message, e);
            }
        }
    }

    private void registerApoc(GraphDatabaseAPI api) {
        GlobalProcedures procedures = api.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        int registered = 0;
        for (String name : APOC_CLASSES) {
            Class<?> type;
            try {
                type = Class.forName(name);
            } catch (ClassNotFoundException e) {
                log.warn("APOC class {} is not on the classpath", name);
                continue;
            }
            try {
                procedures.registerProcedure(type);
                procedures.registerFunction(type);
                procedures.registerAggregationFunction(type);
                registered++;
            } catch (Exception | LinkageError e) {
                log.warn("Could not register APOC class {}: {}", name, e.getMessage());
            }
        }
        log.info("Registered {} APOC classes", registered);
    }

    public URI boltUri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("bolt://" + h + ":" + port);
    }

    public int boltPort() {
        return port;
    }

    public Path home() {
        return home;
    }

    public AuthToken authToken() {
        return password == null ? AuthTokens.none() : AuthTokens.basic("neo4j", password);
    }

    /** The in-process database, for maintenance that must bypass Bolt. */
    public GraphDatabaseService database() {
        return database;
    }

    @Override
    public void close() {
        log.info("Shutting down embedded Neo4j in {}", home);
        service.shutdown();
    }
}
