package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The shop refuses fast instead of queueing: a client over its rate gets 429, and a request past
 * the concurrency limit gets 503 — both with {@code Retry-After}, both problem+json.
 */
@ShopHttpTest
@TestPropertySource(properties = {"queuescope.web.rate-limit.customer-requests=2",
        "queuescope.web.rate-limit.period=1m",
        "queuescope.web.max-concurrent-requests=2"})
class OverloadProtectionTests {

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void jdkClient() {
        http = withoutRetries(port);
    }

    /**
     * On the JDK's HTTP client: Apache HttpClient 5 (which Boot would pick, it is on the classpath for
     * payments) retries a 429 or 503 after its Retry-After by itself, hiding exactly what is checked here.
     */
    static RestTestClient withoutRetries(int port) {
        return RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    @Test
    void aCustomerOverItsRateIsAnswered429WithRetryAfter() {
        RestTestClient customer = TestAccounts.newCustomer(http);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(customer.get().uri("/api/v1/orders").exchange().expectBody(String.class).returnResult().getStatus().value());
        }

        // A burst of twice the rate (4), then two more a minute: 12 requests cannot all fit.
        assertThat(statuses).startsWith(200, 200, 200, 200).contains(429);
        customer.get().uri("/api/v1/orders").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(429);
    }

    @Test
    void theAdminIsNotRateLimited() {
        RestTestClient admin = TestAccounts.admin(http);
        for (int i = 0; i < 12; i++) {
            admin.get().uri("/api/v1/orders").exchange().expectStatus().isOk();
        }
    }

    @Test
    void aRequestPastTheConcurrencyLimitIsAnswered503AtOnceAndServedAgainWhenThereIsRoom() throws Exception {
        String token = TestAccounts.adminToken(http);
        try (Socket first = holdARequestOpen(port, token); Socket second = holdARequestOpen(port, token)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get().uri("/api/v1/categories").exchange()
                    .expectBody(String.class).returnResult().getStatus().value() == 503);

            http.get().uri("/api/v1/categories").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    // Tomcat's own rule after a 503: the refused client must connect again (see ShedStatusTests).
                    .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get().uri("/api/v1/categories").exchange()
                .expectBody(String.class).returnResult().getStatus().value() == 200);
    }

    /** An import whose body never ends: the request stays inside the shop until the socket closes. */
    static Socket holdARequestOpen(int port, String adminToken) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/admin/imports/products HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                + "Authorization: Bearer " + adminToken + "\r\nContent-Length: 1000000\r\n\r\n"
                + "sku,name,description,category,price_cents\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
