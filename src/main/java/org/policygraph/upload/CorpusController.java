package org.policygraph.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.policygraph.corpus.CorpusLifecycle;
import org.policygraph.corpus.DocumentIngester;
import org.policygraph.corpus.OriginalStore;
import org.policygraph.graph.DocumentCatalog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The corpus over HTTP, as on the command line ({@code documents}, {@code delete}, {@code reextract}).
 * Reading is open; deleting and re-extracting need the bearer token, like uploads. Keys go in the
 * query string ({@code ?key=甘政办发〔2022〕84号}): a key may hold characters a path cannot.
 *
 * <ul>
 *   <li>{@code GET /api/documents}: every loaded document with its extractor version, format, load time, counts;</li>
 *   <li>{@code GET /api/documents/original?key=}: the original file as uploaded;</li>
 *   <li>{@code GET /api/documents/text?key=[&start=&end=]}: the canonical text its spans point into, or a passage;</li>
 *   <li>{@code DELETE /api/documents?key=}: deletes the document;</li>
 *   <li>{@code POST /api/documents/reextract} {@code {"keys": [...], "force": false}}: re-extracts from the originals.</li>
 * </ul>
 */
@RestController
class CorpusController {

    record Documents(List<DocumentCatalog.Entry> documents) {}

    record Deleted(String key, boolean keptAsStub, List<String> relinked) {}

    record ReextractRequest(List<String> keys, Boolean force) {}

    record Reextracted(List<UploadController.FileResult> documents) {}

    record Failure(String error) {}

    private final CorpusLifecycle corpus;
    private final DocumentCatalog catalog;
    private final OriginalStore originals;
    private final BearerToken token;

    CorpusController(CorpusLifecycle corpus, DocumentCatalog catalog, OriginalStore originals, BearerToken token) {
        this.corpus = corpus;
        this.catalog = catalog;
        this.originals = originals;
        this.token = token;
    }

    @GetMapping(path = "/api/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    Documents list() {
        return new Documents(corpus.list());
    }

    @GetMapping("/api/documents/original")
    ResponseEntity<?> original(@RequestParam String key) {
        DocumentCatalog.Entry entry = catalog.find(key).orElse(null);
        if (entry == null) {
            return notFound(key);
        }
        byte[] bytes = entry.contentHash() == null ? null : originals.get(entry.contentHash()).orElse(null);
        if (bytes == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Failure(
                    "the original of " + key + " is not stored (loaded before originals were kept)"));
        }
        String name = entry.sourceName() == null ? "original" : entry.sourceName();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping(path = "/api/documents/text", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    ResponseEntity<?> text(@RequestParam String key, @RequestParam(required = false) Integer start,
            @RequestParam(required = false) Integer end) {
        Optional<String> text;
        try {
            text = catalog.text(key, start, end);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new Failure(e.getMessage()));
        }
        return text.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                        .body(new Failure("no text is kept for " + key)));
    }

    @DeleteMapping(path = "/api/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> delete(HttpServletRequest request, @RequestParam String key) {
        ResponseEntity<?> refused = UploadController.refusal(token, request);
        if (refused != null) {
            return refused;
        }
        DocumentCatalog.Deletion deletion = corpus.delete(key);
        return deletion.found()
                ? ResponseEntity.ok(new Deleted(key, deletion.keptAsStub(), deletion.lowerDocuments()))
                : notFound(key);
    }

    @PostMapping(path = "/api/documents/reextract", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reextract(HttpServletRequest request, @RequestBody(required = false) ReextractRequest body) {
        ResponseEntity<?> refused = UploadController.refusal(token, request);
        if (refused != null) {
            return refused;
        }
        List<String> keys = body == null || body.keys() == null ? List.of() : body.keys();
        boolean force = body != null && Boolean.TRUE.equals(body.force());
        List<DocumentIngester.Outcome> outcomes = corpus.reextract(keys, force, batch -> {});
        return ResponseEntity.ok(new Reextracted(outcomes.stream().map(UploadController.FileResult::of).toList()));
    }

    private static ResponseEntity<?> notFound(String key) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Failure("no loaded document has the key " + key));
    }
}
