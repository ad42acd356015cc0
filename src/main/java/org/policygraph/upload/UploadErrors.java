package org.policygraph.upload;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart refusals as JSON: a file or request over {@code spring.servlet.multipart.max-file-size} /
 * {@code max-request-size} is 413 with the limits in the message; a malformed multipart body is 400.
 */
@RestControllerAdvice
class UploadErrors {

    private final String maxFileSize;
    private final String maxRequestSize;

    UploadErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") String maxFileSize,
                 @Value("${spring.servlet.multipart.max-request-size:10MB}") String maxRequestSize) {
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<UploadController.UploadError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new UploadController.UploadError(
                "upload too large: at most " + maxFileSize + " per file (spring.servlet.multipart.max-file-size) and "
                        + maxRequestSize + " per request (spring.servlet.multipart.max-request-size)"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<UploadController.UploadError> malformed(MultipartException e) {
        return ResponseEntity.badRequest().body(new UploadController.UploadError(
                "malformed multipart request: " + e.getMostSpecificCause().getMessage()));
    }
}
