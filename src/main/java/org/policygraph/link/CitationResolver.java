package org.policygraph.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 *
 * <p>After a load only a newly loaded document or a stub its tasks cite can make a new pair (every
 * other pair was tried before), so {@link #resolve(Collection)} reads those and what may match them
 * through the indexes, not every stub and document: its cost does not grow with the corpus.
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
        return merge(store.stubsAndDocuments());
    }

    /**
     * Merges the stubs that these newly loaded (or reloaded) documents make resolvable: stubs that name
     * one of them, and stubs their tasks cite that name a loaded document. Returns how many were merged.
     */
    public int resolve(Collection<String> documentKeys) {
        if (documentKeys.isEmpty()) {
            return 0;
        }
        List<LinkStore.CitedDocument> loaded = store.documentsToCite(documentKeys);
        Set<String> numbers = new TreeSet<>();
        Set<String> titles = new TreeSet<>();
        for (LinkStore.CitedDocument doc : loaded) {
            if (doc.docNumber() != null) {
                numbers.add(doc.docNumber());
            }
            if (doc.title() != null && !plain(doc.title()).isEmpty()) {
                titles.add(plain(doc.title()));
            }
        }
        Map<String, LinkStore.CitedDocument> stubs = new TreeMap<>();
        store.stubsNaming(numbers, titles).forEach(stub -> stubs.put(stub.key(), stub));
        store.stubsCitedBy(documentKeys).forEach(stub -> stubs.put(stub.key(), stub));
        if (stubs.isEmpty()) {
            return 0;
        }
        Set<String> citedNumbers = new TreeSet<>();
        Set<String> citedTitles = new TreeSet<>();
        for (LinkStore.CitedDocument stub : stubs.values()) {
            if (stub.docNumber() != null) {
                citedNumbers.add(stub.docNumber());
            }
            if (stub.title() != null) {
                citedTitles.add(stub.title());
                citedTitles.add(plain(stub.title()));
                Matcher notice = NOTICE_TITLE.matcher(plain(stub.title()));
                if (notice.find()) {
                    citedTitles.add(plain(notice.group(1)));
                }
            }
        }
        Map<String, LinkStore.CitedDocument> documents = new TreeMap<>();
        loaded.forEach(doc -> documents.put(doc.key(), doc));
        store.documentsNamed(citedNumbers, citedTitles).forEach(doc -> documents.putIfAbsent(doc.key(), doc));
        List<LinkStore.CitedDocument> candidates = new ArrayList<>(documents.values());
        candidates.addAll(stubs.values());
        return merge(candidates);
    }

    /**
     * Merges each of these stubs that one of these loaded documents resolves (the first document of a
     * title or number wins); returns how many were merged.
     */
    private int merge(List<LinkStore.CitedDocument> stubsAndDocuments) {
        List<LinkStore.CitedDocument> stubs = new ArrayList<>();
        Map<String, String> documentByTitle = new HashMap<>();
        Map<String, String> documentByNumber = new HashMap<>();
        for (LinkStore.CitedDocument doc : stubsAndDocuments) {
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
