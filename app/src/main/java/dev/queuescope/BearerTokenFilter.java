package dev.queuescope;

import dev.queuescope.customers.CustomerAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request without one goes on anonymous
 * (the URL rules decide); a token that is unknown, expired or revoked is answered 401 at once,
 * even on an open URL, so a client with a broken token finds out.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final CustomerAccounts accounts;
    private final AuthenticationEntryPoint unauthorized;

    BearerTokenFilter(CustomerAccounts accounts, AuthenticationEntryPoint unauthorized) {
        this.accounts = accounts;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var caller = accounts.authenticate(header.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            unauthorized.commence(request, response,
                    new BadCredentialsException("The bearer token is unknown, expired or revoked"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
