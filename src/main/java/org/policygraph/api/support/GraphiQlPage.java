package org.policygraph.api.support;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL served from this application alone: the page and its scripts (GraphiQL 3, React 18,
 * vendored from npm with their licences) live in classpath:static/graphiql/, so it works offline.
 */
@Controller
class GraphiQlPage {

    @GetMapping("/graphiql")
    String graphiql() {
        return "forward:/graphiql/index.html";
    }
}
