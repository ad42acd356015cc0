package org.policygraph.graph.query;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Documents, their sections, and the document of a quoted span (see {@link TaskQueries} for the arguments). */
@Component
public class DocumentQueries {

    /** The schema's DocumentWhere input. */
    public record DocumentWhere(String level, String issuer, Integer year, String docNumber, String region,
            String titleContains, Boolean stub) {}

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "YEAR", "d.year", "DOC_NUMBER", "d.docNumber", "TITLE", "d.title");

    private static final String DOCUMENT = "MATCH (d:Document {key: $key}) RETURN d {.*} AS node";

    private static final String REGION = """
            UNWIND $keys AS key
            MATCH (:Document {key: key})-[:ISSUED_IN]->(r:Region)
            RETURN key, r {.*} AS node
            """;

    private static final String SECTIONS = """
            UNWIND $keys AS key
            MATCH (:Document {key: key})-[:HAS_SECTION]->(s:Section)
            RETURN key, s {.*} AS node
            ORDER BY s.ordinal
            """;

    private static final String TASKS = """
            UNWIND $keys AS key
            MATCH (:Document {key: key})-[:HAS_TASK]->(t:Task)
            RETURN key, t {.*} AS node
            ORDER BY t.ordinal
            """;

    private static final String INDICATORS = """
            UNWIND $keys AS key
            MATCH (:Document {key: key})-[:SETS]->(i:Indicator)
            RETURN key, i {.*} AS node
            ORDER BY i.key
            """;

    private static final String SECTION_DOCUMENT = """
            UNWIND $keys AS key
            MATCH (d:Document)-[:HAS_SECTION]->(:Section {key: key})
            RETURN key, d {.*} AS node
            """;

    private static final String SECTION_TASKS = """
            UNWIND $keys AS key
            MATCH (:Section {key: key})-[:HAS_TASK]->(t:Task)
            RETURN key, t {.*} AS node
            ORDER BY t.ordinal
            """;

    private static final String DOCUMENTS_BY_KEY = """
            UNWIND $keys AS key
            MATCH (d:Document {key: key})
            RETURN key, d {.*} AS node
            """;

    private final ReadQueries queries;
    private final RegionNames regionNames;

    DocumentQueries(ReadQueries queries, RegionNames regionNames) {
        this.queries = queries;
        this.regionNames = regionNames;
    }

    public Connection<Document> documents(DocumentWhere where, List<Sort> sort, Pages.PageRequest page,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.level(), "level", "d.level = $level")
                    .when(where.issuer(), "issuer", "d.issuer = $issuer")
                    .when(where.year(), "year", "d.year = $year")
                    .when(where.docNumber(), "docNumber", "d.docNumber = $docNumber")
                    .when(regionNames.codes(where.region()), "region", Filter.inside("(d)-[:ISSUED_IN]->(:Region)", "region"))
                    .when(where.titleContains(), "titleContains", Filter.contains("d.title", "titleContains"))
                    .when(where.stub(), "stub", "coalesce(d.stub, false) = $stub");
        }
        String orderBy = ListStatement.orderBy(sort, SORT_FIELDS, "d.year", "d.key");
        return queries.connection(new ListStatement("MATCH (d:Document)", filter, "d", orderBy), page,
                "Document", Document::of, selection, context);
    }

    /** The document with this key, or null. */
    public Document document(String key) {
        return queries.list(DOCUMENT, Map.of("key", key)).stream()
                .map(r -> Document.of(r.get("node"))).findFirst().orElse(null);
    }

    public Map<Document, Region> region(List<Document> documents) {
        return queries.one(documents, Document::key, REGION, r -> Region.of(r.get("node")));
    }

    public Map<Document, List<Section>> sections(List<Document> documents) {
        return queries.many(documents, Document::key, SECTIONS, r -> Section.of(r.get("node")));
    }

    public Map<Document, List<Task>> tasks(List<Document> documents) {
        return queries.many(documents, Document::key, TASKS, r -> Task.of(r.get("node")));
    }

    public Map<Document, List<Indicator>> indicators(List<Document> documents) {
        return queries.many(documents, Document::key, INDICATORS, r -> Indicator.of(r.get("node")));
    }

    public Map<Section, Document> sectionDocument(List<Section> sections) {
        return queries.one(sections, Section::key, SECTION_DOCUMENT, r -> Document.of(r.get("node")));
    }

    public Map<Section, List<Task>> sectionTasks(List<Section> sections) {
        return queries.many(sections, Section::key, SECTION_TASKS, r -> Task.of(r.get("node")));
    }

    /** The document each quote was cut from. */
    public Map<Evidence, Document> evidenceDocument(List<Evidence> quotes) {
        return queries.one(quotes, Evidence::documentKey, DOCUMENTS_BY_KEY, r -> Document.of(r.get("node")));
    }
}
