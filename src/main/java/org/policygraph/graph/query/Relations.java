package org.policygraph.graph.query;

import static org.policygraph.graph.query.Relation.Slot.node;
import static org.policygraph.graph.query.Relation.Slot.quoted;
import static org.policygraph.graph.query.Relation.Slot.under;
import static org.policygraph.graph.query.Relation.Slot.whole;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.policygraph.graph.query.LinkQueries.TaskLink;
import org.policygraph.graph.query.LinkQueries.ThemeTag;

/** Every nested field of the API that reads the graph, each as one {@link Relation}. */
final class Relations {

    private Relations() {}

    /** What evidence quoted from a task reads of it (Task#quote), with what its mapper needs. */
    static final List<String> QUOTED_TASK = List.of("key", "ordinal", "source", "text", "start", "end", "docKey");

    /** A field whose rows are nodes of {@code childType} (see {@link Relation} for the other arguments). */
    private static <V> Relation<V> nodes(String type, String field, String body, String variable, String childType,
            String order, boolean single, Function<Value, V> value) {
        return new Relation<>(type, field, Relation.parentOf(type), body, List.of(node(variable, childType)), null,
                order, single, row -> value.apply(row.get("node")));
    }

    // Task

    static final Relation<Document> TASK_DOCUMENT = nodes("Task", "document",
            "MATCH (d#:Document)-[:HAS_TASK]->(parent)", "d#", "Document", null, true, Document::of);
    static final Relation<Section> TASK_SECTION = nodes("Task", "section",
            "MATCH (s#:Section)-[:HAS_TASK]->(parent)", "s#", "Section", null, true, Section::of);
    static final Relation<Assignment> TASK_DEPARTMENTS = new Relation<>("Task", "departments",
            Relation.parentOf("Task"), "MATCH (parent)-[a#:ASSIGNED_TO]->(d#:Department)",
            List.of(new Relation.Slot("task", "parent", "Task", "task", QUOTED_TASK, "evidence"),
                    under("department", "d#", "Department")), "assignment: a# {.*}",
            "a#.position", false, Assignment::of);
    static final Relation<Region> TASK_REGIONS = nodes("Task", "regions",
            "MATCH (parent)-[m#:MENTIONS]->(r#:Region)", "r#", "Region", "m#.start, r#.code", false, Region::of);
    static final Relation<Pilot> TASK_PILOTS = nodes("Task", "pilots",
            "MATCH (parent)-[:DESIGNATES]->(p#:Pilot)", "p#", "Pilot", "p#.key", false, Pilot::of);
    static final Relation<Indicator> TASK_INDICATORS = nodes("Task", "indicators",
            "MATCH (parent)-[:SETS]->(i#:Indicator)", "i#", "Indicator", "i#.key", false, Indicator::of);
    static final Relation<Document> TASK_CITES = nodes("Task", "cites",
            "MATCH (parent)-[:CITES]->(d#:Document)", "d#", "Document", "d#.key", false, Document::of);
    static final Relation<TaskLink> TASK_IMPLEMENTS = new Relation<>("Task", "implements",
            Relation.parentOf("Task"), "MATCH (parent)-[l#:IMPLEMENTS]->(other#:Task)",
            List.of(under("task", "other#", "Task")), "score: l#.score, terms: l#.sharedTerms, rank: l#.rank",
            "other#.docKey, l#.rank", false, Relations::link);
    static final Relation<TaskLink> TASK_IMPLEMENTED_BY = new Relation<>("Task", "implementedBy",
            Relation.parentOf("Task"), "MATCH (parent)<-[l#:IMPLEMENTS]-(other#:Task)",
            List.of(under("task", "other#", "Task")), "score: l#.score, terms: l#.sharedTerms, rank: l#.rank",
            "l#.score DESC, other#.key", false, Relations::link);
    /** A theme's evidence is quoted from the task's verbatim source (Task#quote). */
    static final Relation<ThemeTag> TASK_THEMES = new Relation<>("Task", "themes",
            Relation.parentOf("Task"), "MATCH (parent)-[h#:HAS_THEME]->(theme#:Theme)",
            List.of(new Relation.Slot("task", "parent", null, null, QUOTED_TASK, "evidence")),
            "name: theme#.name, terms: h#.terms, start: h#.start, end: h#.end",
            "h#.start, theme#.name", false, Relations::theme);

    // Pilot, Programme, Institution

    static final Relation<Task> PILOT_TASK = nodes("Pilot", "task",
            "MATCH (t#:Task)-[:DESIGNATES]->(parent)", "t#", "Task", null, true, Task::of);
    static final Relation<Object> PILOT_SITES = new Relation<>("Pilot", "sites", Relation.parentOf("Pilot"),
            "MATCH (parent)-[:AT_SITE]->(s#)", List.of(node("s#", null)), "isRegion: s#:Region",
            "coalesce(s#.code, s#.regionCode), s#.key", false, Relations::site);
    static final Relation<Evidence> PILOT_EVIDENCE = new Relation<>("Pilot", "evidence", Relation.parentOf("Pilot"),
            "MATCH (t#:Task)-[:DESIGNATES]->(parent) WHERE parent.start IS NOT NULL",
            List.of(quoted("task", "t#", "")), "start: parent.start, end: parent.end", null,
            true, row -> Task.of(row.get("task")).quote(row.get("start").asInt(), row.get("end").asInt()));
    static final Relation<Pilot> PROGRAMME_PILOTS = nodes("Programme", "pilots",
            "MATCH (parent)<-[:OF_PROGRAMME]-(p#:Pilot)", "p#", "Pilot", "p#.key", false, Pilot::of);
    static final Relation<Region> INSTITUTION_REGION = nodes("Institution", "region",
            "MATCH (parent)-[:LOCATED_IN]->(r#:Region)", "r#", "Region", null, true, Region::of);
    static final Relation<Pilot> INSTITUTION_PILOTS = nodes("Institution", "pilots",
            "MATCH (parent)<-[:AT_SITE]-(p#:Pilot)", "p#", "Pilot", "p#.key", false, Pilot::of);

    // Indicator

    static final Relation<Task> INDICATOR_TASK = nodes("Indicator", "task",
            "MATCH (t#:Task)-[:SETS]->(parent)", "t#", "Task", null, true, Task::of);
    /** A document-level indicator is owned by its document; a task's by the task, whose docKey names it. */
    static final Relation<Document> INDICATOR_DOCUMENT = nodes("Indicator", "document",
            "MATCH (o#)-[:SETS]->(parent) MATCH (d#:Document {key: coalesce(o#.docKey, o#.key)})",
            "d#", "Document", null, true, Document::of);
    static final Relation<Evidence> INDICATOR_EVIDENCE = new Relation<>("Indicator", "evidence",
            Relation.parentOf("Indicator"), "MATCH (o#)-[:SETS]->(parent) WHERE parent.start IS NOT NULL",
            List.of(quoted("owner", "o#", "")), "byTask: o#:Task, start: parent.start, end: parent.end", null,
            true, Relations::indicatorEvidence);

    // Document, Section, Evidence

    static final Relation<Region> DOCUMENT_REGION = nodes("Document", "region",
            "MATCH (parent)-[:ISSUED_IN]->(r#:Region)", "r#", "Region", null, true, Region::of);
    static final Relation<Section> DOCUMENT_SECTIONS = nodes("Document", "sections",
            "MATCH (parent)-[:HAS_SECTION]->(s#:Section)", "s#", "Section", "s#.ordinal", false, Section::of);
    static final Relation<Task> DOCUMENT_TASKS = nodes("Document", "tasks",
            "MATCH (parent)-[:HAS_TASK]->(t#:Task)", "t#", "Task", "t#.ordinal", false, Task::of);
    static final Relation<Indicator> DOCUMENT_INDICATORS = nodes("Document", "indicators",
            "MATCH (parent)-[:SETS]->(i#:Indicator)", "i#", "Indicator", "i#.key", false, Indicator::of);
    static final Relation<Document> SECTION_DOCUMENT = nodes("Section", "document",
            "MATCH (d#:Document)-[:HAS_SECTION]->(parent)", "d#", "Document", null, true, Document::of);
    static final Relation<Task> SECTION_TASKS = nodes("Section", "tasks",
            "MATCH (parent)-[:HAS_TASK]->(t#:Task)", "t#", "Task", "t#.ordinal", false, Task::of);
    /**
     * The document a quote was cut from. Evidence is worked out from the node it quotes (a task, or for a
     * document-level indicator the document), so in a statement {@code parent} is that node, and the
     * rows are kept under the document's key, the key the evidence holds (see {@link Projection}); the
     * batch statement starts from the document itself.
     */
    static final Relation<Document> EVIDENCE_DOCUMENT = new Relation<>("Evidence", "document",
            "(parent:Document {key: key})", "MATCH (d#:Document {key: coalesce(parent.docKey, parent.key)})",
            List.of(node("d#", "Document")), null, null, true, row -> Document.of(row.get("node")));

    // Region, Department

    static final Relation<Region> REGION_PARENT = nodes("Region", "parent",
            "MATCH (parent)-[:PART_OF]->(up#:Region)", "up#", "Region", null, true, Region::of);
    static final Relation<Region> REGION_CHILDREN = nodes("Region", "children",
            "MATCH (c#:Region)-[:PART_OF]->(parent)", "c#", "Region", "c#.code", false, Region::of);
    static final Relation<Institution> REGION_INSTITUTIONS = nodes("Region", "institutions",
            "MATCH (i#:Institution)-[:LOCATED_IN]->(parent)", "i#", "Institution", "i#.key", false, Institution::of);
    static final Relation<Region> DEPARTMENT_REGION = nodes("Department", "region",
            "MATCH (parent)-[:OF_REGION]->(r#:Region)", "r#", "Region", null, true, Region::of);
    /** The assignment's evidence is quoted from its task: the task is read with the properties quoting needs. */
    static final Relation<Assignment> DEPARTMENT_TASKS = new Relation<>("Department", "tasks",
            Relation.parentOf("Department"), "MATCH (t#:Task)-[a#:ASSIGNED_TO]->(parent)",
            List.of(new Relation.Slot("task", "t#", "Task", "task", QUOTED_TASK, "evidence"), whole("department", "parent")),
            "assignment: a# {.*}", "t#.docKey, t#.ordinal", false, Assignment::of);

    static final List<Relation<?>> ALL = List.of(TASK_DOCUMENT, TASK_SECTION, TASK_DEPARTMENTS, TASK_REGIONS,
            TASK_PILOTS, TASK_INDICATORS, TASK_CITES, TASK_IMPLEMENTS, TASK_IMPLEMENTED_BY, TASK_THEMES,
            PILOT_TASK, PILOT_SITES, PILOT_EVIDENCE, PROGRAMME_PILOTS, INSTITUTION_REGION, INSTITUTION_PILOTS,
            INDICATOR_TASK, INDICATOR_DOCUMENT, INDICATOR_EVIDENCE, DOCUMENT_REGION, DOCUMENT_SECTIONS,
            DOCUMENT_TASKS, DOCUMENT_INDICATORS, SECTION_DOCUMENT, SECTION_TASKS, EVIDENCE_DOCUMENT, REGION_PARENT,
            REGION_CHILDREN, REGION_INSTITUTIONS, DEPARTMENT_REGION, DEPARTMENT_TASKS);

    private static final Map<String, Relation<?>> BY_FIELD = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(r -> r.type() + "." + r.field(), Function.identity()));

    /** The relation of {@code type.field}, or null when the field does not read the graph. */
    static Relation<?> find(String type, String field) {
        return BY_FIELD.get(type + "." + field);
    }

    /** A pilot's site: a region, or an institution. */
    private static Object site(MapAccessor r) {
        return r.get("isRegion").asBoolean() ? Region.of(r.get("node")) : Institution.of(r.get("node"));
    }

    /** Cut from the task text; a document-level indicator has its span but no stored text to quote. */
    private static Evidence indicatorEvidence(MapAccessor r) {
        int start = r.get("start").asInt();
        int end = r.get("end").asInt();
        if (r.get("byTask").asBoolean()) {
            return Task.of(r.get("owner")).quote(start, end);
        }
        return new Evidence(null, start, end, Nodes.string(r.get("owner"), "key"));
    }

    private static TaskLink link(Value r) {
        return new TaskLink(Task.of(r.get("task")), r.get("score").asDouble(), r.get("terms").asList(Value::asString),
                r.get("rank").asInt());
    }

    private static ThemeTag theme(Value r) {
        return new ThemeTag(r.get("name").asString(), r.get("terms").asList(Value::asString),
                Task.of(r.get("task")).quote(Nodes.integer(r, "start"), Nodes.integer(r, "end")));
    }
}
