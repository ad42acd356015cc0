package org.policygraph.api.ask;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policygraph.ask.GraphVocabulary;
import org.policygraph.ask.Interpretation;
import org.policygraph.ask.QuestionInterpreter;
import org.policygraph.ask.WhereLiteral;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.api.support.GraphRequests;
import org.policygraph.graph.query.Prefetch;
import org.policygraph.graph.query.Selection;
import org.policygraph.graph.query.ApiException;
import org.policygraph.graph.query.ApiProperties;
import org.policygraph.graph.query.Connection;
import org.policygraph.graph.query.Evidence;
import org.policygraph.graph.query.Pages;
import org.policygraph.graph.query.Task;
import org.policygraph.graph.query.TaskQueries;
import org.policygraph.graph.query.TaskWhere;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Questions in Chinese: {@code ask(question:)} in GraphQL and {@code POST /api/ask}. The question is read
 * onto the same filters as {@code tasks(where:)} and answered by the same statement.
 */
@Controller
class AskController {

    /** Answer to a question as plain JSON for POST /api/ask. */
    record AskRequest(String question) {}

    record AskResponse(String question, Interpretation interpretation, String graphql, List<AnswerTask> answer) {}

    record AnswerTask(String document, int ordinal, String title, Evidence evidence) {}

    record Answer(String question, InterpretationView interpretation, Connection<Task> tasks) {}

    record InterpretationView(List<Interpretation.Chip> filters, String graphql, List<String> notUnderstood,
                              List<String> alternatives) {}

    private final QuestionInterpreter interpreter;
    private final GraphVocabulary vocabulary;
    private final TaskQueries tasks;
    private final Pages pages;
    private final ApiProperties properties;

    AskController(GraphVocabulary vocabulary, TaskQueries tasks, Pages pages, ApiProperties properties) {
        this.interpreter = new QuestionInterpreter(RegionGazetteer.load());
        this.vocabulary = vocabulary;
        this.tasks = tasks;
        this.pages = pages;
        this.properties = properties;
    }

    private record Answered(Interpretation interpretation, Connection<Task> tasks) {}

    /** {@code selection} and {@code prefetch}: of the answer's tasks field, null outside GraphQL. */
    private Answered answer(String question, Integer first, Selection selection, Prefetch prefetch) {
        if (question == null || question.isBlank()) {
            throw new ApiException.BadInput("question must not be blank");
        }
        Interpretation interpretation = interpreter.interpret(question, vocabulary.current());
        Connection<Task> found = interpretation.chips().isEmpty()
                ? Connection.empty(pages.request(first, null))
                : tasks.tasks(interpretation.criteria(), null,
                        pages.request(first != null ? first : properties.maxPageSize(), null), selection, prefetch);
        return new Answered(interpretation, found);
    }

    @QueryMapping
    Answer ask(@Argument String question, @Argument Integer first, DataFetchingEnvironment env,
            GraphQLContext context) {
        Answered answered = answer(question, first, GraphRequests.selection(env).get("tasks"),
                GraphRequests.prefetch(context));
        Interpretation i = answered.interpretation();
        return new Answer(question, new InterpretationView(i.chips(), graphql(i.criteria()), i.notUnderstood(), i.alternatives()),
                answered.tasks());
    }

    @PostMapping("/api/ask")
    @ResponseBody
    ResponseEntity<?> askOverRest(@RequestBody AskRequest request) {
        if (request == null || request.question() == null || request.question().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "question must not be blank"));
        }
        Answered answered = answer(request.question(), properties.maxPageSize(), null, null);
        List<AnswerTask> found = answered.tasks().edges().stream()
                .map(Connection.Edge::node)
                .map(task -> new AnswerTask(task.docKey(), task.ordinal(), task.title(), task.evidence()))
                .toList();
        return ResponseEntity.ok(new AskResponse(request.question(), answered.interpretation(),
                graphql(answered.interpretation().criteria()), found));
    }

    /** The equivalent tasks(where:) query, as a researcher would type it. */
    static String graphql(TaskWhere where) {
        String fields = WhereLiteral.graphql(where);
        return "{ tasks(where: {" + fields.substring(1, fields.length() - 1)
                + "}) { totalCount edges { node { ordinal title document { docNumber title } } } } }";
    }
}
