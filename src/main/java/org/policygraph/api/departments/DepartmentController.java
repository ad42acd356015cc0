package org.policygraph.api.departments;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.policygraph.api.support.GraphRequests;
import org.policygraph.graph.query.Assignment;
import org.policygraph.graph.query.Connection;
import org.policygraph.graph.query.Department;
import org.policygraph.graph.query.DepartmentQueries;
import org.policygraph.graph.query.DepartmentQueries.DepartmentWhere;
import org.policygraph.graph.query.Pages;
import org.policygraph.graph.query.Region;
import org.policygraph.graph.query.Sort;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class DepartmentController {

    private final DepartmentQueries queries;
    private final Pages pages;

    DepartmentController(DepartmentQueries queries, Pages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @QueryMapping
    Connection<Department> departments(@Argument DepartmentWhere where, @Argument List<Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env, GraphQLContext context) {
        return queries.departments(where, sort, pages.request(first, after), GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @BatchMapping
    Map<Department, Region> region(List<Department> departments) {
        return queries.region(departments);
    }

    @BatchMapping
    Map<Department, List<Assignment>> tasks(List<Department> departments) {
        return queries.tasks(departments);
    }
}
