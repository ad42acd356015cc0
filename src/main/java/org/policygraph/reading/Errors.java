package org.policygraph.reading;

/** One short line saying why a library could not read a file, for messages that must never carry a stack trace. */
final class Errors {

    private static final int MAX_REASON_LENGTH = 160;

    private Errors() {}

    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > MAX_REASON_LENGTH ? line.substring(0, MAX_REASON_LENGTH) + "…" : line;
    }
}
