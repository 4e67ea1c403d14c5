package dev.queuescope;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.logging.log4j.ThreadContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Wraps each request in a {@code queuescope.HttpRequest} JFR event. It runs right after
 * {@link RequestIdFilter}, so the id is in the ThreadContext, and outside every filter that can
 * answer a request itself. It shares its order with {@link AccessLogFilter} (the next free order
 * is taken by {@link RequestBodyLimitFilter}); which of the two wraps the other only moves the
 * access log's enqueue, a few microseconds, in or out of the event's duration.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HttpRequestJfrFilter extends OncePerRequestFilter {

    static final String INTENDED_START_HEADER = "X-Queuescope-Intended-Start";
    private static final String UNMATCHED = "UNMATCHED";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpRequestEvent event = new HttpRequestEvent();
        if (!event.isEnabled()) {
            chain.doFilter(request, response);
            return;
        }
        ThreadClocks before = ThreadClocks.now();
        event.begin();
        try {
            chain.doFilter(request, response);
        } finally {
            event.end();
            if (event.shouldCommit()) {
                ThreadClocks after = ThreadClocks.now();
                event.cpuTime = after.cpuSince(before);
                event.cpuWaitTime = after.runQueueSince(before);
                describe(event, request, response);
                event.commit();
            }
        }
    }

    private static void describe(HttpRequestEvent event, HttpServletRequest request, HttpServletResponse response) {
        event.method = request.getMethod();
        event.route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                ? pattern : UNMATCHED;
        event.module = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                instanceof HandlerMethod handler ? ShopModules.ofPackage(handler.getBeanType().getPackageName())
                : ShopModules.OTHER;
        event.status = response.getStatus();
        event.requestId = ThreadContext.get(RequestIdFilter.CONTEXT_KEY);
        event.intendedStartMicros = intendedStartMicros(request.getHeader(INTENDED_START_HEADER));
    }

    private static long intendedStartMicros(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0; // a malformed header is the load generator's bug; it must not fail the request
        }
    }
}
