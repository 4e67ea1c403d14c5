package dev.queuescope;

import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code queuescope.web.shed-status=429}: a request past the concurrency limit is refused with 429 and
 * {@code Retry-After}, and — unlike after a 503, which Tomcat always follows by closing the connection —
 * the client keeps its connection.
 */
@ShopHttpTest
@TestPropertySource(properties = {"queuescope.web.max-concurrent-requests=2", "queuescope.web.shed-status=429"})
class ShedStatusTests {

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void jdkClient() {
        http = OverloadProtectionTests.withoutRetries(port);
    }

    @Test
    void aRequestPastTheConcurrencyLimitIsAnswered429AndKeepsItsConnection() throws Exception {
        String token = TestAccounts.adminToken(http);
        try (Socket first = OverloadProtectionTests.holdARequestOpen(port, token);
                Socket second = OverloadProtectionTests.holdARequestOpen(port, token)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get().uri("/api/v1/categories").exchange()
                    .expectBody(String.class).returnResult().getStatus().value() == 429);

            http.get().uri("/api/v1/categories").exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectHeader().doesNotExist(HttpHeaders.CONNECTION)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:queuescope:problem:overloaded");
        }
    }
}
