package dev.queuescope;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.WeakHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Logged-in clients for tests: the admin (its password is given to every test context by
 * {@link SharedTestDatabase}) and fresh customers. A login costs a BCrypt check, so the admin's
 * token is made once per shop.
 */
public final class TestAccounts {

    public static final String ADMIN_EMAIL = "admin@localhost";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final Map<RestTestClient, String> adminTokens = new WeakHashMap<>();

    private TestAccounts() {
    }

    /** {@code http} with the admin's token on every request. */
    public static RestTestClient admin(RestTestClient http) {
        return as(http, adminToken(http));
    }

    /** The admin's bearer token, for a test that speaks HTTP without {@link RestTestClient}. */
    public static String adminToken(RestTestClient http) {
        synchronized (adminTokens) {
            return adminTokens.computeIfAbsent(http, client -> login(client, ADMIN_EMAIL, ADMIN_PASSWORD));
        }
    }

    /** {@code http} with the token of a customer registered just now. */
    public static RestTestClient newCustomer(RestTestClient http) {
        return as(http, newCustomerToken(http));
    }

    public static String newCustomerToken(RestTestClient http) {
        String email = "customer-" + UUID.randomUUID() + "@example.test";
        String password = "password-" + UUID.randomUUID();
        http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isCreated();
        return login(http, email, password);
    }

    public static String login(RestTestClient http, String email, String password) {
        Map<?, ?> token = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) Objects.requireNonNull(token).get("token");
    }

    public static RestTestClient as(RestTestClient http, String token) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
