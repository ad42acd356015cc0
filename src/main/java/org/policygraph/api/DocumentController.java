package org.policygraph.api;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Documents, their sections, and the document of a quoted span. */
@Controller
class DocumentController {

    /** The schema's DocumentWhere input. */
    record DocumentWhere(String level, String issuer, Integer year, String docNumber, String region,
            String titleContains, Boolean stub) {}

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "YEAR", "d.year", "DOC_NUMBER", "d.docNumber", "TITLE", "d.title");

    private final ReadQueries queries;
    private final Pages pages;
    private final RegionNames regionNames;

    DocumentController(ReadQueries queries, Pages pages, RegionNames regionNames) {
        this.queries = queries;
        this.pages = pages;
        this.regionNames = regionNames;
    }

    @QueryMapping
    Connection<Document> documents(@Argument DocumentWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Pages.PageRequest page = pages.request(first, after);
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

    @QueryMapping
    Document document(@Argument String key) {
        return queries.list("MATCH (d:Document {key: $key}) RETURN d {.*} AS node", Map.of("key", key)).stream()
                .map(r -> Document.of(r.get("node"))).findFirst().orElse(null);
    }

    @BatchMapping
    Map<Document, Region> region(List<Document> documents) {
        return queries.one(documents, Document::key, """
                UNWIND $keys AS key
                MATCH (:Document {key: key})-[:ISSUED_IN]->(r:Region)
                RETURN key, r {.*} AS node
                """, r -> Region.of(r.get("node")));
    }

    @BatchMapping
    Map<Document, List<Section>> sections(List<Document> documents) {
        return queries.many(documents, Document::key, """
                UNWIND $keys AS key
                MATCH (:Document {key: key})-[:HAS_SECTION]->(s:Section)
                RETURN key, s {.*} AS node
                ORDER BY s.ordinal
                """, r -> Section.of(r.get("node")));
    }

    @BatchMapping
    Map<Document, List<Task>> tasks(List<Document> documents) {
        return queries.many(documents, Document::key, """
                UNWIND $keys AS key
                MATCH (:Document {key: key})-[:HAS_TASK]->(t:Task)
                RETURN key, t {.*} AS node
                ORDER BY t.ordinal
                """, r -> Task.of(r.get("node")));
    }

    @BatchMapping
    Map<Document, List<Indicator>> indicators(List<Document> documents) {
        return queries.many(documents, Document::key, """
                UNWIND $keys AS key
                MATCH (:Document {key: key})-[:SETS]->(i:Indicator)
                RETURN key, i {.*} AS node
                ORDER BY i.key
                """, r -> Indicator.of(r.get("node")));
    }

    @BatchMapping(typeName = "Section", field = "document")
    Map<Section, Document> sectionDocument(List<Section> sections) {
        return queries.one(sections, Section::key, """
                UNWIND $keys AS key
                MATCH (d:Document)-[:HAS_SECTION]->(:Section {key: key})
                RETURN key, d {.*} AS node
                """, r -> Document.of(r.get("node")));
    }

    @BatchMapping(typeName = "Section", field = "tasks")
    Map<Section, List<Task>> sectionTasks(List<Section> sections) {
        return queries.many(sections, Section::key, """
                UNWIND $keys AS key
                MATCH (:Section {key: key})-[:HAS_TASK]->(t:Task)
                RETURN key, t {.*} AS node
                ORDER BY t.ordinal
                """, r -> Task.of(r.get("node")));
    }

    @BatchMapping(typeName = "Evidence", field = "document")
    Map<Evidence, Document> evidenceDocument(List<Evidence> quotes) {
        return queries.one(quotes, Evidence::documentKey, """
                UNWIND $keys AS key
                MATCH (d:Document {key: key})
                RETURN key, d {.*} AS node
                """, r -> Document.of(r.get("node")));
    }
}
