package dev.queuescope.customers.internal.web;

import dev.queuescope.customers.AccessToken;
import dev.queuescope.customers.CustomerAccounts;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private static final String BEARER = "Bearer ";

    private final CustomerAccounts accounts;

    AuthController(CustomerAccounts accounts) {
        this.accounts = accounts;
    }

    /** {@code {"token","expiresAt"}}: the token is shown this once and stored only hashed. */
    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody Credentials body) {
        AccessToken token = accounts.login(body.email(), body.password());
        return new TokenResponse(token.token(), token.expiresAt().toString());
    }

    /** Revokes the token this request carries (security has already checked it is valid). */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        accounts.logout(authorization.substring(BEARER.length()).strip());
        return ResponseEntity.noContent().build();
    }

    record TokenResponse(String token, String expiresAt) {
        @Override
        public String toString() {
            return "TokenResponse[token=<hidden>, expiresAt=" + expiresAt + "]";
        }
    }
}
