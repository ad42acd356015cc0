package org.policygraph.graph.query;

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

    private final ReadQueries queries;
    private final RegionNames regionNames;

    DocumentQueries(ReadQueries queries, RegionNames regionNames) {
        this.queries = queries;
        this.regionNames = regionNames;
    }

    public Connection<Document> documents(DocumentWhere where, List<Sort> sort, Pages.PageRequest page,
            Selection selection, Prefetch prefetch) {
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
                "Document", Document::of, selection, prefetch);
    }

    /** The document with this key, or null, with what {@code selection} asks of it (see {@link TaskQueries}). */
    public Document document(String key, Selection selection, Prefetch prefetch) {
        return queries.node("MATCH (d:Document {key: $key})", "d", Map.of("key", key), "Document", Document::of,
                selection, prefetch);
    }

    public Map<Document, Region> region(List<Document> documents) {
        return queries.one(documents, Document::key, Relations.DOCUMENT_REGION);
    }

    public Map<Document, List<Section>> sections(List<Document> documents) {
        return queries.many(documents, Document::key, Relations.DOCUMENT_SECTIONS);
    }

    public Map<Document, List<Task>> tasks(List<Document> documents) {
        return queries.many(documents, Document::key, Relations.DOCUMENT_TASKS);
    }

    public Map<Document, List<Indicator>> indicators(List<Document> documents) {
        return queries.many(documents, Document::key, Relations.DOCUMENT_INDICATORS);
    }

    public Map<Section, Document> sectionDocument(List<Section> sections) {
        return queries.one(sections, Section::key, Relations.SECTION_DOCUMENT);
    }

    public Map<Section, List<Task>> sectionTasks(List<Section> sections) {
        return queries.many(sections, Section::key, Relations.SECTION_TASKS);
    }

    /** The document each quote was cut from. */
    public Map<Evidence, Document> evidenceDocument(List<Evidence> quotes) {
        return queries.one(quotes, Evidence::key, Relations.EVIDENCE_DOCUMENT);
    }
}
