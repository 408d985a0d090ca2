package com.civilsafety.api.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body (JSON, a BPMN document) larger than {@code civil-safety.api.max-body-size} is refused with 413 before
 * it is read: at once when its length is declared, or as soon as the limit is passed when it is streamed in chunks —
 * so that nothing reads 150 MB into memory to find out it is too big. Uploads (multipart) have limits of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimit extends OncePerRequestFilter {
    private final ProblemResponses errors;
    private final long maxBytes;

    public RequestBodyLimit(ProblemResponses errors, @Value("${civil-safety.api.max-body-size:8MB}") DataSize maxBytes) {
        this.errors = errors;
        this.maxBytes = maxBytes.toBytes();
    }

    /** Thrown while reading a chunked body past the limit; answered 413 by {@code ApiErrors}. */
    public static final class BodyTooLargeException extends IOException {
        public BodyTooLargeException(long maxBytes) {
            super("请求内容超过大小上限（" + maxBytes / (1024 * 1024) + "MB）");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            type = MediaType.ALL; // unreadable: refused below
        }
        if (type != null && type.isWildcardType() || type != null && type.isWildcardSubtype()) {
            // a body must say what it is: "*/*" or "x" is no content type (and would fail deep inside as a 500)
            errors.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求体格式须注明，如 application/json");
            return;
        }
        if (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) {
            chain.doFilter(request, response); // uploads: spring.servlet.multipart limits
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            errors.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, new BodyTooLargeException(maxBytes).getMessage());
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > maxBytes) {
                            throw new BodyTooLargeException(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }
    }
}
