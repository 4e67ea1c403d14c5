package dev.queuescope.perf.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * The bulk measures, each side timed from first byte to last: the shop's CSV import against a raw
 * {@code COPY} of the same file into a table shaped like {@code catalog.product} (same indexes, the
 * category kept as its name) that starts with the same rows; the shop's CSV export against a raw
 * {@code COPY (the export's query) TO STDOUT}.
 */
final class BulkWork {

    private static final String[] WORDS = {"oak", "steel", "linen", "walnut", "cotton", "glass", "brass", "wool",
        "maple", "leather", "ceramic", "bamboo", "copper", "marble", "velvet", "cedar"};
    private static final String EXPORT_QUERY = """
            select p.id, p.sku, p.name, p.description, c.name as category, p.price_cents
            from catalog.product p join catalog.category c on c.id = p.category_id order by p.id""";

    private final URI shop;
    private final String adminToken;
    private final Connection connection;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BulkWork(URI shop, String adminToken, Connection connection) {
        this.shop = shop;
        this.adminToken = adminToken;
        this.connection = connection;
    }

    /** The raw side's table, with the shop's 100 000 products in it, vacuumed like the shop's. */
    void createRawTable() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("create schema bench");
            // Made from catalog.product's definition (columns, defaults, checks, indexes), so the baseline
            // keeps the shop's indexes if they change; the category as the file names it, not a key.
            sql.execute("create table bench.product (like catalog.product including all)");
            sql.execute("alter table bench.product drop column category_id, add column category text not null");
            sql.execute("create index bench_product_category_idx on bench.product (category, id)");
            sql.execute("""
                    insert into bench.product (sku, name, description, category, price_cents)
                    select p.sku, p.name, p.description, c.name, p.price_cents
                    from catalog.product p join catalog.category c on c.id = p.category_id order by p.id""");
            sql.execute("vacuum (freeze, analyze) bench.product");
        }
    }

    /** A CSV of {@code rows} new products (skus unique to {@code batch}) in the shop's categories. */
    Path writeCsv(Path file, int rows, String batch, long seed) throws IOException, SQLException {
        List<String> categories = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet names = sql.executeQuery("select name from catalog.category order by id")) {
            while (names.next()) {
                categories.add(names.getString(1));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("sku,name,description,category,price_cents\n");
            for (int i = 0; i < rows; i++) {
                String a = WORDS[random.nextInt(WORDS.length)];
                String b = WORDS[random.nextInt(WORDS.length)];
                out.write(batch + "-" + i + ",Bench " + a + " " + b + " " + i + ",A " + a + " thing with "
                        + b + " trim," + categories.get(random.nextInt(categories.size())) + ","
                        + random.nextInt(100, 100_000) + "\n");
            }
        }
        return file;
    }

    /** Seconds for the shop to import the file (201 with state COMPLETED, else the measure fails). */
    double shopImport(Path csv) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(shop.resolve("/api/v1/admin/imports/products"))
                        .header("Content-Type", "text/csv").header("Authorization", "Bearer " + adminToken)
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 201 || !response.body().contains("\"COMPLETED\"")) {
            throw new IOException("the shop's import failed: " + response.statusCode() + " " + response.body());
        }
        return seconds;
    }

    /** Seconds for a raw {@code COPY} of the file into the raw side's table (one transaction). */
    double rawImport(Path csv) throws IOException, SQLException {
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(csv)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy bench.product (sku, name, description, category, price_cents) from stdin (format csv, header)",
                    in);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The shop's export, read to the last byte. */
    Timed shopExport() throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        shop.resolve("/api/v1/admin/exports/products.csv")).timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + adminToken).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream body = response.body()) {
            bytes = body.transferTo(OutputStream.nullOutputStream());
        }
        if (response.statusCode() != 200) {
            throw new IOException("the shop's export failed: " + response.statusCode());
        }
        return new Timed((System.nanoTime() - start) / 1e9, bytes);
    }

    /** The export's query through a raw {@code COPY ... TO STDOUT}. */
    Timed rawExport() throws SQLException, IOException {
        long start = System.nanoTime();
        CountingStream out = new CountingStream();
        connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("copy (" + EXPORT_QUERY + ") to stdout (format csv, header)", out);
        return new Timed((System.nanoTime() - start) / 1e9, out.bytes);
    }

    /** How long a bulk measure took and how many bytes it moved (both sides must move the same). */
    record Timed(double seconds, long bytes) {
    }

    private static final class CountingStream extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
