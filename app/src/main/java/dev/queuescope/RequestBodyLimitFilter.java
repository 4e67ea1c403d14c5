package dev.queuescope;

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
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies ({@code queuescope.web.max-request-body}, default 64KB): a declared or
 * streamed body past the cap fails its first read past the cap with {@link BodyTooLargeException},
 * which {@link ApiExceptionHandler} answers with 413 before anything is written. Imports are exempt.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestBodyLimitFilter(@Value("${queuescope.web.max-request-body:64KB}") DataSize max) {
        this.maxBytes = max.toBytes();
    }

    /** Bulk uploads are streamed into the database row by row, never held: their size is not a memory risk. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/v1/admin/imports/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** Thrown by a read past the cap. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("Request body larger than " + maxBytes + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes, getContentLengthLong());
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private final long declaredLength;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes, long declaredLength) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.declaredLength = declaredLength;
        }

        @Override
        public int read() throws IOException {
            refuseDeclaredOversize();
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refuseDeclaredOversize();
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void refuseDeclaredOversize() throws BodyTooLargeException {
            if (declaredLength > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
