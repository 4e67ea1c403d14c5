package dev.queuescope.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.queuescope.payments.internal.provider.PaymentProviderStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stub's outage control, over real HTTP as the perf kit uses it from another process: down for a
 * while, then back by itself. No Spring context: the stub is a plain object.
 */
class PaymentProviderStubTests {

    private final PaymentProviderStub stub = new PaymentProviderStub(0, Duration.ZERO, Duration.ZERO, 0, 0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger keys = new AtomicInteger();

    PaymentProviderStubTests() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
        http.close();
    }

    @Test
    void anOutageAnswers503ToChargesUntilItEndsByItself() throws Exception {
        assertThat(charge()).isEqualTo(201);

        // Long enough that the checks below cannot outlive it; the second call shortens it.
        assertThat(send("POST", "/outage?seconds=60").body()).isEqualTo("{\"down\":true,\"seconds\":60}");

        assertThat(charge()).isEqualTo(503);
        assertThat(send("GET", "/outage").body()).isEqualTo("{\"down\":true}");

        assertThat(send("POST", "/outage?seconds=1").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> charge() == 201);
        assertThat(send("GET", "/outage").body()).isEqualTo("{\"down\":false}");
    }

    @Test
    void downHoldsPastTheEndOfAnEarlierOutage() throws Exception {
        stub.outage(Duration.ofMillis(100));
        stub.down();

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> charge() == 503);
        stub.up();
        assertThat(charge()).isEqualTo(201);
    }

    @Test
    void anOutageWithoutWholePositiveSecondsIsRefused() throws Exception {
        assertThat(send("POST", "/outage").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/outage?seconds=0").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/outage?seconds=1.5").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/outage?seconds=1").statusCode()).isEqualTo(405);

        assertThat(send("GET", "/outage").body()).isEqualTo("{\"down\":false}");
        assertThat(charge()).isEqualTo(201);
    }

    private int charge() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/charges"))
                        .header("Idempotency-Key", "key-" + keys.incrementAndGet())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amountCents\":100}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
