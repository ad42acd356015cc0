package org.policygraph.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies other than uploads are at most {@code policygraph.http.max-body}: the JSON of
 * {@code POST /api/cypher} and {@code POST /graphql} is read whole into memory before any limit on
 * the query can apply, so without this two hundred concurrent requests of 20 MB (Jackson's largest
 * string) would hold gigabytes. A body that declares a larger length is refused with 413 before it is
 * read; one sent without a length stops being read at the limit (the request then fails with 400).
 * Multipart uploads have their own limits ({@code spring.servlet.multipart.*}).
 */
@Component
public class RequestBodyLimit extends OncePerRequestFilter {

    private final DataSize maxBody;

    public RequestBodyLimit(@Value("${policygraph.http.max-body:1MB}") DataSize maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBody.toBytes()) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"request body too large: " + declared + " bytes, at most "
                    + maxBody.toBytes() + " are accepted (policygraph.http.max-body)\"}");
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, maxBody.toBytes()), response);
    }

    /** A request whose body stops being readable after {@code limit} bytes. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int bytes) throws IOException {
                        read += bytes;
                        if (read > limit) {
                            throw new IOException("request body larger than " + limit + " bytes (policygraph.http.max-body)");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
