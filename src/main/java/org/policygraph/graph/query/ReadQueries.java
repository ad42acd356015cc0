package org.policygraph.graph.query;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
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
     * of {@code type}, with the nested fields the selection asks for read by the same statement and kept
     * in the request's {@link Prefetch}, and the total count too when the selection asks for it. Without
     * a selection (a call from outside GraphQL) it reads the nodes alone.
     */
    <T> Connection<T> connection(ListStatement statement, Pages.PageRequest page, String type,
            Function<Value, T> node, DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Projection projection = selection == null ? Projection.NONE : Projection.of(type, nodeFields(selection));
        boolean counted = selection != null
                && selection.getImmediateFields().stream().anyMatch(f -> f.getName().equals("totalCount"));
        Map<String, Object> parameters = new HashMap<>(statement.filter().parameters());
        parameters.put("offset", page.offset());
        parameters.put("limit", page.size() + 1);
        Prefetch prefetch = Prefetch.of(context);
        List<Value> records = list(statement.page(projection, counted), parameters);
        List<Value> rows = counted ? records.get(0).get("rows").asList(v -> v)
                : records.stream().map(r -> r.get("row")).toList();
        rows.forEach(row -> projection.register(row, prefetch));
        List<T> nodes = rows.stream().map(row -> node.apply(row.get("node"))).toList();
        if (counted) {
            long total = records.get(0).get("total").asLong();
            return new Connection<>(nodes, page, () -> total);
        }
        return new Connection<>(nodes, page,
                () -> list(statement.count(), statement.filter().parameters()).get(0).get("total").asLong());
    }

    /**
     * The fields selected under {@code edges { node { … } } }: what {@code getFields("edges/node/*")}
     * returns, without compiling that glob on every request.
     */
    private static List<SelectedField> nodeFields(DataFetchingFieldSelectionSet selection) {
        return children(children(selection.getImmediateFields(), "edges"), "node");
    }

    private static List<SelectedField> children(List<SelectedField> fields, String name) {
        return fields.stream().filter(f -> f.getName().equals(name))
                .flatMap(f -> f.getSelectionSet().getImmediateFields().stream()).toList();
    }

    /**
     * The values of {@code relation} for many parents: from the rows the request's list statements
     * already read, and ONE statement for the other parents.
     */
    <P, V> Map<P, List<V>> many(Collection<P> parents, Function<P, String> key, Relation<V> relation,
            GraphQLContext context) {
        Prefetch prefetch = Prefetch.of(context);
        Map<String, List<Value>> byKey = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String k : keys(parents, key)) {
            List<Value> rows = prefetch.get(relation, k);
            if (rows != null) {
                byKey.put(k, rows);
            } else {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            for (Value r : list(relation.batchStatement(), Map.of("keys", missing))) {
                byKey.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>()).add(r.get("row"));
            }
        }
        return perParent(parents, key, byKey, relation.value());
    }

    /** Like {@link #many} for a field with at most one value; parents without one are left out (null). */
    <P, V> Map<P, V> one(Collection<P> parents, Function<P, String> key, Relation<V> relation, GraphQLContext context) {
        return firstOfEach(many(parents, key, relation, context));
    }

    /**
     * The children of many parents in ONE statement: {@code cypher} receives the parents' distinct
     * keys as {@code $keys} and returns rows with a {@code key} column naming the parent.
     */
    <P, V> Map<P, List<V>> many(Collection<P> parents, Function<P, String> key, String cypher,
            Function<Value, V> row) {
        Map<String, List<Value>> byKey = new HashMap<>();
        for (Value r : list(cypher, Map.of("keys", keys(parents, key)))) {
            byKey.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>()).add(r);
        }
        return perParent(parents, key, byKey, row);
    }

    /** Like {@link #many} for a field with at most one value; parents without one are left out (null). */
    <P, V> Map<P, V> one(Collection<P> parents, Function<P, String> key, String cypher, Function<Value, V> row) {
        return firstOfEach(many(parents, key, cypher, row));
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
