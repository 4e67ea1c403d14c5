package dev.queuescope.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ShopHttpTest
class AccountApiTests {

    @Autowired
    RestTestClient http;

    @Test
    void registeringAnswers201WithTheAccountAndNeverItsPassword() {
        String email = email();

        http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", "a long enough password"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.role").isEqualTo("CUSTOMER")
                .jsonPath("$.password").doesNotExist()
                .jsonPath("$.passwordHash").doesNotExist();
    }

    @Test
    void anEmailIsOneAccountWhateverItsCase() {
        String email = email();
        register(email, "a long enough password");

        http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email.toUpperCase(), "password", "another long password"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void aBadEmailAndAShortPasswordAreNamedField400s() {
        http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "not-an-email", "password", "short"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").exists();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIs422NotSilentlyCut() {
        http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email(), "password", "é".repeat(40)))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void loginAnswersAnOpaqueTokenAndItsExpiry() {
        String email = email();
        register(email, "a long enough password");

        Map<?, ?> body = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", "a long enough password"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat((String) Objects.requireNonNull(body).get("token")).startsWith("qs_").hasSizeGreaterThan(40);
        assertThat((String) body.get("expiresAt")).isNotBlank();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSame401() {
        String email = email();
        register(email, "a long enough password");

        String wrongPassword = loginFails(email, "not the password at all");
        String unknownEmail = loginFails(email(), "a long enough password");

        assertThat(wrongPassword).isEqualTo(unknownEmail);
    }

    @Test
    void logoutRevokesTheTokenAtOnce() {
        String token = TestAccounts.newCustomerToken(http);
        RestTestClient customer = TestAccounts.as(http, token);
        customer.get().uri("/api/v1/orders").exchange().expectStatus().isOk();

        customer.post().uri("/api/v1/auth/logout").exchange().expectStatus().isNoContent();

        customer.get().uri("/api/v1/orders").exchange().expectStatus().isUnauthorized();
    }

    private String loginFails(String email, String password) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody().get("detail").toString();
    }

    private void register(String email, String password) {
        http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isCreated();
    }

    private static String email() {
        return "someone-" + UUID.randomUUID() + "@example.test";
    }
}
