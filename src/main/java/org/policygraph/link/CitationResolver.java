package org.policygraph.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.graph.LinkStore;
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

    private final LinkStore store;

    CitationResolver(LinkStore store) {
        this.store = store;
    }

    /** Merges every resolvable stub into its document; returns how many stubs were merged. */
    public int resolve() {
        List<LinkStore.CitedDocument> stubs = new ArrayList<>();
        Map<String, String> documentByTitle = new HashMap<>();
        Map<String, String> documentByNumber = new HashMap<>();
        for (LinkStore.CitedDocument doc : store.stubsAndDocuments()) {
            if (doc.loaded()) {
                if (doc.title() != null) {
                    documentByTitle.putIfAbsent(plain(doc.title()), doc.key());
                }
                if (doc.docNumber() != null) {
                    documentByNumber.putIfAbsent(doc.docNumber(), doc.key());
                }
            } else {
                stubs.add(doc);
            }
        }
        Map<String, String> documentByStub = new LinkedHashMap<>();
        for (LinkStore.CitedDocument stub : stubs) {
            String document = stub.docNumber() == null ? null : documentByNumber.get(stub.docNumber());
            if (document == null && stub.title() != null) {
                document = documentByTitle.get(plain(stub.title()));
                Matcher notice = NOTICE_TITLE.matcher(plain(stub.title()));
                if (document == null && notice.find()) {
                    document = documentByTitle.get(plain(notice.group(1)));
                }
            }
            if (document != null && !document.equals(stub.key())) {
                documentByStub.put(stub.key(), document);
            }
        }
        store.mergeStubs(documentByStub);
        return documentByStub.size();
    }

    private static String plain(String title) {
        return title.replace("《", "").replace("》", "").replaceAll("\\s+", "");
    }
}
