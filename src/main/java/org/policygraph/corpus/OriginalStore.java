package org.policygraph.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The original files of the loaded documents, content-addressed: each under the SHA-256 of its bytes
 * (the document's {@code contentHash}), in {@code <dir>/<first two hex digits>/<hash>}. Writing the
 * same bytes twice stores them once; a file is written to a temporary name and moved into place, so a
 * crash never leaves half an original under its name.
 */
public final class OriginalStore {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;

    public OriginalStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Stores the bytes under their hash (computed by the caller, as the extractor did). */
    public void put(String contentHash, byte[] content) {
        Path target = path(contentHash);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), contentHash, ".part");
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the original " + contentHash + " in " + directory, e);
        }
    }

    /** The stored bytes; empty when none are stored under the hash. */
    public Optional<byte[]> get(String contentHash) {
        Path path = path(contentHash);
        try {
            return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the original " + contentHash, e);
        }
    }

    public void delete(String contentHash) {
        try {
            Files.deleteIfExists(path(contentHash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the original " + contentHash, e);
        }
    }

    private Path path(String contentHash) {
        String hash = contentHash == null ? "" : contentHash.strip().toLowerCase(Locale.ROOT);
        if (!SHA_256.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a SHA-256 content hash: " + contentHash);
        }
        return directory.resolve(hash.substring(0, 2)).resolve(hash);
    }
}
