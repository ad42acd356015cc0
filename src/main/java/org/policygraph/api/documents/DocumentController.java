package org.policygraph.api.documents;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.policygraph.api.support.GraphRequests;
import org.policygraph.graph.DocumentCatalog;
import org.policygraph.graph.query.ApiException;
import org.policygraph.graph.query.Connection;
import org.policygraph.graph.query.Document;
import org.policygraph.graph.query.DocumentQueries;
import org.policygraph.graph.query.DocumentQueries.DocumentWhere;
import org.policygraph.graph.query.Evidence;
import org.policygraph.graph.query.Indicator;
import org.policygraph.graph.query.Pages;
import org.policygraph.graph.query.Region;
import org.policygraph.graph.query.Section;
import org.policygraph.graph.query.Sort;
import org.policygraph.graph.query.Task;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Documents, their sections, and the document of a quoted span. */
@Controller
class DocumentController {

    private final DocumentQueries queries;
    private final Pages pages;
    private final DocumentCatalog catalog;

    DocumentController(DocumentQueries queries, Pages pages, DocumentCatalog catalog) {
        this.queries = queries;
        this.pages = pages;
        this.catalog = catalog;
    }

    /** The kept text, or a passage of it; one read per document asked for (texts are long: never prefetched). */
    @SchemaMapping
    String text(Document document, @Argument Integer start, @Argument Integer end) {
        if (document.stub()) {
            return null;
        }
        try {
            return catalog.text(document.key(), start, end).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadInput(e.getMessage());
        }
    }

    @QueryMapping
    Connection<Document> documents(@Argument DocumentWhere where, @Argument List<Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env, GraphQLContext context) {
        return queries.documents(where, sort, pages.request(first, after), GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @QueryMapping
    Document document(@Argument String key, DataFetchingEnvironment env, GraphQLContext context) {
        return queries.document(key, GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @BatchMapping
    Map<Document, Region> region(List<Document> documents) {
        return queries.region(documents);
    }

    @BatchMapping
    Map<Document, List<Section>> sections(List<Document> documents) {
        return queries.sections(documents);
    }

    @BatchMapping
    Map<Document, List<Task>> tasks(List<Document> documents) {
        return queries.tasks(documents);
    }

    @BatchMapping
    Map<Document, List<Indicator>> indicators(List<Document> documents) {
        return queries.indicators(documents);
    }

    @BatchMapping(typeName = "Section", field = "document")
    Map<Section, Document> sectionDocument(List<Section> sections) {
        return queries.sectionDocument(sections);
    }

    @BatchMapping(typeName = "Section", field = "tasks")
    Map<Section, List<Task>> sectionTasks(List<Section> sections) {
        return queries.sectionTasks(sections);
    }

    @BatchMapping(typeName = "Evidence", field = "document")
    Map<Evidence, Document> evidenceDocument(List<Evidence> quotes) {
        return queries.evidenceDocument(quotes);
    }
}
