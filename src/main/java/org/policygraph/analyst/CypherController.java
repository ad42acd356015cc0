package org.policygraph.analyst;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cypher} with {@code {"query": "...", "parameters": {...}}}: the result as rows
 * and as a graph (see {@link CypherResult}). A query that is not an allowed read is refused with 400,
 * one that outlives {@code policygraph.analyst.timeout} with 408, a result over
 * {@code policygraph.analyst.max-result-bytes} (or over the database's memory per transaction) with
 * 413, one that finds every analyst slot taken ({@code policygraph.analyst.max-concurrent-queries}) with 429
 * and Retry-After, any other failure with 400; the body is then
 * {@code {"error": "...", "reason": "REJECTED|TIMED_OUT|TOO_LARGE|BUSY|FAILED"}}.
 */
@RestController
class CypherController {

    record CypherRequest(String query, Map<String, Object> parameters) {}

    record CypherError(String error, CypherQueryException.Reason reason) {}

    private final CypherRunner runner;

    CypherController(CypherRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/api/cypher")
    CypherResult cypher(@RequestBody CypherRequest request) {
        return runner.run(request.query(), request.parameters());
    }

    @ExceptionHandler(CypherQueryException.class)
    ResponseEntity<CypherError> refused(CypherQueryException e) {
        HttpStatus status = switch (e.reason()) {
            case TIMED_OUT -> HttpStatus.REQUEST_TIMEOUT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case BUSY -> HttpStatus.TOO_MANY_REQUESTS;
            case REJECTED, FAILED -> HttpStatus.BAD_REQUEST;
        };
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            // A slot is free at the latest when the running queries reach their timeout.
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, runner.timeout().toSeconds())));
        }
        return answer.body(new CypherError(e.getMessage(), e.reason()));
    }
}
