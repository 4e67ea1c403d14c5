package dev.queuescope.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** POST /api/v1/admin/imports/products: a CSV or NDJSON upload, merged by sku, all or nothing. */
@ShopHttpTest
class ProductImportTests {

    private static final String HEADER = "sku,name,description,category,price_cents\n";

    @Autowired
    RestTestClient http;

    @BeforeEach
    void asAdmin() {
        http = TestAccounts.admin(http);
    }

    @Autowired
    DSLContext db;

    @LocalServerPort
    int port;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anImportCreatesItsProductsCategoriesAndStockRows() {
        ImportStatus status = importCsv(HEADER
                + "IMP-" + run + "-1,\"Oak chair, tall\",Solid oak,Imported " + run + ",12900\n"
                + "IMP-" + run + "-2,Walnut lamp,,Imported " + run + ",4500\n");

        assertThat(status.state()).isEqualTo("COMPLETED");
        assertThat(status.rowsRead()).isEqualTo(2);
        assertThat(status.rowsLoaded()).isEqualTo(2);
        assertThat(productNamed("IMP-" + run + "-1")).isEqualTo("Oak chair, tall");
        assertThat(stockRowsOf("IMP-" + run + "-%")).isEqualTo(2);
    }

    @Test
    void anNdjsonUploadImportsTheSameWay() {
        ImportStatus status = Objects.requireNonNull(http.post().uri("/api/v1/admin/imports/products")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body("{\"sku\":\"IMP-" + run + "-1\",\"name\":\"Oak chair\",\"category\":\"Imported " + run
                        + "\",\"price_cents\":12900}\n"
                        + "{\"sku\":\"IMP-" + run + "-2\",\"name\":\"Walnut lamp\",\"description\":\"Warm light\","
                        + "\"category\":\"Imported " + run + "\",\"price_cents\":4500}\n")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(ImportStatus.class).returnResult().getResponseBody());

        assertThat(status.rowsLoaded()).isEqualTo(2);
        assertThat(productNamed("IMP-" + run + "-2")).isEqualTo("Walnut lamp");
        assertThat(stockRowsOf("IMP-" + run + "-%")).isEqualTo(2);
    }

    @Test
    void importingAKnownSkuAgainUpdatesTheProductInsteadOfAddingOne() {
        importCsv(HEADER + "IMP-" + run + "-1,Oak chair,,Imported " + run + ",12900\n");

        ImportStatus again = importCsv(HEADER + "IMP-" + run + "-1,Oak chair (2nd edition),,Imported " + run + ",13900\n");

        assertThat(again.rowsLoaded()).isEqualTo(1);
        assertThat(productNamed("IMP-" + run + "-1")).isEqualTo("Oak chair (2nd edition)");
        assertThat(productsOfThisRun()).isEqualTo(1);
    }

    @Test
    void aBadLineRefusesTheWholeImportWithItsLineNumberAndLeavesNothing() {
        Map<?, ?> problem = Objects.requireNonNull(http.post().uri("/api/v1/admin/imports/products")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(HEADER
                        + "IMP-" + run + "-1,Oak chair,,Imported " + run + ",12900\n"
                        + "IMP-" + run + "-2,Walnut lamp,,Imported " + run + ",cheap\n"
                        + "IMP-" + run + "-3,,,Imported " + run + ",100\n")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody());

        assertThat(problem.get("errors")).isEqualTo(List.of(
                Map.of("line", 3, "field", "price_cents", "message", "a whole number of cents, 0 or more"),
                Map.of("line", 4, "field", "name", "message", "1–200 characters")));
        assertThat(productsOfThisRun()).isZero();
        assertThat(db.fetchCount(db.selectFrom("catalog.category").where("name = ?", "Imported " + run))).isZero();
        assertThat(status((String) problem.get("importId")).state()).isEqualTo("FAILED");
    }

    @Test
    void aSkuNamedTwiceRefusesTheImport() {
        http.post().uri("/api/v1/admin/imports/products").contentType(MediaType.parseMediaType("text/csv"))
                .body(HEADER + "IMP-" + run + "-1,A,,Imported " + run + ",1\n" + "IMP-" + run + "-1,B,,Imported " + run + ",2\n")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("IMP-" + run + "-1 appears more than once");

        assertThat(productsOfThisRun()).isZero();
    }

    @Test
    void anUploadCutOffMidwayLeavesNothingAndTheImportFailed() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2_000; i++) {
            csv.append("IMP-").append(run).append('-').append(i).append(",Chair ").append(i).append(",,Imported ")
                    .append(run).append(",100\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/admin/imports/products HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                    + "Authorization: Bearer " + TestAccounts.adminToken(http) + "\r\n"
                    + "Content-Length: " + body.length * 2 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> recent().stream()
                    .anyMatch(i -> i.state().equals("RUNNING") && i.rowsRead() >= 1_000));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> recent().stream().noneMatch(i -> i.state().equals("RUNNING")));
        assertThat(productsOfThisRun()).isZero();
        assertThat(recent().getFirst().state()).isEqualTo("FAILED");
        assertThat(recent().getFirst().error()).startsWith("the upload broke off");
    }

    @Test
    void anUnparsableHeaderIsRefusedAndTheImportFailed() {
        String importId = http.post().uri("/api/v1/admin/imports/products").contentType(MediaType.parseMediaType("text/csv"))
                .body("sku,\"name\n")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(Map.class).returnResult().getResponseBody().get("importId").toString();

        assertThat(status(importId).state()).isEqualTo("FAILED");
    }

    @Test
    void anUploadThatIsNotCsvIsRefusedAsUnparsable() {
        http.post().uri("/api/v1/admin/imports/products").contentType(MediaType.parseMediaType("text/csv"))
                .body(HEADER + "IMP-" + run + "-1,\"Oak chair,,Imported " + run + ",100\n")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:queuescope:problem:unreadable-import");

        assertThat(productsOfThisRun()).isZero();
    }

    @Test
    void anImportsProgressIsReadableByItsId() {
        ImportStatus done = importCsv(HEADER + "IMP-" + run + "-1,Oak chair,,Imported " + run + ",12900\n");

        assertThat(status(done.id())).isEqualTo(done);
        http.get().uri("/api/v1/admin/imports/{id}", "no-such-import").exchange().expectStatus().isNotFound();
    }

    private ImportStatus importCsv(String csv) {
        return Objects.requireNonNull(http.post().uri("/api/v1/admin/imports/products")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(ImportStatus.class).returnResult().getResponseBody());
    }

    private List<ImportStatus> recent() {
        return Objects.requireNonNull(http.get().uri("/api/v1/admin/imports").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<ImportStatus>>() { })
                .returnResult().getResponseBody());
    }

    private ImportStatus status(String id) {
        return Objects.requireNonNull(http.get().uri("/api/v1/admin/imports/{id}", id).exchange()
                .expectStatus().isOk().expectBody(ImportStatus.class).returnResult().getResponseBody());
    }

    private int productsOfThisRun() {
        return db.fetchCount(db.selectFrom("catalog.product").where("sku like ?", "IMP-" + run + "-%"));
    }

    private String productNamed(String sku) {
        return db.fetchValue("select name from catalog.product where sku = ?", sku).toString();
    }

    private int stockRowsOf(String skuPattern) {
        return db.fetchCount(db.selectFrom("inventory.stock").where(
                "product_id in (select id from catalog.product where sku like ?)", skuPattern));
    }
}
