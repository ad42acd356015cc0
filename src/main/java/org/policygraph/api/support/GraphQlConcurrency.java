package org.policygraph.api.support;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.policygraph.graph.query.ApiProperties;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * At most {@code policygraph.graphql.max-concurrent-requests} GraphQL requests execute at once; the
 * others wait their turn, in order, for up to {@code queue-timeout}, then get one error classified
 * BUSY. GraphQL reads are CPU work (in process, from the page cache): sixteen readers running at once
 * on two cores left an upload a seventeenth of the CPU. Waiting readers take no CPU, so an upload,
 * an analyst or a probe gets a fair share next to the few that run (BENCHMARKS.md, writes under read
 * load: with 16 readers, uploads p50 0.44 s as alone instead of 0.94 s; the readers then serve less,
 * because the uploader gets more done).
 */
@Component
class GraphQlConcurrency implements WebGraphQlInterceptor {

    private static final ErrorClassification BUSY = ErrorClassification.errorClassification("BUSY");

    private final Semaphore running;
    private final int maxConcurrentRequests;
    private final Duration queueTimeout;

    GraphQlConcurrency(ApiProperties properties) {
        this.maxConcurrentRequests = properties.maxConcurrentRequests();
        this.queueTimeout = properties.queueTimeout();
        this.running = new Semaphore(maxConcurrentRequests, true);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        boolean admitted;
        try {
            admitted = running.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            ExecutionResult busy = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .message("the server is busy: " + maxConcurrentRequests + " GraphQL requests were running and this one"
                            + " waited " + queueTimeout.toMillis() + " ms (policygraph.graphql.max-concurrent-requests,"
                            + " queue-timeout); try again")
                    .errorType(BUSY)
                    .extensions(Map.of("limit", "max-concurrent-requests"))
                    .build()).build();
            return Mono.just(new WebGraphQlResponse(
                    new DefaultExecutionGraphQlResponse(request.toExecutionInput(), busy)));
        }
        return chain.next(request).doFinally(signal -> running.release());
    }
}
