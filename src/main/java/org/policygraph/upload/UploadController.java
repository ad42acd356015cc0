package org.policygraph.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.policygraph.corpus.DocumentIngester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/documents}: multipart with one or more {@code file} parts, each extracted and
 * loaded like {@code ingest FILE}. Needs {@code Authorization: Bearer <policygraph.security.token>}
 * (403 when the server has no token, 401 without a valid one); the token is checked before the
 * multipart body is parsed ({@code spring.servlet.multipart.resolve-lazily}). The answer is 200 with
 * one result per file, in order: {@code {file, outcome: loaded|duplicate|failed, documentKey, tasks,
 * warnings, error}}; a file that fails does not stop the others. Files are never written to disk
 * under their client names (see {@link UploadNames}). With {@code ?replace=true} a file whose
 * document key is loaded replaces that document (outcome {@code unchanged} when its extraction is the
 * same).
 */
@RestController
class UploadController {

    static final String PART = "file";

    record FileResult(String file, String outcome, String documentKey, int tasks, List<String> warnings,
                      String error) {

        static FileResult of(DocumentIngester.Outcome outcome) {
            return new FileResult(outcome.sourceName(), outcome.status().label(), outcome.documentKey(),
                    outcome.tasks(), outcome.warnings(), outcome.reason());
        }
    }

    record UploadResponse(List<FileResult> files) {}

    record UploadError(String error) {}

    private final DocumentIngester ingester;
    private final BearerToken token;

    UploadController(DocumentIngester ingester, BearerToken token) {
        this.ingester = ingester;
        this.token = token;
    }

    @PostMapping(path = "/api/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(HttpServletRequest request,
            @RequestParam(name = "replace", defaultValue = "false") boolean replace) {
        ResponseEntity<?> refused = refusal(token, request);
        if (refused != null) {
            return refused;
        }
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return ResponseEntity.badRequest().body(new UploadError(
                    "send multipart/form-data with one or more '" + PART + "' parts"));
        }
        List<MultipartFile> files = multipart.getMultiFileMap().getOrDefault(PART, List.of());
        if (files.isEmpty()) {
            return ResponseEntity.badRequest().body(new UploadError(
                    "no '" + PART + "' part: send each document as a part named '" + PART + "'"));
        }
        List<DocumentIngester.Input> inputs = files.stream()
                .map(file -> new DocumentIngester.Input(UploadNames.baseName(file.getOriginalFilename()), file::getBytes))
                .toList();
        return ResponseEntity.ok(new UploadResponse(
                ingester.ingestAll(inputs, replace ? DocumentIngester.Mode.REPLACE : DocumentIngester.Mode.SKIP_LOADED,
                        batch -> {}).stream().map(FileResult::of).toList()));
    }

    /** 403 when writes are disabled, 401 without a valid bearer token, null when the request may write. */
    static ResponseEntity<?> refusal(BearerToken token, HttpServletRequest request) {
        BearerToken.Verdict verdict = token.check(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (verdict == BearerToken.Verdict.DISABLED) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new UploadError(verdict.message));
        }
        if (verdict != BearerToken.Verdict.ALLOWED) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(new UploadError(verdict.message));
        }
        return null;
    }

}
