package dev.queuescope.perf.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.queuescope.perf.JsonAnswer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Set-up accounts against a shop that sheds: a refusal is waited out as the shop asks, a few times. */
class ShopAccountsTests {

    private final AtomicInteger registrations = new AtomicInteger();
    private HttpServer service;

    /** A shop that refuses the first {@code refusals} registrations with 429 and {@code Retry-After: 0}. */
    private URI shopRefusingFirst(int refusals) throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/api/v1/customers", exchange -> {
            if (registrations.incrementAndGet() <= refusals) {
                exchange.getResponseHeaders().set("Retry-After", "0");
                answer(exchange, 429);
            } else {
                answer(exchange, 201);
            }
        });
        service.createContext("/api/v1/auth/login", exchange -> JsonAnswer.ok(exchange, "{\"token\":\"t\"}"));
        service.start();
        return URI.create("http://127.0.0.1:" + service.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    @Test
    void aRegistrationTheShopRefusedIsSentAgainAfterItsRetryAfter() throws Exception {
        URI shop = shopRefusingFirst(2);

        assertThat(new ShopAccounts(shop).newCustomerTokens(1)).containsExactly("t");
        assertThat(registrations).hasValue(3);
    }

    @Test
    void aShopThatKeepsRefusingFailsTheSetUpWithItsAnswer() throws Exception {
        URI shop = shopRefusingFirst(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new ShopAccounts(shop).newCustomerTokens(1)).isInstanceOf(IOException.class)
                .hasMessageContaining("answered 429");
        assertThat(registrations).hasValue(ShopAccounts.REFUSALS_WAITED_OUT + 1);
    }
}
