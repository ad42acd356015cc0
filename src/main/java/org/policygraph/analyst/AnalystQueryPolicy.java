package org.policygraph.analyst;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.neo4j.cypher.internal.ast.AdministrationCommand;
import org.neo4j.cypher.internal.ast.Clause;
import org.neo4j.cypher.internal.ast.CommandClause;
import org.neo4j.cypher.internal.ast.CreateOrInsert;
import org.neo4j.cypher.internal.ast.Finish;
import org.neo4j.cypher.internal.ast.LoadCSV;
import org.neo4j.cypher.internal.ast.Match;
import org.neo4j.cypher.internal.ast.Query;
import org.neo4j.cypher.internal.ast.Return;
import org.neo4j.cypher.internal.ast.Statement;
import org.neo4j.cypher.internal.ast.Statements;
import org.neo4j.cypher.internal.ast.SubqueryCall;
import org.neo4j.cypher.internal.ast.UnresolvedCall;
import org.neo4j.cypher.internal.ast.Unwind;
import org.neo4j.cypher.internal.ast.UpdateClause;
import org.neo4j.cypher.internal.ast.UseGraph;
import org.neo4j.cypher.internal.ast.With;
import org.neo4j.cypher.internal.expressions.FunctionInvocation;
import org.neo4j.cypher.internal.parser.v5.ast.factory.Cypher5AstParser;
import org.neo4j.cypher.internal.util.ASTNode;
import org.neo4j.cypher.internal.util.InputPosition;
import org.neo4j.cypher.internal.util.OpenCypherExceptionFactory;
import scala.Option;
import scala.Product;
import scala.collection.Iterator;

/**
 * Which analyst queries may run: an allow-list, checked before the database sees the query.
 *
 * <p>Neo4j's own plan does not tell reads of the data from administration: {@code EXPLAIN} calls
 * {@code SHOW TRANSACTIONS}, {@code TERMINATE TRANSACTIONS}, {@code SHOW SETTINGS} and DBMS
 * procedures such as {@code db.stats.collect} {@code READ_ONLY}, because they write nothing to the
 * graph, and a READ session runs them. So the query is parsed, with the Cypher 5 parser Neo4j ships
 * (the one the embedded database itself uses, so both read the text alike), and allowed only when
 * it is one query made of reading clauses ({@code MATCH}, {@code OPTIONAL MATCH}, {@code WITH},
 * {@code UNWIND}, {@code RETURN}, {@code FINISH}, {@code CALL {…}} subqueries) whose procedure
 * calls and namespaced functions are on the configured lists. Everything else is refused with a
 * message that names it: administration and schema commands, {@code SHOW …}, {@code TERMINATE …},
 * {@code USE}, {@code LOAD CSV}, {@code CALL {…} IN TRANSACTIONS}, writes, query options
 * ({@code CYPHER …}). Functions without a namespace are Cypher's own (Neo4j refuses user-defined
 * functions outside a namespace) and always allowed.
 *
 * <p>Before parsing, the text's length and bracket nesting are checked by a plain scan
 * ({@link CypherText}), because deep nesting is exactly what overflows the parser's stack.
 */
final class AnalystQueryPolicy {

    /** Reading clauses; every other clause is refused. Procedure calls are checked by name. */
    private static final List<Class<?>> READING_CLAUSES = List.of(Match.class, With.class, Return.class,
            Unwind.class, Finish.class, SubqueryCall.class, UnresolvedCall.class);
    /** Words of the pre-parser that may open a query (Neo4j strips them before parsing). */
    private static final List<String> ALLOWED_PREFIXES = List.of("EXPLAIN", "PROFILE");
    private static final String QUERY_OPTIONS = "CYPHER";
    private static final String SHOW = "SHOW";
    /** Words that name a refused construct in a message: {@code SHOW TRANSACTIONS}, {@code LOAD CSV}. */
    private static final int WORDS_NAMING_A_CLAUSE = 2;

    private final int maxQueryLength;
    private final int maxNesting;
    private final int maxSyntaxDepth;
    private final NamePatterns procedures;
    private final NamePatterns functions;

    AnalystQueryPolicy(AnalystProperties properties) {
        this.maxQueryLength = properties.maxQueryLength();
        this.maxNesting = properties.maxNesting();
        this.maxSyntaxDepth = properties.maxSyntaxDepth();
        this.procedures = new NamePatterns(properties.allowedProcedures());
        this.functions = new NamePatterns(properties.allowedFunctions());
    }

    /**
     * Refuses {@code query} unless it may run.
     *
     * @throws CypherQueryException REJECTED with the reason, or FAILED for a syntax error
     */
    void check(String query) {
        if (query.length() > maxQueryLength) {
            throw rejected("the query is " + query.length() + " characters long; at most " + maxQueryLength
                    + " are allowed (policygraph.analyst.max-query-length)");
        }
        int nesting = CypherText.deepestNesting(query);
        if (nesting > maxNesting) {
            throw rejected(nestingMessage(nesting));
        }
        Statements statements = parse(withoutPrefixes(query));
        if (statements.statements().size() != 1) {
            throw rejected("send one query at a time; this text holds " + statements.statements().size());
        }
        Statement statement = statements.statements().head();
        if (!(statement instanceof Query)) {
            String kind = statement instanceof AdministrationCommand ? "an administration" : "a schema";
            throw rejected("only read-only queries of the data are allowed here; " + named(query, statement)
                    + " is " + kind + " command");
        }
        checkEveryNode(query, statement);
    }

    private String nestingMessage(int nesting) {
        return "the query nests brackets " + nesting + " deep; at most " + maxNesting
                + " levels are allowed (policygraph.analyst.max-nesting)";
    }

    /**
     * The text with its leading {@code EXPLAIN} or {@code PROFILE} blanked out (same length, so that
     * the parser's positions still point into the original); {@code CYPHER} options are refused.
     */
    private static String withoutPrefixes(String query) {
        char[] text = query.toCharArray();
        int at = CypherText.skipSpaceAndComments(query, 0);
        while (true) {
            String word = CypherText.wordAt(query, at).toUpperCase(Locale.ROOT);
            if (word.equals(QUERY_OPTIONS)) {
                throw rejected("query options (CYPHER …) are not allowed here; send the query without them");
            }
            if (!ALLOWED_PREFIXES.contains(word)) {
                return new String(text);
            }
            for (int i = at; i < at + word.length(); i++) {
                text[i] = ' ';
            }
            at = CypherText.skipSpaceAndComments(query, at + word.length());
        }
    }

    private Statements parse(String text) {
        try {
            return new Cypher5AstParser(text, new OpenCypherExceptionFactory(Option.empty()), Option.empty())
                    .statements();
        } catch (StackOverflowError e) {
            // The nesting check keeps brackets shallow; other deep structures end here, not in a dead thread.
            throw rejected("the query is nested too deeply to be read");
        } catch (RuntimeException e) {
            throw new CypherQueryException(CypherQueryException.Reason.FAILED, e.getMessage(), e);
        }
    }

    /** A node still to visit, with the number of syntax nodes above it. */
    private record Pending(Object node, int depth) {}

    /**
     * Checks every node of the syntax tree, walking it without recursion. A tree deeper than
     * {@code max-syntax-depth} is refused: a chain of 3,000 {@code +} (6 KB, no bracket) kept the
     * database's planner busy for 14 s, out of reach of the transaction timeout.
     */
    private void checkEveryNode(String query, Statement statement) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(statement, 0));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            Object node = next.node();
            int depth = next.depth();
            if (node instanceof ASTNode ast) {
                depth++;
                if (depth > maxSyntaxDepth) {
                    throw rejected("the query's expressions nest more than " + maxSyntaxDepth + " levels deep (a long"
                            + " chain of operators counts one level per operator; use IN [...] or a list function)"
                            + " (policygraph.analyst.max-syntax-depth)");
                }
                check(query, ast);
            }
            int childDepth = depth;
            if (node instanceof scala.collection.Iterable<?> children) {
                children.foreach(child -> {
                    pending.push(new Pending(child, childDepth));
                    return null;
                });
            } else if (node instanceof Product product && !(node instanceof InputPosition)) {
                Iterator<Object> children = product.productIterator();
                while (children.hasNext()) {
                    Object child = children.next();
                    if (child != null) {
                        pending.push(new Pending(child, childDepth));
                    }
                }
            }
        }
    }

    private void check(String query, ASTNode node) {
        if (node instanceof SubqueryCall.InTransactionsParameters) {
            throw rejected("CALL { … } IN TRANSACTIONS is not allowed here: it commits, and analysts only read");
        }
        if (node instanceof UnresolvedCall call) {
            String name = qualifiedName(call.procedureNamespace().parts(), call.procedureName().name());
            if (!procedures.matches(name)) {
                throw rejected("only read-only queries of the data are allowed here; the procedure " + name
                        + " is not on the list (policygraph.analyst.allowed-procedures): " + procedures);
            }
            return;
        }
        if (node instanceof FunctionInvocation function && !function.functionName().namespace().parts().isEmpty()) {
            String name = qualifiedName(function.functionName().namespace().parts(), function.functionName().name());
            if (!functions.matches(name)) {
                throw rejected("only read-only queries of the data are allowed here; the function " + name
                        + " is not on the list (policygraph.analyst.allowed-functions) of Cypher's own functions and "
                        + functions);
            }
            return;
        }
        if (node instanceof Clause clause && READING_CLAUSES.stream().noneMatch(c -> c.isInstance(clause))) {
            throw rejected(refusalOf(query, clause));
        }
    }

    private static String refusalOf(String query, Clause clause) {
        String name = named(query, clause);
        if (clause instanceof CommandClause) {
            return "only read-only queries of the data are allowed here; " + name
                    + " is an administration command";
        }
        if (clause instanceof UseGraph) {
            return "USE is not allowed here: analyst queries read the service's own database";
        }
        if (clause instanceof LoadCSV) {
            return "LOAD CSV reads files or URLs (the query uses LoadCSV); it is not allowed here";
        }
        if (clause instanceof UpdateClause || clause instanceof CreateOrInsert) {
            return "only read-only queries are allowed here; " + name + " writes to the graph";
        }
        return "only read-only queries of the data are allowed here; " + name + " is not";
    }

    /**
     * The first words of the text at the node's position, e.g. {@code SHOW TRANSACTIONS}; with the
     * {@code SHOW} before it, where the parser places a command after it ({@code SHOW USERS}).
     */
    private static String named(String query, ASTNode node) {
        int offset = node.position().offset();
        String before = CypherText.wordBefore(query, offset);
        if (before.equalsIgnoreCase(SHOW)) {
            offset = query.lastIndexOf(before, offset);
        }
        String words = CypherText.wordsAt(query, offset, WORDS_NAMING_A_CLAUSE);
        return words.isEmpty() ? node.getClass().getSimpleName() : words.toUpperCase(Locale.ROOT);
    }

    private static String qualifiedName(scala.collection.immutable.List<String> namespace, String name) {
        StringBuilder qualified = new StringBuilder();
        namespace.foreach(part -> qualified.append(part).append('.'));
        return qualified.append(name).toString();
    }

    private static CypherQueryException rejected(String message) {
        return new CypherQueryException(CypherQueryException.Reason.REJECTED, message, null);
    }

    /**
     * Procedure or function names: each pattern is a full name ({@code db.labels}) or a namespace
     * followed by {@code .*} ({@code apoc.coll.*}); names compare without regard to case.
     */
    static final class NamePatterns {

        private static final String ANY_IN_NAMESPACE = ".*";

        private final List<String> patterns;

        NamePatterns(List<String> patterns) {
            this.patterns = patterns.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        }

        boolean matches(String name) {
            for (String pattern : patterns) {
                if (pattern.endsWith(ANY_IN_NAMESPACE)) {
                    String namespace = pattern.substring(0, pattern.length() - 1);
                    if (name.regionMatches(true, 0, namespace, 0, namespace.length())) {
                        return true;
                    }
                } else if (pattern.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return patterns.isEmpty() ? "none" : String.join(", ", patterns);
        }
    }
}
