package org.policygraph.graph.query;

import org.neo4j.driver.types.MapAccessor;

/** A department's responsibility for a task, with both ends, as the ASSIGNED_TO relationship holds it. */
public record Assignment(Task task, Department department, String role, Integer position, Integer start, Integer end) {

    /** A row with entries task, assignment and department. */
    static Assignment of(MapAccessor r) {
        var a = r.get("assignment");
        return new Assignment(Task.of(r.get("task")), Department.of(r.get("department")), Nodes.string(a, "role"),
                Nodes.integer(a, "position"), Nodes.integer(a, "start"), Nodes.integer(a, "end"));
    }

    public Evidence evidence() {
        return task.quote(start, end);
    }
}
