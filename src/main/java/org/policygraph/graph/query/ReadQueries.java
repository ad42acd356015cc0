package org.policygraph.graph.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.neo4j.driver.Value;
import org.policygraph.graph.GraphSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs the API's read statements, each in its own read transaction bounded by the query timeout. */
@Component
public class ReadQueries {

    private static final Logger log = LoggerFactory.getLogger(ReadQueries.class);

    /** A statement as generated for one shape of request, with the projection that reads its rows. */
    private record Generated(String cypher, Projection projection) {}

    /**
     * Generated statements by shape: root field, filters given (not their values, which are parameters),
     * sort and selection. A repeated question skips generating its Cypher.
     */
    private final Cache<List<Object>, Generated> generated = Caffeine.newBuilder().maximumSize(2_000).build();

    private final GraphSessions sessions;
    private final Duration timeout;

    public ReadQueries(GraphSessions sessions, ApiProperties properties) {
        this.sessions = sessions;
        this.timeout = properties.queryTimeout();
    }

    /** The rows of a read statement, each a map from column to value. */
    public List<Value> list(String cypher, Map<String, Object> parameters) {
        log.debug("Statement:\n{}\nparameters: {}", cypher, parameters);
        try {
            return sessions.read(cypher, parameters, timeout);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * One page of a list statement (fetching one extra row to know whether a next page exists) of nodes
     * of {@code type}, with the nested fields {@code selection} asks for read by the same statement and
     * kept in {@code prefetch}, and the total count too when the selection asks for it.
     *
     * @param selection what is asked of the connection ({@code totalCount}, {@code edges { node { … } }});
     *     null outside GraphQL: the nodes alone, with all their properties
     * @param prefetch the request's rows; null outside GraphQL
     */
    <T> Connection<T> connection(ListStatement statement, Pages.PageRequest pageRequest, String type,
            Function<Value, T> node, Selection selection, Prefetch prefetch) {
        boolean counted = selection != null && selection.has("totalCount");
        String where = statement.filter().where();
        Generated page = generated.get(List.of(type, statement.match(), where, statement.orderBy(),
                selection == null ? List.of() : selection, counted), k -> {
                    Projection p = selection == null ? Projection.NONE : Projection.of(type, selection.at("edges", "node"));
                    return new Generated(statement.page(p, counted), p);
                });
        Projection projection = page.projection();
        Map<String, Object> parameters = new HashMap<>(statement.filter().parameters());
        parameters.put("offset", pageRequest.offset());
        parameters.put("limit", pageRequest.size() + 1);
        List<Value> records = list(page.cypher(), parameters);
        List<Value> rows = counted ? records.get(0).get("rows").asList(v -> v)
                : records.stream().map(r -> r.get("row")).toList();
        Prefetch store = prefetch == null ? new Prefetch() : prefetch;
        rows.forEach(row -> projection.register(row, store));
        List<T> nodes = rows.stream().map(node).toList();
        if (counted) {
            long total = records.get(0).get("total").asLong();
            return new Connection<>(nodes, pageRequest, () -> total);
        }
        return new Connection<>(nodes, pageRequest,
                () -> list(statement.count(), statement.filter().parameters()).get(0).get("total").asLong());
    }

    /**
     * The node {@code match} binds to {@code variable} (the first, or null when there is none), with the
     * nested fields {@code selection} asks for read by the same statement and kept in {@code prefetch}.
     */
    <T> T node(String match, String variable, Map<String, Object> parameters, String type, Function<Value, T> node,
            Selection selection, Prefetch prefetch) {
        Generated one = generated.get(List.of(type, match, variable, selection == null ? List.of() : selection), k -> {
            Projection p = selection == null ? Projection.NONE : Projection.of(type, selection);
            return new Generated(match + "\nRETURN " + p.map(variable, 0) + " AS row LIMIT 1", p);
        });
        Projection projection = one.projection();
        List<Value> rows = list(one.cypher(), parameters);
        if (rows.isEmpty()) {
            return null;
        }
        Value row = rows.get(0).get("row");
        projection.register(row, prefetch == null ? new Prefetch() : prefetch);
        return node.apply(row);
    }

    /** The values of {@code relation} for many parents, in ONE statement. */
    <P, V> Map<P, List<V>> many(Collection<P> parents, Function<P, String> key, Relation<V> relation) {
        Map<String, List<Value>> byKey = new HashMap<>();
        for (Value r : list(relation.batchStatement(), Map.of("keys", keys(parents, key)))) {
            byKey.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>()).add(r.get("row"));
        }
        return perParent(parents, key, byKey, relation.value());
    }

    /** Like {@link #many} for a field with at most one value; parents without one are left out (null). */
    <P, V> Map<P, V> one(Collection<P> parents, Function<P, String> key, Relation<V> relation) {
        return firstOfEach(many(parents, key, relation));
    }

    /** Each parent with its rows (by its key) read by {@code row}, in the parents' order. */
    private static <P, R, V> Map<P, List<V>> perParent(Collection<P> parents, Function<P, String> key,
            Map<String, List<R>> rowsByKey, Function<R, V> row) {
        Map<P, List<V>> result = new LinkedHashMap<>();
        for (P parent : parents) {
            result.put(parent, rowsByKey.getOrDefault(key.apply(parent), List.of()).stream().map(row).toList());
        }
        return result;
    }

    /** The first value of each parent that has one. */
    private static <P, V> Map<P, V> firstOfEach(Map<P, List<V>> values) {
        Map<P, V> result = new LinkedHashMap<>();
        values.forEach((parent, list) -> {
            if (!list.isEmpty()) {
                result.put(parent, list.get(0));
            }
        });
        return result;
    }

    private static <P> List<String> keys(Collection<P> parents, Function<P, String> key) {
        return parents.stream().map(key).filter(Objects::nonNull).distinct().toList();
    }

    private RuntimeException translate(RuntimeException e) {
        String code = String.valueOf(GraphSessions.statusCode(e));
        if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
            return new ApiException.QueryTimedOut(timeout);
        }
        if (code.contains("Procedure.ProcedureCallFailed") && String.valueOf(e.getMessage()).contains("parse")) {
            return new ApiException.BadInput("the full-text search could not parse its text");
        }
        return e;
    }
}
