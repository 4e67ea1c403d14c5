package dev.queuescope;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem+json, like every other error of the API.
 */
final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemSecurityResponses(JsonMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenPresented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        // RFC 6750: tell the client how to authenticate, and whether the token it sent was the problem.
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", tokenPresented
                ? "The bearer token is unknown, expired or revoked; log in again"
                : "This needs a bearer token: POST /api/v1/auth/login");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this");
    }
}
