package dev.queuescope;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One INFO line per request on the {@code access} logger, through the same asynchronous Log4j2
 * path as every other line (not Tomcat's valve, which writes its own file synchronously).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger access = LogManager.getLogger("access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isInfoEnabled()) {
                String query = request.getQueryString();
                access.info("{} {}{} {} {}us", request.getMethod(), request.getRequestURI(),
                        query == null ? "" : "?" + query, response.getStatus(), (System.nanoTime() - start) / 1000);
            }
        }
    }
}
