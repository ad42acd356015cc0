package org.policygraph.graph.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Turns {@code first}/{@code after} into an offset and a limit. Cursors are opaque: the base64 of
 * {@code offset:N}, the position of the edge in the sorted result.
 */
@Component
public class Pages {

    private static final String PREFIX = "offset:";

    /** Rows [offset, offset + size) of a sorted result. */
    public record PageRequest(int offset, int size) {}

    private final ApiProperties properties;

    Pages(ApiProperties properties) {
        this.properties = properties;
    }

    public PageRequest request(Integer first, String after) {
        int size = first == null ? properties.defaultPageSize() : first;
        if (size < 0) {
            throw new ApiException.BadInput("first must not be negative, not " + size);
        }
        if (size > properties.maxPageSize()) {
            throw new ApiException.LimitExceeded("max-page-size", "first is " + size + "; at most "
                    + properties.maxPageSize() + " is allowed (policygraph.graphql.max-page-size)");
        }
        return new PageRequest(after == null ? 0 : offsetOf(after) + 1, size);
    }

    static String cursor(int offset) {
        return Base64.getEncoder().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offsetOf(String cursor) {
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException
        }
        throw new ApiException.BadInput("'" + cursor + "' is not a cursor of this API");
    }
}
