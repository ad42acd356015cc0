package org.policygraph;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line against a half-dead process: an {@link Error} that escapes any thread (an
 * OutOfMemoryError in Tomcat's poller, a StackOverflowError in a worker) ends the JVM, after one log
 * line saying so, instead of leaving it running without the thread – once the HTTP poller had died,
 * liveness never answered again until someone restarted the process by hand. A supervisor (systemd,
 * Kubernetes, Docker's restart policy) or the operator then starts it again; the embedded database
 * recovers from its transaction log as after a power cut.
 *
 * <p>Bounded work per request is the first line; {@code -XX:+ExitOnOutOfMemoryError} on the command
 * line (README) covers an OutOfMemoryError that code catches. Exceptions that are not errors are only
 * logged, as Java does by default.
 */
public final class FatalErrors {

    /** The status {@code -XX:+ExitOnOutOfMemoryError} exits with, so that supervisors see one code for both. */
    public static final int EXIT_STATUS = 3;

    private FatalErrors() {}

    /** Makes an uncaught {@link Error} in any thread end the process with {@link #EXIT_STATUS}. */
    public static void exitOnUncaughtErrors() {
        Thread.setDefaultUncaughtExceptionHandler(FatalErrors::uncaught);
    }

    private static void uncaught(Thread thread, Throwable failure) {
        if (!(failure instanceof Error)) {
            LoggerFactory.getLogger(FatalErrors.class).error("Uncaught exception in thread {}", thread.getName(), failure);
            return;
        }
        try {
            Logger log = LoggerFactory.getLogger(FatalErrors.class);
            log.error("Exiting (status {}): {} in thread {}; the process cannot be trusted to keep serving after it",
                    EXIT_STATUS, failure, thread.getName(), failure);
        } catch (Throwable logging) {
            // Logging needs memory too; the line on stderr is the last resort.
            System.err.println("Exiting (status " + EXIT_STATUS + "): " + failure + " in thread " + thread.getName());
        } finally {
            // halt, not exit: shutdown hooks would run on the broken heap and may hang.
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
