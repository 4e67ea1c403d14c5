package dev.queuescope.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * With every logger at DEBUG — the most a person could switch on — a registration, logins (one
 * failing), authenticated requests and a logout leave neither the password nor the token in any
 * log line or logged exception.
 */
@ShopHttpTest
class SecretsNotLoggedTests {

    /** Keeps every event's formatted message and stack trace. */
    static final class Capture extends AbstractAppender {


        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            super("secrets-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            StringWriter text = new StringWriter().append(event.getThreadName()).append(' ');
            text.append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
                event.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
        }
    }

    @Autowired
    RestTestClient http;

    private final Capture capture = new Capture();
    private Level rootLevel;

    @BeforeEach
    void captureEverythingAtDebug() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        rootLevel = root.getLevel();
        capture.start();
        root.addAppender(capture, Level.ALL, null);
        root.setLevel(Level.DEBUG);
        context.updateLoggers();
    }

    @AfterEach
    void restore() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(capture.getName());
        root.setLevel(rootLevel);
        context.updateLoggers();
        capture.stop();
    }

    @Test
    void passwordsAndTokensNeverReachTheLog() {
        String email = "logged-" + UUID.randomUUID() + "@example.test";
        String password = "secret-password-" + UUID.randomUUID();
        http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password)).exchange()
                .expectStatus().isCreated();
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password + "-wrong")).exchange()
                .expectStatus().isUnauthorized();
        String token = TestAccounts.login(http, email, password);
        RestTestClient customer = TestAccounts.as(http, token);
        customer.get().uri("/api/v1/orders").exchange().expectStatus().isOk();
        customer.post().uri("/api/v1/auth/logout").exchange().expectStatus().isNoContent();
        customer.get().uri("/api/v1/orders").exchange().expectStatus().isUnauthorized();

        // Loggers are asynchronous: once the marker is through, everything before it is too.
        String marker = "end-of-secrets-test-" + UUID.randomUUID();
        LogManager.getLogger(SecretsNotLoggedTests.class).warn(marker);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> capture.lines.stream().anyMatch(line -> line.contains(marker)));

        // This test's own HTTP client, on this thread, of course has the password it sends.
        String testThread = Thread.currentThread().getName() + " ";
        List<String> shop = capture.lines.stream().filter(line -> !line.startsWith(testThread)).toList();
        assertThat(shop).as("the requests were logged at all").anyMatch(line -> line.contains("/api/v1/orders"));
        assertThat(shop).noneMatch(line -> line.contains(password));
        assertThat(shop).noneMatch(line -> line.contains(token));
        assertThat(shop).noneMatch(line -> line.contains(token.substring(3)));
    }
}
