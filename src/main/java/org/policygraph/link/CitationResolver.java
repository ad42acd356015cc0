package org.policygraph.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Component;

/**
 * Resolves citation stubs that GraphLoader cannot: a document is often cited by the title of the
 * notice that issued it (《甘肃省人民政府办公厅关于印发甘肃省深化医药卫生体制改革2021年重点工作任务的通知》)
 * while the extractor gives the document the title of the issued text (甘肃省深化医药卫生体制改革2021年重点工作任务).
 * A stub whose title, or whose notice title's 印发 part, equals a loaded document's title, or whose
 * number is a loaded document's number, is merged into that document: its CITES move there with
 * their properties, and the stub is deleted. Runs after every load, so either order of loading works.
 */
@Component
public class CitationResolver {

    /** 〔issuer〕关于印发〔《》〕X〔》〕的通知 — X is the issued document's title. */
    private static final Pattern NOTICE_TITLE = Pattern.compile("关于印发《?(.+?)》?的(?:通知|函)$");

    private static final String STUBS_AND_TITLES = """
            MATCH (s:Document {stub: true})
            RETURN s.key AS key, s.title AS title, s.docNumber AS docNumber, false AS loaded
            UNION ALL
            MATCH (d:Document {stub: false})
            RETURN d.key AS key, d.title AS title, d.docNumber AS docNumber, true AS loaded
            """;

    private static final String MERGE_STUB = """
            UNWIND $rows AS row
            MATCH (s:Document {key: row.stub, stub: true}), (d:Document {key: row.document, stub: false})
            CALL (s, d) {
              MATCH (t:Task)-[c:CITES]->(s)
              CREATE (t)-[n:CITES]->(d)
              SET n = properties(c)
            }
            DETACH DELETE s
            """;

    private final LinkGraph graph;

    CitationResolver(LinkGraph graph) {
        this.graph = graph;
    }

    /** Merges every resolvable stub into its document; returns how many stubs were merged. */
    public int resolve() {
        record Doc(String key, String title, String docNumber) {}
        List<Doc> stubs = new ArrayList<>();
        Map<String, String> documentByTitle = new HashMap<>();
        Map<String, String> documentByNumber = new HashMap<>();
        try (Session session = graph.sessions().session()) {
            session.executeRead(tx -> tx.run(STUBS_AND_TITLES).list()).forEach(r -> {
                Doc doc = new Doc(r.get("key").asString(), LinkGraph.string(r.get("title")),
                        LinkGraph.string(r.get("docNumber")));
                if (r.get("loaded").asBoolean()) {
                    if (doc.title() != null) {
                        documentByTitle.putIfAbsent(plain(doc.title()), doc.key());
                    }
                    if (doc.docNumber() != null) {
                        documentByNumber.putIfAbsent(doc.docNumber(), doc.key());
                    }
                } else {
                    stubs.add(doc);
                }
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Doc stub : stubs) {
            String document = stub.docNumber() == null ? null : documentByNumber.get(stub.docNumber());
            if (document == null && stub.title() != null) {
                document = documentByTitle.get(plain(stub.title()));
                Matcher notice = NOTICE_TITLE.matcher(plain(stub.title()));
                if (document == null && notice.find()) {
                    document = documentByTitle.get(plain(notice.group(1)));
                }
            }
            if (document != null && !document.equals(stub.key())) {
                rows.add(Map.of("stub", stub.key(), "document", document));
            }
        }
        if (!rows.isEmpty()) {
            graph.sessions().write(tx -> tx.run(MERGE_STUB, Map.of("rows", rows)));
        }
        return rows.size();
    }

    private static String plain(String title) {
        return title.replace("《", "").replace("》", "").replaceAll("\\s+", "");
    }
}
