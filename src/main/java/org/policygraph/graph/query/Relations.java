package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.types.MapAccessor;

/** Every nested field whose read a list statement can take over (see {@link Relation}). */
final class Relations {

    private Relations() {}

    static final Relation<Document> TASK_DOCUMENT = new Relation<>("Task", "document",
            "MATCH (d#:Document)-[:HAS_TASK]->(parent)", "d#", null, null, "Document",
            true, row -> Document.of(row.get("node")));
    static final Relation<Section> TASK_SECTION = new Relation<>("Task", "section",
            "MATCH (s#:Section)-[:HAS_TASK]->(parent)", "s#", null, null, "Section",
            true, row -> Section.of(row.get("node")));
    static final Relation<Assignment> TASK_DEPARTMENTS = new Relation<>("Task", "departments",
            "MATCH (parent)-[a#:ASSIGNED_TO]->(d#:Department)",
            null, "task: parent {.*}, assignment: a# {.*}, department: d# {.*}", "a#.position", null,
            false, Assignment::of);
    static final Relation<Region> TASK_REGIONS = new Relation<>("Task", "regions",
            "MATCH (parent)-[m#:MENTIONS]->(r#:Region)", "r#", null, "m#.start, r#.code", "Region",
            false, row -> Region.of(row.get("node")));
    static final Relation<Pilot> TASK_PILOTS = new Relation<>("Task", "pilots",
            "MATCH (parent)-[:DESIGNATES]->(p#:Pilot)", "p#", null, "p#.key", "Pilot",
            false, row -> Pilot.of(row.get("node")));
    static final Relation<Indicator> TASK_INDICATORS = new Relation<>("Task", "indicators",
            "MATCH (parent)-[:SETS]->(i#:Indicator)", "i#", null, "i#.key", "Indicator",
            false, row -> Indicator.of(row.get("node")));
    static final Relation<Document> TASK_CITES = new Relation<>("Task", "cites",
            "MATCH (parent)-[:CITES]->(d#:Document)", "d#", null, "d#.key", "Document",
            false, row -> Document.of(row.get("node")));

    static final Relation<Task> PILOT_TASK = new Relation<>("Pilot", "task",
            "MATCH (t#:Task)-[:DESIGNATES]->(parent)", "t#", null, null, "Task",
            true, row -> Task.of(row.get("node")));
    static final Relation<Object> PILOT_SITES = new Relation<>("Pilot", "sites",
            "MATCH (parent)-[:AT_SITE]->(s#)", "s#", "isRegion: s#:Region",
            "coalesce(s#.code, s#.regionCode), s#.key", null,
            false, Relations::site);
    static final Relation<Evidence> PILOT_EVIDENCE = new Relation<>("Pilot", "evidence",
            "MATCH (t#:Task)-[:DESIGNATES]->(parent) WHERE parent.start IS NOT NULL",
            null, "task: t# {.*}, start: parent.start, end: parent.end", null, null,
            true, row -> Task.of(row.get("task")).quote(row.get("start").asInt(), row.get("end").asInt()));
    static final Relation<Pilot> PROGRAMME_PILOTS = new Relation<>("Programme", "pilots",
            "MATCH (parent)<-[:OF_PROGRAMME]-(p#:Pilot)", "p#", null, "p#.key", "Pilot",
            false, row -> Pilot.of(row.get("node")));
    static final Relation<Region> INSTITUTION_REGION = new Relation<>("Institution", "region",
            "MATCH (parent)-[:LOCATED_IN]->(r#:Region)", "r#", null, null, "Region",
            true, row -> Region.of(row.get("node")));
    static final Relation<Pilot> INSTITUTION_PILOTS = new Relation<>("Institution", "pilots",
            "MATCH (parent)<-[:AT_SITE]-(p#:Pilot)", "p#", null, "p#.key", "Pilot",
            false, row -> Pilot.of(row.get("node")));

    static final Relation<Task> INDICATOR_TASK = new Relation<>("Indicator", "task",
            "MATCH (t#:Task)-[:SETS]->(parent)", "t#", null, null, "Task",
            true, row -> Task.of(row.get("node")));
    /** A document-level indicator is owned by its document; a task's by the task, whose docKey names it. */
    static final Relation<Document> INDICATOR_DOCUMENT = new Relation<>("Indicator", "document",
            "MATCH (o#)-[:SETS]->(parent) MATCH (d#:Document {key: coalesce(o#.docKey, o#.key)})",
            "d#", null, null, "Document",
            true, row -> Document.of(row.get("node")));
    static final Relation<Evidence> INDICATOR_EVIDENCE = new Relation<>("Indicator", "evidence",
            "MATCH (o#)-[:SETS]->(parent) WHERE parent.start IS NOT NULL",
            null, "owner: o# {.*}, byTask: o#:Task, start: parent.start, end: parent.end", null, null,
            true, Relations::indicatorEvidence);

    static final List<Relation<?>> ALL = List.of(TASK_DOCUMENT, TASK_SECTION, TASK_DEPARTMENTS,
            TASK_REGIONS, TASK_PILOTS, TASK_INDICATORS, TASK_CITES, PILOT_TASK, PILOT_SITES, PILOT_EVIDENCE,
            PROGRAMME_PILOTS, INSTITUTION_REGION, INSTITUTION_PILOTS, INDICATOR_TASK, INDICATOR_DOCUMENT,
            INDICATOR_EVIDENCE);

    private static final Map<String, Relation<?>> BY_FIELD = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(r -> r.type() + "." + r.field(), Function.identity()));

    /** The relation of {@code type.field}, or null when the field is read otherwise. */
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
}
