package org.policygraph.api.reference;

import java.util.List;
import org.policygraph.reference.ReferenceTables;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only reference data the explorer needs on the client: {@code GET /api/reference/department-aliases}
 * serves reference/department-functions.tsv (the table the extractor and the question parser use, see
 * {@code extract.DepartmentFunctions}) as {@code {"functions": [{"function": "卫生健康委", "aliases":
 * ["卫健委", …]}]}}, so that search knows 卫健委 is 卫生健康委.
 */
@RestController
class ReferenceController {

    static final String DEPARTMENT_FUNCTIONS = "/reference/department-functions.tsv";

    record DepartmentFunction(String function, List<String> aliases) {}

    record DepartmentAliases(List<DepartmentFunction> functions) {}

    /** The table is bundled with the application: read once. */
    private final DepartmentAliases aliases = new DepartmentAliases(ReferenceTables.read(DEPARTMENT_FUNCTIONS, 2).stream()
            .map(row -> new DepartmentFunction(row[0].strip(), ReferenceTables.values(row[1])))
            .toList());

    @GetMapping(path = "/api/reference/department-aliases", produces = MediaType.APPLICATION_JSON_VALUE)
    DepartmentAliases departmentAliases() {
        return aliases;
    }
}
