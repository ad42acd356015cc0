package org.policygraph.api.support;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import org.policygraph.graph.query.KeyedNode;
import org.policygraph.graph.query.PrefetchedField;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers every nested field that reads the graph (a {@link PrefetchedField}) straight from the rows its
 * root field's statement already read, and hands it to the field's {@code @BatchMapping} only for parents
 * reached otherwise (e.g. the document of an evidence). The batch mapping alone
 * would give the same answer from the same rows, but through a DataLoader, a Reactor publisher and
 * Spring's handler invocation per field; on a page of pilots with their tasks, documents and sites that
 * was a quarter of the request's CPU.
 */
@Configuration(proxyBeanMethods = false)
class PrefetchedFields {

    @Bean
    GraphQlSourceBuilderCustomizer prefetchedFieldFetchers() {
        return builder -> builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                    TraverserContext<GraphQLSchemaElement> context) {
                if (context.getParentNode() instanceof GraphQLFieldsContainer parent) {
                    PrefetchedField prefetched = PrefetchedField.find(parent.getName(), field.getName());
                    if (prefetched != null) {
                        GraphQLCodeRegistry.Builder registry =
                                context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                        FieldCoordinates coordinates =
                                FieldCoordinates.coordinates(parent.getName(), field.getName());
                        DataFetcher<?> batched = registry.getDataFetcher(coordinates, field);
                        registry.dataFetcher(coordinates, new Fetcher(prefetched, batched));
                    }
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }

    /** Trivial when the rows are there: no per-field observation for a map lookup. */
    private record Fetcher(PrefetchedField prefetched, DataFetcher<?> batched) implements TrivialDataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            Object value = env.getSource() instanceof KeyedNode parent
                    ? prefetched.value(GraphRequests.prefetch(env.getGraphQlContext()), parent.key()) : PrefetchedField.NOT_READ;
            return value == PrefetchedField.NOT_READ ? batched.get(env) : value;
        }
    }
}
