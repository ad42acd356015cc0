package org.policygraph.graph;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * A counter in the graph that every write changing the set of loaded documents, or what linking
 * knows of one (where it stands, its fingerprint, whether it is pending), advances in its own
 * transaction: the {@code (:CorpusClock {name: 'documents'})} node. The write stamps each document it
 * changes with the new tick ({@code Document.tick}, range-indexed) and a write that removes a
 * document also counts a removal. A reader that knew the corpus at tick T then reads only the
 * documents stamped after T instead of every document ({@link LinkStore#loadedDocuments}).
 *
 * <p>Every such write takes the clock's lock first (the first statement of its transaction), so ticks
 * follow commit order and the clock adds no lock cycle: a document stamped with a tick at most the
 * clock's is committed when the clock reads that tick. The node carries a random id made with it, so a
 * reader notices a database emptied and filled again.
 */
final class CorpusClock {

    /** What a reader saw of the clock; {@link #NONE} when there is no clock (no write since it was made). */
    record Reading(String id, long tick, long removals) {
        static final Reading NONE = new Reading("", 0, 0);
    }

    /**
     * Advances the clock, creating it if need be. The first SET takes the node's write lock before the
     * tick is read, so two concurrent writes get two ticks whatever the runtime does with a
     * read-then-write of one property.
     */
    private static final String TICK = """
            MERGE (c:CorpusClock {name: 'documents'})
            ON CREATE SET c.id = randomUUID(), c.tick = 0, c.removals = 0
            SET c.locked = true
            SET c.tick = c.tick + 1, c.removals = c.removals + $removals
            REMOVE c.locked
            RETURN c.tick AS tick
            """;

    private static final String READ = """
            MATCH (c:CorpusClock {name: 'documents'})
            RETURN c.id AS id, c.tick AS tick, c.removals AS removals
            """;

    private CorpusClock() {}

    /** Advances the clock in this transaction (call it first); returns the tick to stamp documents with. */
    static long tick(GraphSessions.Statements tx) {
        return tx.run(TICK, Map.of("removals", 0)).get(0).get("tick").asLong();
    }

    /** {@link #tick} for a write that removes loaded documents. */
    static long tickRemoving(GraphSessions.Statements tx) {
        return tx.run(TICK, Map.of("removals", 1)).get(0).get("tick").asLong();
    }

    /** Reads the clock in this transaction. */
    static Reading read(GraphSessions.Statements tx) {
        List<Value> rows = tx.run(READ, Map.of());
        if (rows.isEmpty()) {
            return Reading.NONE;
        }
        Value row = rows.get(0);
        return new Reading(row.get("id").asString(), row.get("tick").asLong(), row.get("removals").asLong());
    }
}
