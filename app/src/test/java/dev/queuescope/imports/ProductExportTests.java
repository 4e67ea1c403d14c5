package dev.queuescope.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.ShopFixtures;
import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import dev.queuescope.catalog.Category;
import dev.queuescope.catalog.Product;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** GET /api/v1/admin/exports/products.csv: every product, streamed as CSV. */
@ShopHttpTest
class ProductExportTests {

    private static final String HEADER = "id,sku,name,description,category,price_cents";

    @Autowired
    RestTestClient http;

    @BeforeEach
    void asAdmin() {
        http = TestAccounts.admin(http);
    }

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    @Test
    void theExportHasAHeaderThenOneRecordPerProduct() {
        new ShopFixtures(http).product(new ShopFixtures(http).category().id(), 100);
        long products = Objects.requireNonNull(
                new JdbcTemplate(dataSource).queryForObject("select count(*) from catalog.product", Long.class));

        String csv = export();

        assertThat(csv.lines().findFirst()).contains(HEADER);
        assertThat(records(csv)).isEqualTo(products + 1);
    }

    @Test
    void fieldsWithCommasAndQuotesAreQuotedSoTheyReadBack() {
        ShopFixtures shop = new ShopFixtures(http);
        Category category = shop.category();
        Product product = shop.product(category.id(), 1999, "Chair, \"oak\"");

        String line = export().lines().filter(l -> l.startsWith(product.id() + ",")).findFirst().orElseThrow();

        // COPY's CSV: a quote doubled inside a quoted field; an empty text quoted (an unquoted empty one is NULL).
        assertThat(line).isEqualTo(product.id() + "," + product.sku() + ",\"Chair, \"\"oak\"\"\",\"\","
                + category.name() + ",1999");
    }

    @Test
    void theExportIsGzippedWhenTheClientAcceptsIt() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/admin/exports/products.csv"))
                .header("Accept-Encoding", "gzip")
                .header("Authorization", "Bearer " + TestAccounts.adminToken(http)).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (InputStream body = new GZIPInputStream(response.body())) {
            String csv = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(csv.lines().findFirst()).contains(HEADER);
        }
    }

    private String export() {
        return Objects.requireNonNull(http.get().uri("/api/v1/admin/exports/products.csv").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** CSV records: line breaks outside quoted fields. */
    private static long records(String csv) {
        long records = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                records++;
            }
        }
        return records;
    }
}
