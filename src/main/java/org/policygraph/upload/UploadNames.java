package org.policygraph.upload;

/**
 * The name an uploaded file is known by: the client's file name reduced to a plain base name. It
 * is only ever used as a label (outcome, log, {@code Document.sourceName}); the upload never writes
 * a file under it, so {@code ../../etc/passwd} becomes {@code passwd} and touches nothing.
 */
public final class UploadNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "upload";

    private UploadNames() {}

    public static String baseName(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = original;
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != ':' && c != '\u202E' && c != '\u202D')
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return FALLBACK;
        }
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
